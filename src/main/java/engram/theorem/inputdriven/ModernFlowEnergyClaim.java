package engram.theorem.inputdriven;

import static engram.claim.Evaluation.fmt;

import engram.analysis.Measurements;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.cases.Vectors;
import engram.integrate.Trajectory;
import engram.memory.PatternSet;
import engram.model.ModernHopfield;
import engram.oracle.Oracle;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code modern.flow-energy}: The continuous modern Hopfield network descends its derived energy
 * (properties/modern.flow-energy.properties; docs/theory.md section 3.6). The catalogue entry states the hypotheses,
 * metric, tolerances and control; this class draws the cases and measures.
 */
public final class ModernFlowEnergyClaim implements Claim<ModernFlowEnergyClaim.Case> {

    /** Which field and energy: matched Ramsauer (c = 1), matched paper (c = beta), or the mismatch (control). */
    public enum Scaling {
        RAMSAUER, PAPER, MISMATCHED;

        @Override public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Case(int n, int p, double beta, Scaling scaling, long seed) {
    }

    @Override public String id() { return "modern.flow-energy"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer("d (dimension)", 2, 16), d.integer("P", 2, 8), d.real("beta", 0.2, 5),
                d.choice("scaling", List.of(Scaling.RAMSAUER, Scaling.PAPER)), d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer("d (dimension)", 2, 16), d.integer("P", 2, 8), d.real("beta", 1.5, 5),
                Scaling.MISMATCHED, d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        PatternSet x = new PatternSet(c.n(), c.p(), Vectors.gaussian(c.n() * c.p(), 1, rng), "gaussian");
        ModernHopfield net = new ModernHopfield(x, c.beta());
        ModernHopfield.Flow flow = switch (c.scaling()) {
            case RAMSAUER -> net.flow(1);
            case PAPER -> net.flow(c.beta());
            case MISMATCHED -> net.flow(c.beta(), 1);
        };
        Trajectory tr = Oracle.dp853().sample(flow, 0, Vectors.gaussian(c.n(), 2, rng), 5, 0.05);
        Measurements.Rise rise = Measurements.largestEnergyRise(flow, tr);
        return Evaluation.atMost(rise.relative(), tolerance(), c.scaling() + " scaling: largest relative energy rise "
                + fmt(rise.relative()) + " at t=" + fmt(rise.time()));
    }
}
