package engram.theorem.foundation;

import static engram.claim.Evaluation.fmt;

import engram.activation.Tanh;
import engram.analysis.Measurements;
import engram.analysis.Spectra;
import engram.claim.Calibrated;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Draw;
import engram.claim.Evaluation;
import engram.claim.OneNetworkClaim;
import engram.claim.cases.RandomCouplings;
import engram.claim.cases.TimeConstant;
import engram.claim.cases.Vectors;
import engram.integrate.VectorField;
import engram.kernel.Norms;
import engram.memory.DenseCouplings;
import engram.memory.Patterns;
import engram.model.Input;
import engram.model.VoltageModel;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * {@code voltage.contraction}: Contraction when Lip(psi) ||W||_2 < 1 (properties/voltage.contraction.properties;
 * docs/theory.md section 1.2). The catalogue entry states the hypotheses, metric, tolerances and control; this class
 * draws the cases and measures.
 */
public final class VoltageContractionClaim implements Claim<VoltageContractionClaim.Case>, OneNetworkClaim,
        Calibrated<VoltageContractionClaim.Case> {

    /**
     * @param k target value of Lip(psi) ||W||_2
     * @param tight the rank-one case where the bound is attained
     */
    public record Case(int n, double gain, double k, double tau, boolean tight, boolean hebbian, long seed) {
    }

    @Override public String id() { return "voltage.contraction"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer("N", 1, 16), d.real("gain", 0.3, 4), d.real("k = Lip ||W||", 0.05, 0.95),
                TimeConstant.draw(d), d.choice("tight (rank one, u = 0, starts along v)", List.of(false, true)), false,
                d.seed());
    }

    @Override public CaseSpace<Case> control() { return outside(d -> d.real("k = Lip ||W||", 2, 4)); }

    /** Hebbian W with k = Lip(psi) ||W||_2 given by {@code k}, starts on either side of the unstable origin. */
    private static CaseSpace<Case> outside(ToDoubleFunction<Draw> k) {
        return d -> new Case(d.integer("N", 2, 16), d.real("gain", 1, 4), k.applyAsDouble(d), TimeConstant.draw(d), false,
                true, d.seed());
    }

    @Override public String departure() { return "k - 1, with k = Lip(psi) ||W||_2"; }

    @Override public double controlDeparture() { return 1; }

    @Override public CaseSpace<Case> at(double departure) { return outside(d -> 1 + departure); }

    @Override public Evaluation evaluate(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int n = c.n();
        DenseCouplings w;
        double[] x0;
        double[] y0;
        if (c.hebbian() || c.tight()) {
            double[] v = c.hebbian() ? Patterns.randomBinary(n, 1, rng).pattern(0) : Vectors.gaussian(n, 1, rng);
            double norm = Norms.norm2(v);
            double[] vv = new double[n * n];
            for (int i = 0; i < n; i++) {
                v[i] /= norm;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    vv[i * n + j] = v[i] * v[j];
                }
            }
            w = new DenseCouplings(n, vv);
            double start = c.hebbian() ? 0.01 * Math.sqrt(n) : 1e-4;
            x0 = new double[n];
            y0 = new double[n];
            for (int i = 0; i < n; i++) {
                x0[i] = start * v[i];
                y0[i] = -start * v[i];
            }
        } else {
            w = DenseCouplings.randomGeneral(n, 1, rng);
            x0 = Vectors.gaussian(n, 2, rng);
            y0 = Vectors.gaussian(n, 2, rng);
        }
        Tanh psi = new Tanh(c.gain());
        DenseCouplings couplings = RandomCouplings.scaled(w, c.k(), c.gain());
        double k = psi.lipschitz() * Spectra.spectralNorm(couplings);
        double[] u = Vectors.gaussian(n, c.hebbian() || c.tight() ? 0 : 0.5, rng);
        VoltageModel model = new VoltageModel(c.tau(), couplings, psi, Input.constant(u));
        return check(model, k, c.tau(), x0, y0, c.tight());
    }

    /**
     * The check itself, on any model the caller says has contraction factor k and time constant tau (the tests give it
     * deliberately wrong models, e.g. one that ignores its tau, and see it fail).
     */
    public Evaluation check(VectorField model, double k, double tau, double[] x0, double[] y0, boolean tight) {
        double rate = Math.max(0, 1 - k) / tau;
        double horizon = Math.min(8 * tau, Math.log(1e5) / Math.max(rate, 1e-3));
        Measurements.Contraction m = Measurements.contraction(model, x0, y0, rate, horizon);
        String detail = "k = Lip*||W|| = " + fmt(k) + ", tau " + fmt(tau) + ", largest excess of |x-y| over the bound "
                + "after t = 0 (relative to |x0-y0|) " + fmt(m.excess());
        if (!tight) {
            return Evaluation.atMost(m.excess(), tolerance(), detail);
        }
        double rateError = Math.abs(m.measuredRate() - rate) / rate;
        double margin = Math.min(tolerance("tight-excess") - m.excess(), tolerance("tight-rate") - rateError);
        return new Evaluation(Math.max(m.excess(), rateError), margin, detail + "; tight case: distance shrinks at "
                + fmt(m.measuredRate()) + " against the bound's (1 - k) / tau = " + fmt(rate) + " (relative error "
                + fmt(rateError) + ")");
    }

    @Override public String notApplicable(Network net) {
        String model = OneNetworkClaim.needsModel(net, true);
        return model != null ? model : OneNetworkClaim.needsContraction(net);
    }

    @Override public String needs() { return "Lip(psi) ||W||_2 < 1"; }

    @Override public Measured measure(Network net, double[] x0, SplittableRandom rng) {
        return OneNetworkMeasures.contraction(net, x0, rng);
    }
}
