package engram.theorem;

import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.integrate.Trajectory;
import engram.memory.DenseCouplings;
import engram.memory.FiringRateDesign;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.oracle.Oracle;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Betteti et al. 2025 / derived (theory.md section 2): for symmetric W the firing-rate energy
 * {@code E_FR(x) = -1/2 x^T W x - u^T x + sum_i G(x_i)}, G a primitive of Phi^-1, never increases along
 * {@code xdot = -x + Phi(W x + u)}: {@code dE/dt = sum_i (Phi^-1(x_i) - h_i)(Phi(h_i) - x_i) <= 0} with h = W x + u,
 * since Phi^-1 is increasing. Edges: G is continued by its finite limits at the ends of Phi's range (logistic:
 * x log x terms; rectified tanh: at x = 0 the inverse is the set (-inf, I*] and G its convex extension), so E_FR is
 * finite on the closed box; trajectories from its interior stay inside it. Checked on every design and a constant
 * input. Control: W plus an antisymmetric perturbation (E_FR uses only W's symmetric part, the flow does not).
 */
public final class RateEnergyClaim implements Claim<RateEnergyClaim.Case> {

    public static final double TOLERANCE = 1e-9;

    public record Case(DesignSpec spec, double inputScale, double antisymmetry) {
    }

    @Override public String id() { return "fr.energy-monotone"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(DesignSpec.draw(d, List.of("balanced", "correlated", "random")), d.real(0, 0.5), 0);
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(DesignSpec.draw(d, List.of("balanced", "random")), 0, d.real(2, 6));
    }

    @Override public Evaluation evaluate(Case c) {
        FiringRateDesign design = c.spec().build();
        int n = design.n();
        SplittableRandom rng = new SplittableRandom(c.spec().seed() + 5);
        engram.memory.Couplings w = design.couplings();
        if (c.antisymmetry() > 0) {
            double[] dense = w.toDense();
            DenseCouplings g = DenseCouplings.randomGeneral(n, c.antisymmetry(), rng);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    dense[i * n + j] += 0.5 * (g.entry(i, j) - g.entry(j, i));
                }
            }
            w = new DenseCouplings(n, dense);
        }
        FiringRateModel model = new FiringRateModel(1.0, w, design.phi(),
                Input.constant(Vectors.gaussian(n, c.inputScale(), rng)));
        double[] x0 = Vectors.uniform(n, 0.02, 0.98, rng);
        Trajectory tr = Oracle.dp853().sample(model, 0, x0, 10, 0.05);
        Trajectories.Rise rise = Trajectories.largestEnergyRise(model, tr);
        double worst = rise.relative(), at = rise.time(), e0 = rise.initialEnergy();
        return Evaluation.atMost(worst, TOLERANCE, "largest relative rise of E_FR between samples " + Vectors.fmt(worst)
                + " at t=" + Vectors.fmt(at) + (Double.isFinite(e0) ? "" : " (E_FR infinite: state left the range)"));
    }
}
