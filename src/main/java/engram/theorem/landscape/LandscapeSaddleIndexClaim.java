package engram.theorem.landscape;

import static engram.claim.Evaluation.fmt;

import engram.activation.Tanh;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.kernel.Norms;
import engram.landscape.Basins;
import engram.landscape.Saddles;
import engram.memory.DenseCouplings;
import engram.memory.LowRankCouplings;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.Input;
import engram.model.VoltageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code landscape.saddle-index}: The saddle between two memories has index 1
 * (properties/landscape.saddle-index.properties; docs/theory.md section 9.2). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class LandscapeSaddleIndexClaim implements Claim<LandscapeSaddleIndexClaim.Case> {

    /** {@code origin}: the control, the origin presented as the saddle instead of the string's top image. */
    public record Case(int n, int p, double gain, boolean origin, long seed) {
    }

    /** The most steps of each string (the path and its two zooms). */
    static final int ITERATIONS = 20_000;

    @Override public String id() { return "landscape.saddle-index"; }

    @Override public int examples() { return 10; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer("N", 32, 96), d.integer("P", 2, 4), d.real("gain", 2, 6), false, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer("N", 32, 96), d.integer("P", 2, 4), d.real("gain", 2, 6), true, d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        int n = c.n();
        PatternSet xi = Patterns.randomBinary(n, c.p(), new SplittableRandom(c.seed()));
        VoltageModel model = new VoltageModel(1, DenseCouplings.of(LowRankCouplings.hebbian(xi, true)), new Tanh(c.gain()),
                Input.zero(n));
        double lip = Basins.lipschitzBound(model, 1);
        double[][] ends = Basins.rest(model, List.of(xi.pattern(0), xi.pattern(1)), 1e-12, lip);
        if (ends[0] == null || ends[1] == null || Saddles.index(model, ends[0]) != 0 || Saddles.index(model, ends[1]) != 0
                || Norms.maxAbsDiff(ends[0], ends[1]) < 1e-3 * (1 + Norms.maxAbs(ends[0]))) {
            return Evaluation.uninformative("memories 1 and 2 do not rest at two distinct minima (index 0)");
        }
        int iterations = ITERATIONS;
        Saddles.Result r = Saddles.between(model, ends[0], ends[1], new Saddles.Settings(41, Saddles.step(lip), iterations, c.seed()));
        Saddles.Saddle s = c.origin() ? Saddles.saddle(model, new double[n], 0.5) : r.saddle();
        List<String> wrong = new ArrayList<>();
        if (!(s.residual() <= tolerance("residual"))) {
            wrong.add("residual " + fmt(s.residual()));
        }
        if (s.index() != 1) {
            wrong.add("index " + s.index());
        }
        double fromA = s.energy() - r.energy()[0], fromB = s.energy() - r.energy()[r.energy().length - 1];
        if (!(fromA > 0 && fromB > 0)) {
            wrong.add("barriers " + fmt(fromA) + ", " + fmt(fromB) + " not both positive");
        }
        return Evaluation.atMost(wrong.size(), tolerance(), "saddle energy " + fmt(s.energy()) + ", index " + s.index()
                + ", residual " + fmt(s.residual()) + ", barriers " + fmt(fromA) + " and " + fmt(fromB) + ", string "
                + r.iterations() + " steps" + (r.converged() ? "" : " (a string stopped at the cap)") + (wrong.isEmpty() ? "" : "; " + String.join("; ", wrong)));
    }
}
