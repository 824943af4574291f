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
 * {@code continue.idp-fold}: Against an input along a memory, the opposed state disappears in a fold at
 * alpha psi'(c) = 1 (properties/continue.idp-fold.properties; docs/theory.md section 9.4). The catalogue entry states
 * the hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class ContinueIdpFoldClaim implements Claim<ContinueIdpFoldClaim.Case> {

    /**
     * {@code h}: the input {@code u = h xi_1} in units of 1/psi'(0); {@code natural}: the control, natural-parameter
     * continuation (the parameter held fixed in the corrector) instead of pseudo-arclength.
     */
    public record Case(int n, int p, ActivationKind activation, double gain, double h, double others, boolean natural,
            long seed) {
    }

    @Override public String id() { return "continue.idp-fold"; }

    @Override public int examples() { return 10; }

    /** {@code natural}: the control's natural-parameter continuation. */
    private static Case draw(Draw d, boolean natural) {
        return new Case(d.choice("N", List.of(32, 64, 128)), d.integer("P", 2, 4), d.choice("activation",
                ContinueCases.ACTIVATIONS), d.real("gain", 0.5, 2), d.real("h psi'(0)", 0.05, 0.6),
                d.real("alpha_nu psi'(0)", 0.1, 0.8), natural, d.seed());
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
        double s = psi.derivative(0), h = c.h() / s;
        double[] alphas = new double[c.p()], u = xi.pattern(0);
        Arrays.fill(alphas, c.others() / s);
        for (int i = 0; i < u.length; i++) {
            u[i] *= h;
        }
        double predicted = IdpBifurcations.fold(psi, h)[0];
        // from well above the fold down to well below it, starting on the state opposed to the input (-xi_1)
        Continuation.Result r = ContinueCases.run(ContinueCases.idp(xi, alphas, false, psi, c.activation(), c.gain(), u,
                0), xi, -1, 1.6 * predicted, 0.6 * predicted, 60, c.natural() ? Continuation.Corrector.NATURAL
                : Continuation.Corrector.ARCLENGTH, false, c.seed());
        Continuation.Bifurcation b = ContinueCases.closest(r, "fold", predicted);
        if (b == null) {
            return Evaluation.atMost(1, tolerance(), "no fold on the opposed state's branch (counted as an error of 1; "
                    + "branch ended: " + ContinueCases.ends(r) + ")");
        }
        double error = Math.abs(b.value() - predicted) / Math.max(1, predicted);
        return Evaluation.atMost(error, tolerance(), "fold at alpha_1 = " + b.value() + ", amplitude " + fmt(b.amplitude())
                + " (closed form " + predicted + ", relative error " + fmt(error) + ")");
    }
}
