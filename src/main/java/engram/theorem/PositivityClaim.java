package engram.theorem;

import engram.activation.Activation;
import engram.activation.Activations;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.integrate.Euler;
import engram.integrate.StepObserver;
import engram.memory.DenseCouplings;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.oracle.Oracle;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Derived (theory.md section 2): for {@code tau rdot = -r + Phi(W r + u)} with {@code Phi >= 0}, the orthant r >= 0
 * is forward invariant for any W, and [0,1]^N is when also {@code Phi <= 1}, because {@code rdot_i >= -r_i / tau}
 * on the face r_i = 0 and {@code rdot_i <= (1 - r_i) / tau} on r_i = 1. Explicit Euler with h <= tau writes
 * {@code r + (h/tau)(Phi - r) = (1 - h/tau) r + (h/tau) Phi}, a convex combination, so it preserves both exactly.
 * Control: Euler with h > tau under inhibition leaves the orthant. Two instances: {@code rate.positivity} with random W
 * of any sign, and {@code fr.positivity} with the W of every firing-rate design (stable or not, theory.md section 2).
 */
public final class PositivityClaim implements Claim<PositivityClaim.Case> {

    private final boolean designs;

    private PositivityClaim(boolean designs) {
        this.designs = designs;
    }

    /** Random W of any sign ({@code rate.positivity}). */
    public static PositivityClaim randomCouplings() {
        return new PositivityClaim(false);
    }

    /** The couplings of firing-rate designs ({@code fr.positivity}). */
    public static PositivityClaim designs() {
        return new PositivityClaim(true);
    }

    /** Tolerance on the oracle (its absolute accuracy is 1e-12). */
    public static final double ORACLE_TOLERANCE = 1e-10;
    /** Tolerance on Euler: a few units of round-off. */
    public static final double EULER_TOLERANCE = 1e-15;

    /**
     * @param integrator oracle or euler
     * @param stepRatio h / tau for Euler
     * @param bias mean of W's entries (negative: inhibition)
     */
    public record Case(int n, String activation, double gain, double threshold, double scale, double bias,
            String integrator, double stepRatio, long seed, DesignSpec design) {

        FiringRateModel model() {
            SplittableRandom rng = new SplittableRandom(seed);
            if (design != null) {
                var fr = design.build();
                return new FiringRateModel(1.0, fr.couplings(), fr.phi(), Input.constant(Vectors.gaussian(n, 0.5, rng)));
            }
            double[] w = DenseCouplings.randomGeneral(n, scale, rng).toDense();
            for (int k = 0; k < w.length; k++) {
                w[k] += bias / n;
            }
            Activation phi = Activations.of(activation, gain, threshold);
            return new FiringRateModel(1.0, new DenseCouplings(n, w), phi,
                    Input.constant(Vectors.gaussian(n, 0.5, rng)));
        }

        double[] start() {
            SplittableRandom rng = new SplittableRandom(seed + 3);
            double[] r = Vectors.uniform(n, 0, 1, rng);
            for (int i = 0; i < n; i++) {
                if (rng.nextInt(4) == 0) {
                    r[i] = 0;
                }
            }
            return r;
        }
    }

    @Override public String id() { return designs ? "fr.positivity" : "rate.positivity"; }

    @Override public CaseSpace<Case> hypotheses() {
        if (designs) {
            return d -> {
                DesignSpec s = DesignSpec.draw(d, List.of("balanced", "correlated", "random"));
                return new Case(s.n(), s.activation(), s.rho(), s.threshold(), 0, 0,
                        d.choice(List.of("euler", "oracle")), d.real(0.05, 1), d.seed(), s);
            };
        }
        return d -> {
            int n = d.integer(1, 20);
            String act = d.choice(List.of("logistic", "rectified-tanh", "relu"));
            double gain = d.real(0.2, 5);
            double threshold = d.real(-0.5, 1);
            // relu is unbounded: keep gain * ||W|| below 1 so that trajectories stay finite
            double scale = act.equals("relu") ? d.real(0, 0.3) / gain : d.real(0, 3);
            double bias = act.equals("relu") ? -d.real(0, 2) : d.real(-3, 3);
            String integrator = d.choice(List.of("euler", "oracle"));
            return new Case(n, act, gain, threshold, scale, bias, integrator, d.real(0.05, 1), d.seed(), null);
        };
    }

    @Override public CaseSpace<Case> control() {
        if (designs) {
            return d -> {
                DesignSpec s = DesignSpec.draw(d, List.of("balanced", "correlated", "random"));
                return new Case(s.n(), s.activation(), s.rho(), s.threshold(), 0, 0, "euler", d.real(1.5, 3), d.seed(), s);
            };
        }
        return d -> new Case(d.integer(1, 20), d.choice(List.of("logistic", "rectified-tanh")), d.real(1, 5),
                d.real(0, 1), d.real(0, 1), -d.real(2, 6), "euler", d.real(1.5, 3), d.seed(), null);
    }

    @Override public Evaluation evaluate(Case c) {
        FiringRateModel model = c.model();
        boolean boxed = model.activation().rangeMax() <= 1;
        double[] r = c.start();
        double[] worst = {0};
        StepObserver watch = (t, x) -> {
            for (double v : x) {
                worst[0] = Math.max(worst[0], -v);
                if (boxed) {
                    worst[0] = Math.max(worst[0], v - 1);
                }
            }
        };
        double tolerance;
        if (c.integrator().equals("euler")) {
            int steps = (int) Math.ceil(10 / c.stepRatio());
            new Euler(c.n()).integrate(model, 0, r, steps * c.stepRatio(), steps, 1, watch);
            tolerance = EULER_TOLERANCE;
        } else {
            Oracle.dp853().sample(model, 0, r, 10, 0.02).forEach(watch);
            tolerance = ORACLE_TOLERANCE;
        }
        return Evaluation.atMost(worst[0], tolerance, "largest excursion outside " + (boxed ? "[0,1]" : "[0,inf)")
                + " = " + Vectors.fmt(worst[0]) + " (" + c.integrator() + ")");
    }
}
