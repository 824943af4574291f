package engram.theorem.landscape;

import static engram.claim.Evaluation.fmt;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.analysis.IdpBifurcations;
import engram.analysis.IdpEquilibria;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Draw;
import engram.claim.Evaluation;
import engram.landscape.Continuation;
import engram.memory.PatternSet;
import java.util.Arrays;
import java.util.List;

/**
 * {@code continue.idp-pitchfork}: A memory is born from the origin in a pitchfork at alpha psi'(0) = 1
 * (properties/continue.idp-pitchfork.properties; docs/theory.md section 9.4). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class ContinueIdpPitchforkClaim implements Claim<ContinueIdpPitchforkClaim.Case> {

    /** {@code others}: alpha_nu psi'(0) for nu > 1; {@code random}: the control's non-orthogonal patterns. */
    public record Case(int n, int p, ActivationKind activation, double gain, double others, boolean random, long seed) {
    }

    @Override public String id() { return "continue.idp-pitchfork"; }

    @Override public int examples() { return 10; }

    /** {@code random}: the control's random patterns. */
    private static Case draw(Draw d, boolean random) {
        return new Case(d.choice("N", List.of(32, 64, 128)), d.integer("P", 2, 4), d.choice("activation",
                ContinueCases.ACTIVATIONS), d.real("gain", 0.5, 2), d.real("alpha_nu psi'(0)", 0.1, 0.8), random, d.seed());
    }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> draw(d, false);
    }

    @Override public CaseSpace<Case> control() {
        return d -> draw(d, true);
    }

    @Override public Evaluation evaluate(Case c) {
        PatternSet xi = ContinueCases.patterns(c.n(), c.p(), c.random(), c.seed());
        Activation psi = c.activation().of(c.gain(), 0);
        double s = psi.derivative(0), predicted = IdpBifurcations.birth(psi);
        double[] alphas = new double[c.p()];
        Arrays.fill(alphas, c.others() / s);
        Continuation.Result r = ContinueCases.run(ContinueCases.idp(xi, alphas, false, psi, c.activation(), c.gain(), null,
                0), xi, 0, 0.4 / s, 3 / s, 60, Continuation.Corrector.ARCLENGTH, true, c.seed());
        Continuation.Bifurcation b = ContinueCases.closest(r, "branch-point", predicted);
        if (b == null || r.branches().size() < 2) {
            return Evaluation.atMost(1, tolerance(), "no branch point with a switched branch on the origin's branch "
                    + "(counted as an error of 1; branch ended: " + ContinueCases.ends(r) + ")");
        }
        double located = Math.abs(b.value() - predicted) / Math.max(1, predicted), along = 0;
        int checked = 0;
        for (Continuation.Branch arm : r.branches().subList(1, r.branches().size())) {
            for (Continuation.Point p : arm.points()) {
                // each arm of the switched branch is +-c xi_1 with c = alpha_1 psi(c): its amplitude against the root
                if (Math.abs(p.amplitude()) > 1e-3) {
                    along = Math.max(along, Math.abs(Math.abs(p.amplitude()) - IdpEquilibria.amplitude(psi,
                            p.parameter())));
                    checked++;
                }
            }
        }
        return Evaluation.atMost(Math.max(located, along), tolerance(), "branch point at alpha_1 = " + b.value()
                + " (closed form 1/psi'(0) = " + predicted + ", relative error " + fmt(located) + "); switched branch: "
                + checked + " points on " + (r.branches().size() - 1) + " arms, largest |c - c(alpha)| " + fmt(along));
    }
}
