package engram.theorem.landscape;

import static engram.claim.Evaluation.fmt;

import engram.activation.ActivationKind;
import engram.analysis.SymmetricMixtures;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.landscape.Continuation;
import engram.landscape.ContinuationPredictions;
import engram.landscape.NetworkFamily;
import engram.memory.LowRankCouplings;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code continue.mixture-order}: Symmetric mixtures of 3, 5 and 7 memories become stable in that order of gain
 * (properties/continue.mixture-order.properties; docs/theory.md section 9.4). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class ContinueMixtureOrderClaim implements Claim<ContinueMixtureOrderClaim.Case> {

    /** The mixtures, in the order theory says they stabilise as the gain grows. */
    static final int[] MIXTURES = {3, 5, 7};
    /** The gain range the continuation sweeps (downwards from the top). */
    static final double TOP = 8, BOTTOM = 1.2;

    /** {@code doubling}: N = 2^(P + doubling); {@code random}: the control's random +-1 patterns instead of Rademacher. */
    public record Case(int p, int doubling, boolean random, long seed) {
    }

    @Override public String id() { return "continue.mixture-order"; }

    @Override public int examples() { return 6; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer("P", 7, 9), d.integer("log2 N - P", 0, 1), false, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer("P", 7, 9), d.integer("log2 N - P", 0, 1), true, d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        int n = 1 << (c.p() + c.doubling());
        PatternSet xi = c.random() ? Patterns.randomBinary(n, c.p(), new SplittableRandom(c.seed()))
                : Patterns.rademacher(n, c.p());
        NetworkFamily f = NetworkFamily.parametrised(NetworkFamily.Model.VOLTAGE, LowRankCouplings.hebbian(xi, false),
                ActivationKind.TANH, 1, 0, null, "gain");
        double worst = 0, previous = 0;
        boolean ordered = true;
        List<String> detail = new ArrayList<>();
        for (int m : MIXTURES) {
            int[] cue = new int[m];
            for (int k = 0; k < m; k++) {
                cue[k] = k + 1;
            }
            Continuation.Result r = ContinuationPredictions.fromCue(f, xi, cue, new Continuation.Settings(TOP, BOTTOM, 0.1,
                    2000, false, c.seed(), Continuation.Corrector.ARCLENGTH));
            double found = firstStabilityLoss(r), predicted = SymmetricMixtures.stabilityGain(m, c.p(), BOTTOM, TOP);
            if (Double.isNaN(found)) {
                return Evaluation.atMost(1, tolerance(), "the " + m + "-mixture shows no stability change between gains "
                        + BOTTOM + " and " + TOP + " (counted as an error of 1; branch ended: " + ContinueCases.ends(r) + ")");
            }
            worst = Math.max(worst, Math.abs(found - predicted));
            ordered &= found > previous;
            previous = found;
            detail.add(m + "-mixture stable above gain " + found + " (theory " + predicted + ")");
        }
        if (!ordered) {
            return Evaluation.atMost(1, tolerance(), "the mixtures stabilise out of order (counted as an error of 1): "
                    + String.join("; ", detail));
        }
        return Evaluation.atMost(worst, tolerance(), String.join("; ", detail) + "; largest error " + fmt(worst));
    }

    /** The first branch point met coming down from the top gain where the branch turns from stable to unstable. */
    static double firstStabilityLoss(Continuation.Result r) {
        List<Continuation.Point> pts = r.branches().get(0).points();
        double best = Double.NaN;
        for (Continuation.Bifurcation b : r.bifurcations()) {
            if (b.branch() == 0 && b.kind().equals("branch-point") && !(b.value() <= best)) {
                // stable on the high-gain side of it
                boolean stableAbove = pts.stream().filter(p -> p.parameter() > b.value()).reduce((a, q) -> q)
                        .map(Continuation.Point::stable).orElse(false);
                if (stableAbove) {
                    best = b.value();
                }
            }
        }
        return best;
    }
}
