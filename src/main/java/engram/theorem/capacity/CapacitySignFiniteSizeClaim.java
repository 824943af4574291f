package engram.theorem.capacity;

import static engram.claim.Evaluation.fmt;

import engram.analysis.Capacity;
import engram.analysis.Scsna;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code capacity.sign-finite-size}: Finite sign networks retrieve above the AGS capacity and approach it as N grows
 * (properties/capacity.sign-finite-size.properties; docs/theory.md section 5.4). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class CapacitySignFiniteSizeClaim implements Claim<CapacitySignFiniteSizeClaim.Case> {

    static final int TRIALS = 40;

    public record Case(int n0, boolean selfCoupling, long seed) {

        int[] sizes() {
            return new int[] {n0, 2 * n0, 4 * n0, 8 * n0};
        }
    }

    @Override public String id() { return "capacity.sign-finite-size"; }

    @Override public int examples() { return 2; }

    @Override public int controlBudget() { return 1; }

    private static CaseSpace<Case> cases(boolean self) {
        return d -> new Case(d.integer("N_0", 250, 300), self, d.seed());
    }

    @Override public CaseSpace<Case> hypotheses() { return cases(false); }

    @Override public CaseSpace<Case> control() { return cases(true); }

    /** The transitions at the case's sizes. */
    static List<Capacity.Transition> measure(Case c) {
        List<Capacity.Transition> out = new ArrayList<>();
        for (int n : c.sizes()) {
            out.add(Capacity.signTransition(n, Capacity.signLoads(n), TRIALS, 0, c.seed(), c.selfCoupling(), null));
        }
        return out;
    }

    @Override public Evaluation evaluate(Case c) {
        double ags = Scsna.agsCritical()[0];
        List<Capacity.Transition> ts = measure(c);
        StringBuilder detail = new StringBuilder("alpha_c(N):");
        double margin = Double.POSITIVE_INFINITY;
        for (Capacity.Transition t : ts) {
            detail.append(" N ").append(t.n()).append(' ').append(fmt(t.alphaC())).append(" [").append(fmt(t.low()))
                    .append(", ").append(fmt(t.high())).append(']').append(t.located() ? "" : " (not located)");
            margin = Math.min(margin, t.located() ? t.high() - ags : -1);
        }
        Capacity.Extrapolation e = Capacity.extrapolate(ts, 1);
        double excess = e.intercept() - ags;
        // two-sided: alpha_c(N) is concave in 1/N and tends to AGS, so its 1/N secant extrapolation lies above AGS;
        // and not by more than the tolerance
        margin = Math.min(margin, Math.min(e.slopeLow(), Math.min(excess, tolerance() - excess)));
        detail.append("; 1/N extrapolation ").append(fmt(e.intercept())).append(" [").append(fmt(e.low())).append(", ")
                .append(fmt(e.high())).append("], AGS ").append(fmt(ags)).append(e.contains(ags) ? " inside" : " outside")
                .append("; slope ").append(fmt(e.slope())).append(" (95% low ").append(fmt(e.slopeLow())).append(')');
        return new Evaluation(excess, margin, detail.toString());
    }
}
