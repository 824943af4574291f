package engram.theorem;

import engram.activation.Activations;
import engram.claim.Draw;
import engram.memory.FiringRateDesign;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A firing-rate design (theory.md section 2) described by small parameters, so that a failing case prints readably:
 * the memory set (balanced common-core, correlated with co-activity r, or random sparse), the activation (sigmoid or
 * rectified tanh with slope rho and threshold I*), and the target fields a < b.
 */
public record DesignSpec(String memories, int n, int p, double q, double r, String activation, double rho,
        double threshold, double a, double b, long seed) {

    /** Activities for which the common-core construction is exact, with the unit that N must be a multiple of. */
    private static final double[][] BALANCED = {{0.2, 25}, {0.25, 16}, {0.5, 4}};

    public FiringRateDesign build() {
        return build(r);
    }

    /** The design computed with co-activity {@code designR} for these memories (r itself inside the hypotheses). */
    public FiringRateDesign build(double designR) {
        PatternSet xi = switch (memories) {
            case "balanced" -> Patterns.commonCore(n, q);
            case "correlated" -> Patterns.correlated(n, p, q, r);
            default -> Patterns.sparse(n, p, q, new SplittableRandom(seed));
        };
        return new FiringRateDesign(xi, Activations.of(activation, rho, threshold), a, b, q, designR);
    }

    /** Memory sets whose rescaled memories are exact equilibria. */
    public boolean exact() {
        return !memories.equals("random");
    }

    /** Draws a design among the given memory kinds, with fields and activation parameters from the phase-diagram box. */
    public static DesignSpec draw(Draw d, List<String> kinds) {
        String kind = d.choice(kinds);
        String act = d.choice(List.of("logistic", "rectified-tanh"));
        double rho = d.real(0.5, 6);
        double threshold = d.real(0, 0.9);
        double a = d.real(-0.5, 0.3);
        double b = Math.max(d.real(0.6, 1.2), threshold + 0.1);
        long seed = d.seed();
        return switch (kind) {
            case "balanced" -> {
                double[] qs = BALANCED[d.integer(0, BALANCED.length - 1)];
                int n = (int) qs[1] * d.integer(2, 6);
                yield new DesignSpec(kind, n, (int) Math.floor(1 + 1 / qs[0]), qs[0], qs[0], act, rho, threshold, a, b,
                        seed);
            }
            case "correlated" -> new DesignSpec(kind, 100 * d.integer(1, 2), d.integer(2, 4), 0.2,
                    List.of(0.1, 0.3, 0.5).get(d.integer(0, 2)), act, rho, threshold, a, b, seed);
            default -> new DesignSpec(kind, d.integer(40, 200), d.integer(1, 5), 0.2, 0.2, act, rho, threshold, a, b, seed);
        };
    }
}
