package engram.theorem.inputdriven;

import static engram.claim.Evaluation.fmt;

import engram.analysis.MixedInputRetrieval;
import engram.analysis.MixedInputRetrieval.Model;
import engram.analysis.MixedInputRetrieval.Settings;
import engram.analysis.MixedInputRetrieval.Tally;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;

/**
 * {@code idp.mixed-retrieval}: The IDP network retrieves the dominant memory of mixed inputs
 * (properties/idp.mixed-retrieval.properties; docs/theory.md section 3.4). The catalogue entry states the hypotheses,
 * metric, tolerances and control; this class draws the cases and measures.
 */
public final class IdpMixedRetrievalClaim implements Claim<IdpMixedRetrievalClaim.Case> {

    /** Trials per case (three inputs each). */
    public static final int TRIALS = 20;

    /** @param model IDP (the hypotheses) or classic (the control) */
    public record Case(Model model, long seed) {
    }

    @Override public String id() { return "idp.mixed-retrieval"; }

    @Override public int examples() { return 2; }

    @Override public int controlBudget() { return 2; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(Model.IDP, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(Model.CLASSIC, d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        Settings s = Settings.paper(8);
        Tally t = MixedInputRetrieval.tally(c.model(), s, TRIALS, c.seed());
        double[] ci = t.wilson(0.95);
        String detail = c.model() + ": " + t.retrieved() + " of " + t.inputs() + " inputs retrieved (Wilson 95% "
                + fmt(ci[0]) + ".." + fmt(ci[1]) + "), mean dominant overlap " + fmt(t.meanDominantOverlap());
        if (c.model() == Model.IDP) {
            Tally classic = MixedInputRetrieval.tally(Model.CLASSIC, s, TRIALS, c.seed());
            double[] cc = classic.wilson(0.95);
            detail += "; classic on the same trials: " + classic.retrieved() + " of " + classic.inputs() + " (Wilson 95% "
                    + fmt(cc[0]) + ".." + fmt(cc[1]) + "), dominant overlap largest in " + classic.largest()
                    + ", mean dominant overlap " + fmt(classic.meanDominantOverlap());
        }
        return Evaluation.atLeast(ci[0], tolerance(), detail);
    }
}
