package engram.theorem.landscape;

import static engram.claim.Evaluation.fmt;

import engram.activation.Tanh;
import engram.analysis.IdpEquilibria;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.kernel.Norms;
import engram.landscape.Basins;
import engram.landscape.Saddles;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.Input;
import engram.model.InputDriven;
import engram.model.VoltageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code landscape.idp-barrier}: A growing input weight deepens its memory's well as the theory says
 * (properties/landscape.idp-barrier.properties; docs/theory.md section 9.3). The catalogue entry states the hypotheses,
 * metric, tolerances and control; this class draws the cases and measures.
 */
public final class LandscapeIdpBarrierClaim implements Claim<LandscapeIdpBarrierClaim.Case> {

    /** The finite-difference step in alpha_1. */
    static final double DELTA = 1e-4;

    /** {@code random}: the control, random +-1 patterns instead of orthogonal ones. */
    public record Case(int n, int p, double alpha1, double alpha2, double others, boolean random, long seed) {
    }

    @Override public String id() { return "landscape.idp-barrier"; }

    @Override public int examples() { return 6; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.choice("N", List.of(32, 64)), d.integer("P", 2, 4), d.real("alpha_1", 1.5, 3),
                d.real("alpha_2", 1.5, 3), d.real("other alphas", 0.2, 0.9), false, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.choice("N", List.of(32, 64)), d.integer("P", 2, 4), d.real("alpha_1", 1.5, 3),
                d.real("alpha_2", 1.5, 3), d.real("other alphas", 0.2, 0.9), true, d.seed());
    }

    static double[] alphas(Case c, double shift) {
        double[] a = new double[c.p()];
        for (int mu = 0; mu < c.p(); mu++) {
            a[mu] = mu == 0 ? c.alpha1() + shift : mu == 1 ? c.alpha2() : c.others();
        }
        return a;
    }

    static VoltageModel model(PatternSet xi, double[] alphas) {
        return new VoltageModel(1, InputDriven.couplings(xi, alphas, false), new Tanh(1), Input.zero(xi.n()));
    }

    @Override public Evaluation evaluate(Case c) {
        PatternSet xi = c.random() ? Patterns.randomBinary(c.n(), c.p(), new SplittableRandom(c.seed()))
                : Patterns.hadamard(c.n(), c.p());
        VoltageModel base = model(xi, alphas(c, 0));
        double lip = Basins.lipschitzBound(base, 1);
        double[][] ends = Basins.rest(base, List.of(xi.pattern(0), xi.pattern(1)), 1e-13, lip);
        if (ends[0] == null || ends[1] == null || Saddles.index(base, ends[0]) != 0 || Saddles.index(base, ends[1]) != 0) {
            return Evaluation.uninformative("memories 1 and 2 are not two stable minima");
        }
        Saddles.Saddle s = Saddles.between(base, ends[0], ends[1], new Saddles.Settings(41, Saddles.step(lip), 20000,
                c.seed())).saddle();
        if (s.index() != 1 || s.residual() > 1e-10) {
            return Evaluation.uninformative("no index-1 saddle between memories 1 and 2 (index " + s.index() + ")");
        }
        // barriers at alpha_1 +- delta: Newton from the base saddle and minima on the perturbed network
        double[][] barriers = new double[2][];
        for (int side = 0; side < 2; side++) {
            VoltageModel m = model(xi, alphas(c, side == 0 ? DELTA : -DELTA));
            Saddles.Saddle top = Saddles.saddle(m, s.x().clone(), 0), one = Saddles.saddle(m, ends[0].clone(), 0),
                    two = Saddles.saddle(m, ends[1].clone(), 0);
            if (top.index() != 1 || one.index() != 0 || two.index() != 0) {
                return Evaluation.uninformative("the saddle or a minimum changed index at alpha_1 +- " + DELTA);
            }
            barriers[side] = new double[] {top.energy() - one.energy(), top.energy() - two.energy()};
        }
        double measured1 = (barriers[0][0] - barriers[1][0]) / (2 * DELTA);
        double measured2 = (barriers[0][1] - barriers[1][1]) / (2 * DELTA);
        // the theory (orthogonal memories, envelope theorem): dB_1 = N/2 (tanh^2 c_1 - m^2), dB_2 = -N/2 m^2, with m the
        // saddle's overlap xi_1 . psi(x_s) / N and c_1 = alpha_1 tanh(c_1)
        int n = c.n();
        double[] x1 = xi.pattern(0);
        double m = 0;
        for (int i = 0; i < n; i++) {
            m += x1[i] * Math.tanh(s.x()[i]);
        }
        m /= n;
        double t = Math.tanh(IdpEquilibria.amplitude(new Tanh(1), c.alpha1()));
        double predicted1 = n / 2.0 * (t * t - m * m), predicted2 = -n / 2.0 * m * m;
        double scale = n / 2.0;
        double error = Math.max(Math.abs(measured1 - predicted1), Math.abs(measured2 - predicted2)) / scale;
        List<String> detail = new ArrayList<>();
        detail.add("dB_1/dalpha_1 " + fmt(measured1) + " (theory " + fmt(predicted1) + ")");
        detail.add("dB_2/dalpha_1 " + fmt(measured2) + " (theory " + fmt(predicted2) + ")");
        detail.add("saddle overlap m " + fmt(m) + ", residual " + fmt(s.residual()) + ", |x_s - x_1|_inf "
                + fmt(Norms.maxAbsDiff(s.x(), ends[0])));
        return Evaluation.atMost(error, tolerance(), String.join("; ", detail));
    }
}
