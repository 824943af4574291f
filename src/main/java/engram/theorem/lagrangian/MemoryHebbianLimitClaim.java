package engram.theorem.lagrangian;

import static engram.claim.Evaluation.fmt;

import engram.analysis.MemoryLearning;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.cases.Vectors;
import java.util.SplittableRandom;

/**
 * {@code memory.hebbian-limit} (Lotito 2025; theory.md section 4): the memory dynamics have the fixed point
 * {@code Xi_mu = Lambda_mu + xi'_mu}; with Lambda = 0 the memories converge to their targets, so
 * {@code J = Xi^T Xi / N_h} converges to the Hebbian matrix {@code (1/N_h) sum_mu xi'_mu xi'_mu^T} of the targets:
 * learning ends at the Hebbian prescription. With a one-hot softmax each memory's distance to its target shrinks by
 * {@code (1 - 1/tau_Xi)} per presentation. Checked after {@code tolerance.time-constants} time constants tau_Xi N_h:
 * the measured decay of {@code ||Xi - Xi'||_F} against the predicted {@code (1 - 1/tau_Xi)^(T/N_h)} (relative error of
 * the logarithms within {@code tolerance.rate}), and the relative Frobenius gap between J and the Hebbian matrix
 * within the catalogue tolerance. Control: a non-zero synaptic bias Lambda, which moves the fixed point away from the
 * targets.
 */
public final class MemoryHebbianLimitClaim implements Claim<MemoryHebbianLimitClaim.Case> {

    /** @param lambdaScale the scale of a random Gaussian Lambda (0 inside the hypotheses) */
    public record Case(int nv, int nh, double tau, double sigma, double lambdaScale, long seed) {
    }

    @Override public String id() { return "memory.hebbian-limit"; }

    private static CaseSpace<Case> cases(boolean bias) {
        return d -> new Case(d.integer("N_v", 20, 60), d.integer("N_h", 2, 6), d.real("tau_Xi", 20, 100),
                d.real("sigma", 0.1, 0.8), bias ? d.real("Lambda scale", 0.2, 1) : 0, d.seed());
    }

    @Override public CaseSpace<Case> hypotheses() { return cases(false); }

    @Override public CaseSpace<Case> control() { return cases(true); }

    @Override public Evaluation evaluate(Case c) {
        double constants = tolerance("time-constants");
        int steps = c.nh() * (int) Math.round(constants * c.tau());
        var s = new MemoryLearning.Settings(c.nv(), c.nh(), c.tau(), 2, c.sigma(), steps);
        double[] lambda = c.lambdaScale() > 0
                ? Vectors.gaussian(c.nv() * c.nh(), c.lambdaScale(), new SplittableRandom(c.seed() + 3)) : null;
        MemoryLearning.Run r = MemoryLearning.run(s, c.seed(), false, lambda, steps);
        double predicted = (steps / c.nh()) * Math.log(1 - 1 / c.tau());
        double rateError = Math.abs(Math.log(r.distanceRatio()) - predicted) / Math.abs(predicted);
        double margin = Math.min(tolerance() - r.hebbianError(), tolerance("rate") - rateError);
        return new Evaluation(r.hebbianError(), margin, "after " + steps + " steps (" + fmt(constants)
                + " time constants): |Xi - Xi'| shrank by " + fmt(r.distanceRatio()) + " (predicted "
                + fmt(Math.exp(predicted)) + "), |J - J_Hebb| / |J_Hebb| = " + fmt(r.hebbianError()));
    }
}
