package engram.figure;

import java.util.List;

/** Curves y(x) on shared axes (optionally logarithmic), one {@link Series} each. */
public record Plot(String file, String caption, String title, String xLabel, String yLabel, boolean logX, boolean logY,
        List<Series> series) implements Figure {

    /** One curve; {@code markers} draws its points, {@code line} joins them ({@code dashed}: with a dashed line). */
    public record Series(String name, double[] x, double[] y, boolean line, boolean markers, boolean dashed) {

        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": " + x.length + " x values, " + y.length + " y values");
            }
        }

        /** A line without markers. */
        public static Series line(String name, double[] x, double[] y) {
            return new Series(name, x, y, true, false, false);
        }

        /** A dashed line without markers (a theory curve beside a measured one). */
        public static Series dashed(String name, double[] x, double[] y) {
            return new Series(name, x, y, true, false, true);
        }

        /** A line with markers. */
        public static Series points(String name, double[] x, double[] y) {
            return new Series(name, x, y, true, true, false);
        }

        /** Markers only. */
        public static Series scatter(String name, double[] x, double[] y) {
            return new Series(name, x, y, false, true, false);
        }
    }
}
