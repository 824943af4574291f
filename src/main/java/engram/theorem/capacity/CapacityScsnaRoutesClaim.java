package engram.theorem.capacity;

import static engram.claim.Evaluation.fmt;

import engram.activation.Activation;
import engram.activation.HardTanh;
import engram.activation.Tanh;
import engram.analysis.Scsna;
import engram.analysis.ScsnaNewton;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import java.util.List;

/**
 * {@code capacity.scsna-routes}: Two independent routes to the SCSNA agree at moderate gains
 * (properties/capacity.scsna-routes.properties; docs/theory.md section 5.2). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class CapacityScsnaRoutesClaim implements Claim<CapacityScsnaRoutesClaim.Case> {

    public enum Unit { TANH, HARD_TANH }

    public record Case(Unit unit, double gain, double loadFraction, Scsna.Quadrature quadrature) {

        Activation activation() {
            return unit == Unit.TANH ? new Tanh(gain) : new HardTanh(gain);
        }
    }

    @Override public String id() { return "capacity.scsna-routes"; }

    @Override public int examples() { return 4; }

    @Override public int controlBudget() { return 3; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.choice("unit", List.of(Unit.TANH, Unit.HARD_TANH)),
                Math.exp(d.real("log gain", Math.log(2), Math.log(10))), d.real("load / alpha_c (overlap)", 0.3, 0.95),
                Scsna.Quadrature.SPLIT_AT_KINKS);
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(Unit.HARD_TANH, d.real("gain (hard-tanh)", 5, 7), d.real("load / alpha_c (overlap)", 0.3, 0.95),
                Scsna.Quadrature.SPLIT_AT_ZERO_ONLY);
    }

    @Override public Evaluation evaluate(Case c) {
        Activation f = c.activation();
        double damped = Scsna.criticalLoad(f, true, Scsna.ALPHA_RESOLUTION, c.quadrature());
        double newton = ScsnaNewton.criticalLoad(f);
        double alpha = c.loadFraction() * newton;
        double m = Scsna.solve(f, alpha, true, c.quadrature()).m();
        ScsnaNewton.Point p = ScsnaNewton.branch(f, alpha);
        double mGap = p == null ? Double.POSITIVE_INFINITY : Math.abs(m - p.m());
        double gap = Math.abs(damped - newton);
        double margin = Math.min(tolerance() - gap, tolerance("overlap") - mGap);
        return new Evaluation(gap, margin, c.unit() + " gain " + fmt(c.gain()) + ": alpha_c " + damped
                + " (damped iteration, " + c.quadrature() + ") vs " + newton + " (Newton, independent quadrature): gap "
                + fmt(gap) + "; at alpha " + fmt(alpha) + " m " + m + " vs " + (p == null ? "none" : p.m()) + " (gap "
                + fmt(mGap) + ")");
    }
}
