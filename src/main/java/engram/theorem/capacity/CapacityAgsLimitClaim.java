package engram.theorem.capacity;

import static engram.claim.Evaluation.fmt;

import engram.activation.Activation;
import engram.activation.HardTanh;
import engram.activation.Sign;
import engram.activation.Tanh;
import engram.analysis.Scsna;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import java.util.List;
import org.hipparchus.special.Erf;

/**
 * {@code capacity.ags-limit}: The self-consistent signal-to-noise capacity reduces to AGS for sign neurons and high
 * gain (properties/capacity.ags-limit.properties; docs/theory.md section 5.1). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class CapacityAgsLimitClaim implements Claim<CapacityAgsLimitClaim.Case> {

    public enum Unit { SIGN, TANH, HARD_TANH }

    public record Case(Unit unit, double gain, double loadFraction, boolean reaction) {

        Activation activation() {
            return switch (unit) {
                case SIGN -> new Sign();
                case TANH -> new Tanh(gain);
                case HARD_TANH -> new HardTanh(gain);
            };
        }
    }

    @Override public String id() { return "capacity.ags-limit"; }

    @Override public int examples() { return 4; }

    @Override public int controlBudget() { return 2; }

    private static CaseSpace<Case> cases(boolean reaction) {
        return d -> {
            Unit u = d.choice("unit", List.of(Unit.SIGN, Unit.TANH, Unit.HARD_TANH));
            double gain = u == Unit.SIGN ? 1 : Math.exp(d.real("log gain (tanh, hard-tanh)", Math.log(50), Math.log(1000)));
            return new Case(u, gain, d.real("load / alpha_AGS (overlap check, sign)", 0.2, 0.95), reaction);
        };
    }

    @Override public CaseSpace<Case> hypotheses() { return cases(true); }

    @Override public CaseSpace<Case> control() { return cases(false); }

    @Override public Evaluation evaluate(Case c) {
        double[] ags = Scsna.agsCritical();
        double alphaAgs = ags[0], tol = tolerance();
        Activation f = c.activation();
        boolean below = Scsna.solve(f, alphaAgs - tol, c.reaction()).retrieval();
        boolean above = Scsna.solve(f, alphaAgs + tol, c.reaction()).retrieval();
        double bracket = below && !above ? tol : -1;
        String detail = c.unit() + " gain " + fmt(c.gain()) + ": retrieval at alpha_AGS - " + fmt(tol) + " " + below
                + ", at alpha_AGS + " + fmt(tol) + " " + above;
        double metric = 0;
        double margin = bracket;
        if (c.unit() == Unit.SIGN) {
            double alpha = c.loadFraction() * alphaAgs;
            double y = agsY(alpha);
            Scsna.State s = Scsna.solve(f, alpha, c.reaction());
            double gap = Math.abs(s.m() - Erf.erf(y));
            double alphaC = c.reaction() ? Scsna.criticalLoad(f, true) : Double.NaN;
            double gapC = c.reaction() ? Math.abs(alphaC - alphaAgs) : 0;
            metric = Math.max(gap, gapC);
            margin = Math.min(margin, tolerance("exact") - metric);
            detail += "; at alpha " + fmt(alpha) + " m " + s.m() + " vs erf(y) " + Erf.erf(y) + " (gap " + fmt(gap)
                    + "); alpha_c " + fmt(alphaC) + " vs AGS " + alphaAgs;
        }
        return new Evaluation(metric, margin, detail);
    }

    /** The root y of AGS's alpha(y) = alpha on the retrieval branch (y above the maximiser). */
    static double agsY(double alpha) {
        double lo = Scsna.agsCritical()[2], hi = 50;
        for (int k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
            double mid = 0.5 * (lo + hi);
            if (Scsna.agsAlpha(mid) > alpha) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
