package engram.theorem.firingrate;

import engram.activation.ActivationKind;
import engram.integrate.Euler;
import engram.integrate.StepObserver;
import engram.memory.FiringRateDesign;
import engram.memory.MemoryKind;
import engram.memory.PatternSet;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.network.CouplingRule;
import engram.network.ModelKind;
import engram.network.Network;
import engram.network.NetworkSpec;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The retrieval experiment of Betteti et al. 2025 (theory.md section 2): N = 1000, q = 0.2,
 * P = floor(N / (10 ln N)) = 14 random memories, the reference sigmoid design (rho = 4.8, I* = 0.2, a = -0.3,
 * b = 0.95), sigma = 0, Euler dt = 0.01 to T = 10. A cue keeps each active unit of a memory with probability 0.6; a
 * non-stored pattern of activity q keeps each active unit with probability 0.7. Used by {@code fr.retrieval} and the
 * report's retrieval figure.
 */
public final class RetrievalExperiment {

    public static final int N = 1000;
    public static final double Q = FiringRateDesign.REFERENCE_Q;

    private RetrievalExperiment() {
    }

    /** Final overlaps and cosines of one trial, and the overlap curves sampled every 0.1 time units. */
    public record Trial(double storedOverlap, double storedCosine, double nonStoredInitial, double nonStoredOverlap,
            double[] storedCurve, double[] nonStoredCurve, double finalActivity) {
    }

    public static int memories() {
        return FiringRateDesign.referenceMemories(N);
    }

    /** The network of theory.md's experiment with the memories drawn from {@code seed}. */
    public static Network network(long seed) {
        return NetworkSpec.builder().model(ModelKind.RATE).n(N).p(memories()).memories(MemoryKind.SPARSE).q(Q)
                .design(CouplingRule.FR).fields(FiringRateDesign.REFERENCE_A, FiringRateDesign.REFERENCE_B)
                .activation(ActivationKind.LOGISTIC, FiringRateDesign.REFERENCE_RHO, FiringRateDesign.REFERENCE_THRESHOLD)
                .build().build(new SplittableRandom(seed));
    }

    /**
     * Cue of memory mu (active units kept with probability 0.6) and a non-stored pattern (kept with 0.7); with
     * {@code wrongNormalisation} the design's memory term misses its 1 / (q (1 - r)) factor.
     */
    public static Trial trial(int memory, boolean wrongNormalisation, long seed) {
        return trial(memory, wrongNormalisation, 0, seed);
    }

    /**
     * The same with a uniform external drive {@code u = drive} on every unit (0 in the experiment; a strong drive
     * makes a network that is alive but wrong: it ends highly active, not in the cued memory).
     */
    public static Trial trial(int memory, boolean wrongNormalisation, double drive, long seed) {
        Network net = network(seed);
        FiringRateDesign design = net.design();
        double[] u = new double[N];
        Arrays.fill(u, drive);
        FiringRateModel model = new FiringRateModel(1.0, design.couplings(wrongNormalisation ? Q * (1 - Q) : 1),
                design.phi(), Input.constant(u));
        PatternSet xi = net.memories();
        SplittableRandom rng = new SplittableRandom(seed * 31 + memory);
        double[] pattern = xi.pattern(memory);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = pattern[i] == 1 && rng.nextDouble() < 0.6 ? 1 : 0;
        }
        double[] storedCurve = new double[101];
        new Euler(N).integrate(model, 0, x, 10, 1000, 10, overlapCurve(pattern, storedCurve));
        double dot = 0, xx = 0, mm = 0;
        for (int i = 0; i < N; i++) {
            dot += x[i] * pattern[i];
            xx += x[i] * x[i];
            mm += pattern[i];
        }
        double[] other = new double[N];
        double[] y = new double[N];
        double init = 0;
        for (int i = 0; i < N; i++) {
            other[i] = rng.nextDouble() < Q ? 1 : 0;
            y[i] = other[i] == 1 && rng.nextDouble() < 0.7 ? 1 : 0;
            init += y[i] * other[i];
        }
        double[] nonStoredCurve = new double[101];
        new Euler(N).integrate(model, 0, y, 10, 1000, 10, overlapCurve(other, nonStoredCurve));
        double fin = 0;
        for (int i = 0; i < N; i++) {
            fin += y[i] * other[i];
        }
        double activity = 0;
        for (int i = 0; i < N; i++) {
            activity += x[i];
        }
        return new Trial(dot / (N * Q), xx > 0 ? dot / Math.sqrt(xx * mm) : 0, init / (N * Q), fin / (N * Q),
                storedCurve, nonStoredCurve, activity / N);
    }

    /** Records {@code x . xi / (N q)} at each observation (t = 0, 0.1, ..., 10). */
    private static StepObserver overlapCurve(double[] pattern, double[] curve) {
        return (t, x) -> {
            double s = 0;
            for (int i = 0; i < N; i++) {
                s += x[i] * pattern[i];
            }
            curve[(int) Math.round(t * 10)] = s / (N * Q);
        };
    }
}
