package engram.analysis;

import engram.activation.Activations;
import engram.memory.FiringRateDesign;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import java.util.ArrayList;
import java.util.List;

/**
 * The stability phase diagram of theory.md section 2: balanced memories, a grid of slopes rho and thresholds I*,
 * both activations and both signs of gamma ((a, b) = (-0.3, 0.95) and (0.1, 0.95)). Each cell holds the largest
 * Jacobian eigenvalue over the rescaled memories (rank-(P+1) reduction), the numerical verdict and the two analytic
 * conditions.
 */
public final class PhaseDiagram {

    /** One grid cell. */
    public record Cell(String activation, double a, double b, double rho, double threshold, double maxEigenvalue,
            boolean stable, boolean sufficient, double instability) {

        /** Whether an analytic condition decides this cell. */
        public boolean decided() {
            return sufficient || instability > 0;
        }

        /** Whether the deciding condition (if any) agrees with the eigenvalue. */
        public boolean agrees() {
            return sufficient ? stable : instability > 0 ? !stable : true;
        }
    }

    /** theory.md's grid: rho in linspace(0.2, 5, 30), I* in linspace(0, 0.9, 30). */
    public static double[] linspace(double from, double to, int count) {
        double[] v = new double[count];
        for (int k = 0; k < count; k++) {
            v[k] = count == 1 ? from : from + (to - from) * k / (count - 1);
        }
        return v;
    }

    public static final List<String> ACTIVATIONS = List.of("logistic", "rectified-tanh");
    public static final double[][] FIELDS = {{-0.3, 0.95}, {0.1, 0.95}};

    private PhaseDiagram() {
    }

    public static List<Cell> compute(int n, double q, double[] rhos, double[] thresholds) {
        PatternSet xi = Patterns.commonCore(n, q);
        List<Cell> cells = new ArrayList<>();
        for (String act : ACTIVATIONS) {
            for (double[] ab : FIELDS) {
                for (double rho : rhos) {
                    for (double th : thresholds) {
                        FiringRateDesign d = FiringRateDesign.independent(xi, Activations.of(act, rho, th), ab[0], ab[1], q);
                        double ev = RateStability.maxEigenvalueOverMemories(d);
                        cells.add(new Cell(act, ab[0], ab[1], rho, th, ev, ev < 0, d.sufficientCondition(),
                                d.instabilityExpression()));
                    }
                }
            }
        }
        return cells;
    }
}
