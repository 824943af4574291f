package engram.figure;

import java.util.List;

/**
 * Panels of a scalar field z(x, y) on a grid, coloured on a diverging scale (blue negative, white 0, red positive,
 * saturating at |z| = {@code saturation}), with the edges of boolean regions drawn on top: where a region's flag
 * changes between neighbouring cells, a line in the region's style.
 */
public record HeatMap(String file, String caption, String title, String legend, double saturation, List<Panel> panels)
        implements Figure {

    /** How a region's edge is drawn. */
    public enum Edge {
        SOLID_WHITE, DASHED_BLACK
    }

    /** A region of the grid: {@code inside[i][j]} for y index i and x index j. */
    public record Region(String name, boolean[][] inside, Edge edge) {
    }

    /** One panel: {@code z[i][j]} at {@code (x[j], y[i])}. */
    public record Panel(String title, String xLabel, String yLabel, double[] x, double[] y, double[][] z,
            List<Region> regions) {

        public Panel {
            if (z.length != y.length || z.length > 0 && z[0].length != x.length) {
                throw new IllegalArgumentException("panel " + title + ": z must be y.length x x.length");
            }
        }
    }
}
