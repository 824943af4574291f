package engram.theorem.landscape;

import static engram.claim.Evaluation.fmt;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.analysis.IdpBifurcations;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Draw;
import engram.claim.Evaluation;
import engram.landscape.Continuation;
import engram.memory.PatternSet;
import java.util.Arrays;
import java.util.List;

/**
 * {@code continue.idp-stability}: A memory loses stability where alpha_nu psi'(c_mu) = 1
 * (properties/continue.idp-stability.properties; docs/theory.md section 9.4). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class ContinueIdpStabilityClaim implements Claim<ContinueIdpStabilityClaim.Case> {

    /**
     * {@code own}: alpha_1 psi'(0) (memory 1's weight); {@code others}: alpha_nu psi'(0) for nu > 2; {@code zeroDiagonal}:
     * the control's W(u) without its diagonal.
     */
    public record Case(int n, int p, ActivationKind activation, double gain, double own, double others,
            boolean zeroDiagonal, long seed) {
    }

    @Override public String id() { return "continue.idp-stability"; }

    @Override public int examples() { return 10; }

    /** {@code zeroDiagonal}: the control's W(u) without its diagonal. */
    private static Case draw(Draw d, boolean zeroDiagonal) {
        return new Case(d.choice("N", List.of(32, 64, 128)), d.integer("P", 2, 4), d.choice("activation",
                ContinueCases.ACTIVATIONS), d.real("gain", 0.5, 2), d.real("alpha_1 psi'(0)", 1.2, 2.5),
                d.real("alpha_nu psi'(0)", 0.1, 0.8), zeroDiagonal, d.seed());
    }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> draw(d, false);
    }

    @Override public CaseSpace<Case> control() {
        return d -> draw(d, true);
    }

    @Override public Evaluation evaluate(Case c) {
        PatternSet xi = ContinueCases.patterns(c.n(), c.p(), false, c.seed());
        Activation psi = c.activation().of(c.gain(), 0);
        double s = psi.derivative(0);
        double[] alphas = new double[c.p()];
        Arrays.fill(alphas, c.others() / s);
        alphas[0] = c.own() / s;
        double predicted = IdpBifurcations.stabilityLoss(psi, alphas[0]);
        // alpha_2 from the others' level to past the closed form, along memory 1's branch
        Continuation.Result r = ContinueCases.run(ContinueCases.idp(xi, alphas, c.zeroDiagonal(), psi, c.activation(),
                c.gain(), null, 1), xi, 1, c.others() / s, 1.5 * predicted, 60, Continuation.Corrector.ARCLENGTH, false,
                c.seed());
        Continuation.Bifurcation b = ContinueCases.closest(r, "branch-point", predicted);
        if (b == null) {
            return Evaluation.atMost(1, tolerance(), "no branch point on memory 1's branch (counted as an error of 1; "
                    + "branch ended: " + ContinueCases.ends(r) + ")");
        }
        double error = Math.abs(b.value() - predicted) / Math.max(1, predicted);
        return Evaluation.atMost(error, tolerance(), "memory 1 (amplitude " + fmt(b.amplitude()) + ") branches at "
                + "alpha_2 = " + b.value() + " (closed form 1/psi'(c_1) = " + predicted + ", relative error " + fmt(error)
                + (b.simple() ? ", a simple branch point)" : ")"));
    }
}
