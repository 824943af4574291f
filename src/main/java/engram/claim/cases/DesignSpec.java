package engram.claim.cases;

import engram.activation.ActivationKind;
import engram.claim.Draw;
import engram.memory.FiringRateDesign;
import engram.memory.MemoryKind;
import engram.memory.PatternSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A firing-rate design (theory.md section 2) described by small parameters, so that a failing case prints readably:
 * the memory set (balanced common-core, correlated with co-activity r, or random sparse), the activation (sigmoid or
 * rectified tanh with slope rho and threshold I*), and the target fields a < b.
 */
public record DesignSpec(MemoryKind memories, int n, int p, double q, double r, ActivationKind activation, double rho,
        double threshold, double a, double b, long seed) {

    /** An activity for which the common-core construction is exact when N is a multiple of {@code unit}. */
    public record Balanced(double q, int unit) {
        @Override public String toString() {
            return q + " (N a multiple of " + unit + ")";
        }
    }

    /** The activities of balanced cases. */
    public static final List<Balanced> BALANCED = List.of(new Balanced(0.2, 25), new Balanced(0.25, 16),
            new Balanced(0.5, 4));

    /** The balanced design at theory.md's reference parameters (sigmoid rho 4.8, I* 0.2, a -0.3, b 0.95, q 0.2). */
    public static DesignSpec reference(int n, long seed) {
        return new DesignSpec(MemoryKind.BALANCED, n, 6, FiringRateDesign.REFERENCE_Q, FiringRateDesign.REFERENCE_Q,
                ActivationKind.LOGISTIC, FiringRateDesign.REFERENCE_RHO, FiringRateDesign.REFERENCE_THRESHOLD,
                FiringRateDesign.REFERENCE_A, FiringRateDesign.REFERENCE_B, seed);
    }

    public FiringRateDesign build() {
        return build(r);
    }

    /** The design computed with co-activity {@code designR} for these memories (r itself inside the hypotheses). */
    public FiringRateDesign build(double designR) {
        PatternSet xi = memories.build(n, p, q, r, new SplittableRandom(seed));
        return new FiringRateDesign(xi, activation.of(rho, threshold), a, b, q, designR);
    }

    /** Memory sets whose rescaled memories are exact equilibria. */
    public boolean exact() {
        return memories != MemoryKind.SPARSE;
    }

    /** Draws a design among the given memory kinds, with fields and activation parameters from the phase-diagram box. */
    public static DesignSpec draw(Draw d, List<MemoryKind> kinds) {
        MemoryKind kind = d.choice("memories", kinds);
        ActivationKind act = d.choice("activation", List.of(ActivationKind.LOGISTIC, ActivationKind.RECTIFIED_TANH));
        double rho = d.real("rho", 0.5, 6);
        double threshold = d.real("I*", 0, 0.9);
        double a = d.real("a", -0.5, 0.3);
        double b = Math.max(d.real("b (at least I* + 0.1)", 0.6, 1.2), threshold + 0.1);
        long seed = d.seed();
        return switch (kind) {
            case BALANCED -> {
                Balanced bal = d.choice("q (balanced)", BALANCED);
                int n = bal.unit() * d.integer("N / unit (balanced)", 2, 6);
                yield new DesignSpec(kind, n, (int) Math.floor(1 + 1 / bal.q()), bal.q(), bal.q(), act, rho, threshold, a,
                        b, seed);
            }
            case CORRELATED -> new DesignSpec(kind, 100 * d.integer("N / 100 (correlated)", 1, 2),
                    d.integer("P (correlated)", 2, 4), 0.2, d.choice("r (correlated)", List.of(0.1, 0.3, 0.5)), act, rho,
                    threshold, a, b, seed);
            default -> new DesignSpec(kind, d.integer("N (sparse)", 40, 200), d.integer("P (sparse)", 1, 5), 0.2, 0.2, act,
                    rho, threshold, a, b, seed);
        };
    }
}
