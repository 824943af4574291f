package engram.theorem;

import engram.activation.Activation;
import engram.activation.Logistic;
import engram.activation.Tanh;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.integrate.Trajectory;
import engram.memory.DenseCouplings;
import engram.model.Input;
import engram.model.VoltageModel;
import engram.oracle.Oracle;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hopfield 1984: for symmetric W and increasing psi the energy of the voltage model never increases along
 * trajectories. Checked on DP853 oracle trajectories; the control uses W with a dominant antisymmetric part.
 */
public final class VoltageEnergyClaim implements Claim<VoltageEnergyClaim.Case> {

    /** Relative energy increase tolerated between samples: the oracle's error budget (1e-12) times a margin. */
    public static final double TOLERANCE = 1e-9;

    /**
     * @param antisymmetry weight of an antisymmetric part added to W (0 inside the hypotheses)
     */
    public record Case(int n, String activation, double gain, double scale, double inputScale, double antisymmetry,
            long seed) {

        VoltageModel model() {
            SplittableRandom rng = new SplittableRandom(seed);
            DenseCouplings sym = DenseCouplings.randomSymmetric(n, scale, false, rng);
            double[] w = sym.toDense();
            if (antisymmetry > 0) {
                DenseCouplings g = DenseCouplings.randomGeneral(n, antisymmetry, rng);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        w[i * n + j] += 0.5 * (g.entry(i, j) - g.entry(j, i));
                    }
                }
            }
            Activation psi = activation.equals("tanh") ? new Tanh(gain) : new Logistic(gain, 0.0);
            return new VoltageModel(1.0, new DenseCouplings(n, w), psi,
                    Input.constant(Vectors.gaussian(n, inputScale, rng)));
        }

        double[] start() {
            return Vectors.gaussian(n, 2.0, new SplittableRandom(seed + 1));
        }
    }

    @Override public String id() { return "voltage.energy-monotone"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer(2, 12), d.choice(List.of("tanh", "logistic")), d.real(0.5, 4), d.real(0.5, 3),
                d.real(0, 1), 0.0, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer(2, 12), "tanh", d.real(1, 4), d.real(0.1, 0.5), d.real(0, 0.5), d.real(3, 8),
                d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        VoltageModel model = c.model();
        Trajectory tr = Oracle.dp853().sample(model, 0, c.start(), 5.0, 0.05);
        Trajectories.Rise rise = Trajectories.largestEnergyRise(model, tr);
        double worst = rise.relative();
        double worstT = rise.time();
        return Evaluation.atMost(worst, TOLERANCE,
                "largest relative energy rise between samples " + Vectors.fmt(worst) + " at t=" + Vectors.fmt(worstT));
    }
}
