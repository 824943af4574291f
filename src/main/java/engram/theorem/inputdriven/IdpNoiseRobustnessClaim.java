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
 * {@code idp.noise-robustness}: Noise helps the IDP network; the classic network neither retrieves nor degrades
 * (properties/idp.noise-robustness.properties; docs/theory.md section 3.4). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class IdpNoiseRobustnessClaim implements Claim<IdpNoiseRobustnessClaim.Case> {

    /** Trials per noise level and model (three inputs each). */
    public static final int TRIALS = 25;

    /** @param unscaledNoise noise increments of variance 1 instead of dt (the control) */
    public record Case(boolean unscaledNoise, long seed) {
    }

    @Override public String id() { return "idp.noise-robustness"; }

    @Override public int examples() { return 1; }

    @Override public int controlBudget() { return 2; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(false, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(true, d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        Settings quiet = Settings.paper(0);
        double sigma = c.unscaledNoise() ? 8 / Math.sqrt(quiet.dt()) : 8;
        Settings noisy = quiet.withSigma(sigma);
        Tally idp0 = MixedInputRetrieval.tally(Model.IDP, quiet, TRIALS, c.seed());
        Tally idp8 = MixedInputRetrieval.tally(Model.IDP, noisy, TRIALS, c.seed());
        Tally cl0 = MixedInputRetrieval.tally(Model.CLASSIC, quiet, TRIALS, c.seed());
        Tally cl8 = MixedInputRetrieval.tally(Model.CLASSIC, noisy, TRIALS, c.seed());
        double helps = idp8.wilson(0.95)[0] - idp0.wilson(0.95)[1] - tolerance();
        double classicRate = tolerance("classic-rate") - Math.max(cl0.wilson(0.95)[1], cl8.wilson(0.95)[1]);
        double drift = Math.abs(cl8.meanDominantOverlap() - cl0.meanDominantOverlap());
        double margin = Math.min(helps, Math.min(classicRate, tolerance("classic-drift") - drift));
        return new Evaluation(helps, margin, "IDP retrieved " + idp0.retrieved() + "/" + idp0.inputs() + " at sigma 0, "
                + idp8.retrieved() + "/" + idp8.inputs() + " at sigma " + fmt(sigma) + " (gap between Wilson intervals "
                + fmt(helps) + "); classic retrieved " + cl0.retrieved() + " and " + cl8.retrieved()
                + ", mean dominant overlap " + fmt(cl0.meanDominantOverlap()) + " -> " + fmt(cl8.meanDominantOverlap())
                + " (drift " + fmt(drift) + ")");
    }
}
