package engram.analysis;

import engram.activation.ActivationKind;
import engram.memory.FiringRateDesign;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The stability phase diagram of theory.md section 2: balanced memories, a grid of slopes rho and thresholds I*,
 * both activations and both signs of gamma ((a, b) = (-0.3, 0.95) and (0.1, 0.95)). Each cell holds the largest
 * Jacobian eigenvalue over the rescaled memories (rank-(P+1) reduction), the numerical verdict and the two analytic
 * conditions.
 */
public final class PhaseDiagram {

    /** One grid cell. */
    public record Cell(ActivationKind activation, double a, double b, double rho, double threshold, double maxEigenvalue,
            boolean stable, boolean sufficient, double instability) {

        /** Whether an analytic condition decides this cell. */
        public boolean decided() {
            return sufficient || instability > 0;
        }

        /** Whether the deciding condition (if any) agrees with the eigenvalue. */
        public boolean agrees() {
            return RateStability.conditionsAgree(sufficient, instability, stable);
        }
    }

    /** theory.md's grid size: 30 values of rho and of I*. */
    public static final int GRID = 30;

    /** theory.md's slopes: rho in linspace(0.2, 5, grid). */
    public static double[] rhos(int grid) {
        return linspace(0.2, 5, grid);
    }

    /** theory.md's thresholds: I* in linspace(0, 0.9, grid). */
    public static double[] thresholds(int grid) {
        return linspace(0, 0.9, grid);
    }

    /** {@code count} equally spaced values from {@code from} to {@code to}. */
    public static double[] linspace(double from, double to, int count) {
        double[] v = new double[count];
        for (int k = 0; k < count; k++) {
            v[k] = count == 1 ? from : from + (to - from) * k / (count - 1);
        }
        return v;
    }

    public static final List<ActivationKind> ACTIVATIONS = List.of(ActivationKind.LOGISTIC, ActivationKind.RECTIFIED_TANH);
    /** (a, b) = (-0.3, 0.95) (gamma < 0) and (0.1, 0.95) (gamma > 0). */
    public static final double[][] FIELDS = {{FiringRateDesign.REFERENCE_A, FiringRateDesign.REFERENCE_B},
        {FiringRateDesign.EXCITATORY_A, FiringRateDesign.REFERENCE_B}};

    private PhaseDiagram() {
    }

    /**
     * Every cell of the grid, in the order activation, field pair, rho, threshold. Cells run in parallel (each from
     * its own design, with a workspace per thread), so the result does not depend on the thread count.
     */
    public static List<Cell> compute(int n, double q, double[] rhos, double[] thresholds) {
        PatternSet xi = Patterns.commonCore(n, q);
        RowGroups groups = RowGroups.of(xi);
        ThreadLocal<SmallSymmetric.Workspace> work = ThreadLocal.withInitial(() -> new SmallSymmetric.Workspace(xi.p() + 1));
        int per = rhos.length * thresholds.length, blocks = ACTIVATIONS.size() * FIELDS.length;
        return IntStream.range(0, blocks * per).parallel().mapToObj(k -> {
            ActivationKind act = ACTIVATIONS.get(k / per / FIELDS.length);
            double[] ab = FIELDS[k / per % FIELDS.length];
            double rho = rhos[k % per / thresholds.length], th = thresholds[k % thresholds.length];
            FiringRateDesign d = FiringRateDesign.independent(xi, act.of(rho, th), ab[0], ab[1], q);
            double ev = RateStability.maxEigenvalueOverMemories(d, groups, work.get());
            return new Cell(act, ab[0], ab[1], rho, th, ev, ev < 0, d.sufficientCondition(), d.instabilityExpression());
        }).toList();
    }
}
