package engram.theorem.inputdriven;

import static engram.claim.Evaluation.fmt;

import engram.activation.ActivationKind;
import engram.analysis.Measurements;
import engram.claim.Calibrated;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Draw;
import engram.claim.Evaluation;
import engram.claim.cases.Vectors;
import engram.integrate.Trajectory;
import engram.memory.DenseCouplings;
import engram.memory.MemoryKind;
import engram.memory.PatternSet;
import engram.model.Input;
import engram.model.InputDriven;
import engram.model.MixedInputs;
import engram.model.VoltageModel;
import engram.oracle.Oracle;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * {@code idp.energy-monotone}: IDP energy never increases for a fixed input
 * (properties/idp.energy-monotone.properties; docs/theory.md section 3.1). The catalogue entry states the hypotheses,
 * metric, tolerances and control; this class draws the cases and measures.
 */
public final class IdpEnergyMonotoneClaim implements Claim<IdpEnergyMonotoneClaim.Case>,
        Calibrated<IdpEnergyMonotoneClaim.Case> {

    /** @param flipped fraction of the signs of the right factor flipped (0 inside the hypotheses) */
    public record Case(int n, int p, MemoryKind memories, boolean zeroDiagonal, ActivationKind activation, double gain,
            double flipped, long seed) {

        VoltageModel model() {
            SplittableRandom rng = new SplittableRandom(seed);
            PatternSet xi = memories.build(n, p, 0.5, 0, rng);
            double[] w = Vectors.uniform(p, 0.2, 2, rng);
            double[] u = MixedInputs.input(xi, w);
            double[] alpha = InputDriven.alpha(xi, u);
            var psi = activation.of(gain, 0);
            if (flipped == 0) {
                return InputDriven.withAlpha(1.0, xi, alpha, psi, zeroDiagonal);
            }
            double[] w2 = new double[n * n];
            double[] right = xi.data().clone();
            for (int k = 0; k < right.length; k++) {
                if (rng.nextDouble() < flipped) {
                    right[k] = -right[k];
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int mu = 0; mu < p; mu++) {
                        s += xi.get(i, mu) * alpha[mu] * right[j * p + mu];
                    }
                    w2[i * n + j] = i == j && zeroDiagonal ? 0 : s / n;
                }
            }
            return new VoltageModel(1.0, new DenseCouplings(n, w2), psi, Input.zero(n));
        }
    }

    private static final List<ActivationKind> ODD = List.of(ActivationKind.TANH, ActivationKind.ALGEBRAIC);

    @Override public String id() { return "idp.energy-monotone"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> {
            MemoryKind kind = d.choice("memories", List.of(MemoryKind.RANDOM, MemoryKind.HADAMARD));
            int n = kind == MemoryKind.HADAMARD ? 1 << d.integer("log2 N (hadamard)", 3, 5) : d.integer("N (random)", 4, 40);
            return new Case(n, d.integer("P", 1, Math.min(6, n - 1)), kind, d.choice("zero diagonal", List.of(true, false)),
                    d.choice("psi", ODD), d.real("gain", 0.5, 10), 0, d.seed());
        };
    }

    @Override public CaseSpace<Case> control() {
        return outside(d -> d.real("fraction of flipped signs", 0.3, 0.5));
    }

    /** A right factor with the fraction of its signs flipped given by {@code flipped}. */
    private static CaseSpace<Case> outside(ToDoubleFunction<Draw> flipped) {
        return d -> new Case(d.integer("N (random)", 8, 40), d.integer("P", 2, 6), MemoryKind.RANDOM, true,
                ActivationKind.TANH, d.real("gain", 0.5, 10), flipped.applyAsDouble(d), d.seed());
    }

    @Override public String departure() { return "fraction of the right factor's signs flipped (W = Xi D Xi'^T / N)"; }

    @Override public double controlDeparture() { return 0.3; }

    @Override public double maxDeparture() { return 0.5; }

    @Override public CaseSpace<Case> at(double departure) { return outside(d -> departure); }

    @Override public Evaluation evaluate(Case c) {
        VoltageModel model = c.model();
        double[] x0 = Vectors.gaussian(c.n(), 1, new SplittableRandom(c.seed() + 1));
        Trajectory tr = Oracle.dp853().sample(model, 0, x0, 5.0, 0.05);
        Measurements.Rise rise = Measurements.largestEnergyRise(model, tr);
        return Evaluation.atMost(rise.relative(), tolerance(), "largest relative energy rise between samples "
                + fmt(rise.relative()) + " at t=" + fmt(rise.time()));
    }
}
