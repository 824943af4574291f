package engram.theorem.landscape;

import static engram.claim.Evaluation.fmt;

import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.landscape.Transitions;
import engram.memory.PatternSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code transitions.eyring-kramers}: Noise-driven transitions between two memories follow the Eyring-Kramers law
 * (properties/transitions.eyring-kramers.properties; docs/theory.md section 9.5). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class TransitionsEyringKramersClaim implements Claim<TransitionsEyringKramersClaim.Case> {

    /** The Arrhenius exponents 2 dE / sigma^2 of the noise levels. */
    static final double[] EXPONENTS = {2.5, 3, 3.5, 4};
    static final int PATHS = 300;
    static final double DT = 0.01, FRACTION = 0.2, BETA = 2;

    /**
     * {@code betaL}: beta times the patterns' squared norm; {@code wrongHessian}: the control's prefactor with the
     * minimum's Hessian replaced by the identity.
     */
    public record Case(int n, double betaL, boolean wrongHessian, long seed) {
    }

    @Override public String id() { return "transitions.eyring-kramers"; }

    @Override public int examples() { return 2; }

    @Override public int controlBudget() { return 6; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.choice("N", List.of(2, 4)), d.real("beta |xi|^2", 2.3, 3), false, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.choice("N", List.of(2, 4)), d.real("beta |xi|^2", 2.15, 2.25), true, d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        PatternSet xi = Transitions.orthogonalPair(c.n(), c.betaL() / BETA);
        Transitions.Wells w = Transitions.modern(xi, BETA, 0, 1);
        // the control's prefactor: det Hess E(m) taken as 1
        double wrong = c.wrongHessian() ? Math.sqrt(w.detMinimum()) : 1;
        double[] sigmas = Transitions.sigmas(w.barrier(), EXPONENTS);
        Transitions.Row[] rows = new Transitions.Row[sigmas.length];
        List<String> detail = new ArrayList<>();
        for (int k = 0; k < sigmas.length; k++) {
            double ek = w.eyringKramers(sigmas[k]) * wrong;
            double[] times = Transitions.firstPassage(Transitions.modernDrift(xi, BETA), w.from(), w.to(), FRACTION, sigmas[k],
                    PATHS, DT, 100 * ek, c.seed() + k);
            rows[k] = Transitions.row(sigmas[k], times, ek);
            if (rows[k].censored() > 0) {
                return Evaluation.uninformative(rows[k].censored() + " paths still in the first well after 100 "
                        + "Eyring-Kramers times");
            }
            detail.add(String.format(Locale.ROOT, "2dE/sigma^2 = %.1f: tau %.4g (EK %.4g)", EXPONENTS[k],
                    rows[k].meanTime(), ek));
        }
        double[] fit = Transitions.eyringKramersFit(rows);
        double[] arrhenius = Transitions.arrhenius(rows);
        double z = Math.abs(fit[0]) / fit[1];
        return Evaluation.atMost(z, tolerance(), "log(tau / tau_EK) -> " + fmt(fit[0]) + " +- " + fmt(fit[1])
                + " as sigma -> 0 (z = " + fmt(z) + ", first-order correction " + fmt(fit[2]) + " sigma^2); Arrhenius "
                + "slope " + fmt(arrhenius[0]) + " +- " + fmt(arrhenius[1]) + " (2 dE = " + fmt(2 * w.barrier()) + "); "
                + String.join("; ", detail));
    }
}
