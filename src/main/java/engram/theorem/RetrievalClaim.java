package engram.theorem;

import engram.activation.Logistic;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.integrate.Euler;
import engram.integrate.StepObserver;
import engram.memory.Couplings;
import engram.memory.FiringRateDesign;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.FiringRateModel;
import engram.model.Input;
import java.util.SplittableRandom;

/**
 * The retrieval experiment of Betteti et al. 2025 (theory.md section 2): N = 1000, q = 0.2,
 * P = floor(N / (10 ln N)) = 14 random memories, sigmoid rho = 4.8, I* = 0.2, a = -0.3, b = 0.95, sigma = 0,
 * Euler dt = 0.01 to T = 10. A cue keeps each active unit of a memory with probability 0.6 and must be completed
 * (cosine between x(T) and the memory at least {@value #RETRIEVED}); a non-stored pattern of activity q with each
 * active unit kept with probability 0.7 must decay (overlap {@code x . xi / (N q)} at T at most {@value #DECAYED},
 * from about 0.7). Control: the design with the wrong normalisation (memory term missing its 1 / (q (1 - r))
 * factor), under which cues are not completed.
 */
public final class RetrievalClaim implements Claim<RetrievalClaim.Case> {

    public static final double RETRIEVED = 0.95;
    public static final double DECAYED = 0.1;
    public static final int N = 1000;
    public static final double Q = 0.2;

    public record Case(int memory, boolean wrongNormalisation, long seed) {
    }

    /** Final overlaps and cosines of one trial, and the overlap curves sampled every 0.1 time units. */
    public record Trial(double storedOverlap, double storedCosine, double nonStoredInitial, double nonStoredOverlap,
            double[] storedCurve, double[] nonStoredCurve) {
    }

    @Override public String id() { return "fr.retrieval"; }

    @Override public int examples() { return 6; }

    @Override public int controlBudget() { return 5; }

    public static int memories() {
        return (int) Math.floor(N / (10 * Math.log(N)));
    }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer(0, memories() - 1), false, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer(0, memories() - 1), true, d.seed());
    }

    /** The network of one seed. */
    public static FiringRateModel network(long seed, boolean wrongNormalisation, PatternSet[] memoriesOut) {
        PatternSet xi = Patterns.sparse(N, memories(), Q, new SplittableRandom(seed));
        memoriesOut[0] = xi;
        FiringRateDesign design = FiringRateDesign.independent(xi, new Logistic(4.8, 0.2), -0.3, 0.95, Q);
        Couplings w = design.couplings(wrongNormalisation ? Q * (1 - Q) : 1);
        return new FiringRateModel(1.0, w, design.phi(), Input.zero(N));
    }

    /** Cue of memory mu (active units kept with probability 0.6), and a non-stored pattern (kept with 0.7). */
    public static Trial trial(Case c) {
        PatternSet[] holder = new PatternSet[1];
        FiringRateModel model = network(c.seed(), c.wrongNormalisation(), holder);
        PatternSet xi = holder[0];
        SplittableRandom rng = new SplittableRandom(c.seed() * 31 + c.memory());
        double[] memory = xi.pattern(c.memory());
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = memory[i] == 1 && rng.nextDouble() < 0.6 ? 1 : 0;
        }
        double[] storedCurve = new double[101];
        new Euler(N).integrate(model, 0, x, 10, 1000, 10, overlapCurve(memory, storedCurve));
        double dot = 0, xx = 0, mm = 0;
        for (int i = 0; i < N; i++) {
            dot += x[i] * memory[i];
            xx += x[i] * x[i];
            mm += memory[i];
        }
        double[] pattern = new double[N];
        double[] y = new double[N];
        double init = 0;
        for (int i = 0; i < N; i++) {
            pattern[i] = rng.nextDouble() < Q ? 1 : 0;
            y[i] = pattern[i] == 1 && rng.nextDouble() < 0.7 ? 1 : 0;
            init += y[i] * pattern[i];
        }
        double[] nonStoredCurve = new double[101];
        new Euler(N).integrate(model, 0, y, 10, 1000, 10, overlapCurve(pattern, nonStoredCurve));
        double fin = 0;
        for (int i = 0; i < N; i++) {
            fin += y[i] * pattern[i];
        }
        return new Trial(dot / (N * Q), xx > 0 ? dot / Math.sqrt(xx * mm) : 0, init / (N * Q), fin / (N * Q),
                storedCurve, nonStoredCurve);
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

    @Override public Evaluation evaluate(Case c) {
        Trial t = trial(c);
        double margin = Math.min(t.storedCosine() - RETRIEVED, DECAYED - t.nonStoredOverlap());
        return new Evaluation(t.storedCosine(), margin, "stored cue: overlap " + Vectors.fmt(t.storedOverlap())
                + ", cosine " + Vectors.fmt(t.storedCosine()) + "; non-stored: overlap " + Vectors.fmt(t.nonStoredInitial())
                + " -> " + Vectors.fmt(t.nonStoredOverlap()));
    }
}
