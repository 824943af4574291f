package engram.theorem.firingrate;

import static engram.claim.Evaluation.fmt;

import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;

/**
 * {@code fr.retrieval}: Retrieval of partial cues; decay of non-stored patterns (properties/fr.retrieval.properties;
 * docs/theory.md section 2.7). The catalogue entry states the hypotheses, metric, tolerances and control; this class
 * draws the cases and measures.
 */
public final class FrRetrievalClaim implements Claim<FrRetrievalClaim.Case> {

    /** @param drive a uniform external input on every unit (0 in the experiment; the control's network is alive but wrong) */
    public record Case(int memory, double drive, long seed) {
    }

    @Override public String id() { return "fr.retrieval"; }

    @Override public int examples() { return 6; }

    @Override public int controlBudget() { return 5; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer("cued memory", 0, RetrievalExperiment.memories() - 1), 0, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer("cued memory", 0, RetrievalExperiment.memories() - 1),
                d.real("uniform drive", 0.5, 1), d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        RetrievalExperiment.Trial t = RetrievalExperiment.trial(c.memory(), false, c.drive(), c.seed());
        double margin = Math.min(t.storedCosine() - tolerance(), tolerance("decayed") - t.nonStoredOverlap());
        return new Evaluation(t.storedCosine(), margin, "stored cue: overlap " + fmt(t.storedOverlap())
                + ", cosine " + fmt(t.storedCosine()) + "; non-stored: overlap " + fmt(t.nonStoredInitial())
                + " -> " + fmt(t.nonStoredOverlap()) + "; final mean activity of the cued run " + fmt(t.finalActivity()));
    }
}
