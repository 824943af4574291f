package engram.theorem.landscape;

import engram.activation.ActivationKind;
import engram.activation.Tanh;
import engram.analysis.IdpBifurcations;
import engram.claim.Claim;
import engram.claim.ClaimFamily;
import engram.figure.Figure;
import engram.figure.Plot;
import engram.landscape.Basins;
import engram.landscape.Continuation;
import engram.landscape.ContinuationPredictions;
import engram.landscape.NetworkFamily;
import engram.landscape.Saddles;
import engram.landscape.Transitions;
import engram.memory.FiringRateDesign;
import engram.memory.LowRankCouplings;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.model.InputDriven;
import engram.model.VoltageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** The energy landscape: basins of attraction and what they must contain (theory.md section 9). */
public final class LandscapeFamily implements ClaimFamily {

    @Override public String name() { return "landscape"; }

    @Override public String title() { return "The energy landscape: basins of attraction, saddles and barriers"; }

    /**
     * engram landscape and engram basins on a Hebbian network (N = 200, P = 5, tanh gain 4, zero diagonal): the energy
     * along the path between memories 1 and 2, the return curves (40 cues per memory and level) and the basin map on
     * the plane through memories 1 and 2.
     */
    @Override public List<Figure> figures(long seed) {
        PatternSet xi = Patterns.randomBinary(200, 5, new SplittableRandom(seed));
        VoltageModel model = new VoltageModel(1, LowRankCouplings.hebbian(xi, true), new Tanh(4), Input.zero(200));
        double lip = Basins.lipschitzBound(model, seed);
        Basins.Settings s = new Basins.Settings(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}, 40, 0, 100,
                1e-6, Basins.step(lip));
        Basins.Result r = Basins.run(model, xi, s, seed);
        List<Figure> out = new ArrayList<>();
        double[][] ends = Basins.rest(model, List.of(xi.pattern(0), xi.pattern(1)), 1e-12, lip);
        if (ends[0] != null && ends[1] != null) { // a memory that does not come to rest has no path to draw
            Saddles.Result path = Saddles.between(model, ends[0], ends[1], new Saddles.Settings(41, Saddles.step(lip),
                    20000, seed));
            out.add(Saddles.figure(path, String.format(Locale.ROOT, "Minimum-energy path between memories 1 and 2 of the "
                    + "same network (string method, theory.md section 9.2): saddle of index %d at energy %.4g, barriers "
                    + "%.4g and %.4g (engram landscape; claim landscape.saddle-index).", path.saddle().index(),
                    path.saddle().energy(), path.fromA(), path.fromB())));
        }
        out.add(bifurcations(seed));
        out.add(frBoundary());
        out.add(basinsByModel(r, s.noise(), seed));
        out.add(transitions(seed));
        out.add(Basins.curves(r, "Basins of a Hebbian network (N = 200, P = 5, tanh gain 4): the fraction of cues that "
                + "return to their memory against the cue noise (each sign flipped with probability noise / 2; noise 1 "
                + "is a random state), 40 cues per memory and level (engram basins; theory.md section 9.1)."));
        out.add(Basins.map(model, xi, s, 41, "Basin map of the same network on the plane a xi_1 + b xi_2: each state "
                + "integrated to its attractor (red: memories 1 and 2, blue: their negatives, white: anything else). "
                + "The diagonals |a| = |b| separate the basins, as the symmetry of the two memories says."));
        return out;
    }

    /**
     * engram continue on an IDP network (Hadamard memories, N = 64, P = 3, alphas (alpha_1, 0.5, 0.5), tanh) with the
     * input 0.3 xi_1: the state opposed to the input, continued in alpha_1 from 3 down to 0.8, folds at the closed form.
     */
    static Figure bifurcations(long seed) {
        PatternSet h = Patterns.hadamard(64, 3);
        double[] u = h.pattern(0);
        for (int i = 0; i < u.length; i++) {
            u[i] *= 0.3;
        }
        NetworkFamily f = NetworkFamily.parametrised(NetworkFamily.Model.VOLTAGE, InputDriven.couplings(h,
                new double[] {3, 0.5, 0.5}, false), ActivationKind.TANH, 1, 0, u, "alpha1");
        int[] cue = {-1};
        Continuation.Result r = ContinuationPredictions.fromCue(f, h, cue, new Continuation.Settings(3, 0.8, 0.02, 1000,
                seed));
        double predicted = IdpBifurcations.fold(new Tanh(1), 0.3)[0];
        String found = r.bifurcations().isEmpty() ? "no fold found" : String.format(Locale.ROOT, "fold located at %.10f",
                r.bifurcations().get(0).value());
        return Continuation.figure(r, "alpha_1", String.format(Locale.ROOT, "Bifurcation diagram (engram continue; "
                + "theory.md section 9.4): an IDP network (Hadamard memories, N = 64, P = 3, alphas (alpha_1, 0.5, 0.5), "
                + "tanh) with the input 0.3 xi_1; the state opposed to the input, amplitude c along -xi_1, continued in "
                + "alpha_1 from 3 down. Stable (solid) above the fold, where it meets its unstable twin (dashed): %s, "
                + "closed form alpha psi'(c) = 1 at %.10f (claim continue.idp-fold).", found, predicted));
    }

    /**
     * engram basins on the three models: the mean over the memories of the return fraction against the cue noise, for
     * the Hebbian voltage network above ({@code hebbian}), an IDP network (Hadamard memories, N = 64, alphas 3, 2,
     * 1.2, 0.8, tanh) and the firing-rate design of theory.md's reference point (balanced memories, N = 100).
     */
    static Figure basinsByModel(Basins.Result hebbian, double[] noise, long seed) {
        PatternSet h = Patterns.hadamard(64, 4);
        VoltageModel idp = new VoltageModel(1, InputDriven.couplings(h, new double[] {3, 2, 1.2, 0.8}, false), new Tanh(1),
                Input.zero(64));
        PatternSet b = Patterns.commonCore(100, FiringRateDesign.REFERENCE_Q);
        FiringRateDesign d = FiringRateDesign.independent(b, ActivationKind.LOGISTIC.of(FiringRateDesign.REFERENCE_RHO,
                FiringRateDesign.REFERENCE_THRESHOLD), FiringRateDesign.REFERENCE_A, FiringRateDesign.REFERENCE_B,
                FiringRateDesign.REFERENCE_Q);
        Basins.Dynamics rate = Basins.Dynamics.of(new FiringRateModel(1, d.couplings(), d.phi(), Input.zero(100)));
        Basins.Dynamics[] models = {Basins.Dynamics.of(idp), rate};
        PatternSet[] patterns = {h, b};
        List<Plot.Series> series = new ArrayList<>();
        series.add(Plot.Series.line("Hebbian voltage (N = 200, P = 5, tanh gain 4)", noise, meanReturn(hebbian)));
        String[] names = {"IDP (N = 64, alphas 3, 2, 1.2, 0.8)", "firing rate (reference design, N = 100, P = 6)"};
        for (int m = 0; m < models.length; m++) {
            Basins.Settings s = new Basins.Settings(noise, 20, 0, 100, 1e-6, Basins.step(Basins.lipschitzBound(models[m],
                    seed)));
            series.add(Plot.Series.line(names[m], noise, meanReturn(Basins.run(models[m], patterns[m], s, seed))));
        }
        return new Plot("basins-models.png", "Basins per model (engram basins; theory.md section 9.1): the fraction of "
                + "cues that return to their memory, averaged over the memories, against the cue noise (each sign, or "
                + "each 0/1 entry for the rate model, flipped with probability noise / 2); 40 cues per memory and level "
                + "for the Hebbian network, 20 for the others. The IDP curve stays near 1/2: of its four memories only the two "
                + "strongest are stable (memory 3 loses stability towards memory 1, alpha_1 psi'(c_3) = 2 > 1, and "
                + "memory 4 does not exist, alpha_4 psi'(0) = 0.8 < 1: theory.md section 3.2).", "Basins per model", "cue noise", "mean fraction returned",
                false, false, series);
    }

    /** The return fraction at each noise level, averaged over the memories. */
    private static double[] meanReturn(Basins.Result r) {
        double[] mean = new double[r.curves().get(0).fraction().length];
        for (Basins.Curve c : r.curves()) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += c.fraction()[k] / r.curves().size();
            }
        }
        return mean;
    }

    /**
     * engram continue on the firing-rate design redone along the threshold at theory.md's reference slope 4.8 (logistic,
     * a = -0.3, balanced memories, N = 100): the rescaled memory loses stability where the phase diagram says.
     */
    static Figure frBoundary() {
        ContinueFrBoundaryClaim.Line line = new ContinueFrBoundaryClaim.Line(ActivationKind.LOGISTIC,
                FiringRateDesign.REFERENCE_A, true, FiringRateDesign.REFERENCE_RHO, 100);
        double[] range = {0, 0.9};
        Continuation.Result r = line.continued(range, Continuation.Corrector.ARCLENGTH);
        List<Double> boundary = line.boundary(range);
        String found = r.bifurcations().stream().filter(Continuation.Bifurcation::stability).map(b -> String.format(
                Locale.ROOT, "%.9f", b.value())).toList().toString();
        return Continuation.figure(r, "fr-boundary.png", "threshold I*", String.format(Locale.ROOT, "The firing-rate "
                + "memory along a line of the stability phase diagram (engram continue; theory.md section 9.4): the "
                + "design of section 2 (balanced memories, N = 100, q = 0.2, logistic slope 4.8, a = -0.3, b = 0.95) "
                + "redone at every threshold, memory 1's rescaled state continued from I* = 0 to 0.9; amplitude = the "
                + "mean rate. Stable (solid) below the stability change located at %s, the phase diagram's reduced "
                + "eigenvalue crossing 0 at %s (claim continue.fr-boundary).", found, boundary));
    }

    /**
     * engram transitions on the modern Hopfield network (two orthogonal memories in R^2, beta = 2, beta |xi|^2 = 2.7):
     * 300 paths per noise level, the log mean first-passage time against 1/sigma^2 with the Eyring-Kramers line.
     */
    static Figure transitions(long seed) {
        PatternSet xi = Transitions.orthogonalPair(2, 1.35);
        Transitions.Wells w = Transitions.modern(xi, 2, 0, 1);
        double[] sigmas = Transitions.sigmas(w.barrier(), new double[] {2.5, 3, 3.5, 4});
        Transitions.Row[] rows = new Transitions.Row[sigmas.length];
        for (int k = 0; k < sigmas.length; k++) {
            rows[k] = Transitions.row(sigmas[k], Transitions.firstPassage(Transitions.modernDrift(xi, 2), w.from(), w.to(),
                    0.2, sigmas[k], 300, 0.01, 1e6, seed + k), w.eyringKramers(sigmas[k]));
        }
        double[] slope = Transitions.arrhenius(rows);
        return Transitions.figure(rows, String.format(Locale.ROOT, "Noise-driven transitions of the modern Hopfield "
                + "network (engram transitions; theory.md section 9.5): two orthogonal memories in R^2, beta = 2, "
                + "beta |xi|^2 = 2.7, barrier dE = %.4g; the log of the mean first-passage time (300 paths per level, "
                + "Euler-Maruyama dt = 0.01, 95%% intervals dashed) against 1/sigma^2, and the Eyring-Kramers law. "
                + "Arrhenius slope %.4g +- %.2g against 2 dE = %.4g; the times sit 5 to 20%% above the law, the "
                + "first-order correction in sigma^2 (claim transitions.eyring-kramers).", w.barrier(), slope[0],
                slope[1], 2 * w.barrier()));
    }

    @Override public List<Claim<?>> claims() {
        return List.of(new BasinsCertifiedBallClaim(), new LandscapeSaddleIndexClaim(), new LandscapeIdpBarrierClaim(),
                new ContinueIdpPitchforkClaim(), new ContinueIdpStabilityClaim(), new ContinueIdpFoldClaim(),
                new ContinueMixtureOrderClaim(), new ContinueFrBoundaryClaim(), new TransitionsEyringKramersClaim());
    }
}
