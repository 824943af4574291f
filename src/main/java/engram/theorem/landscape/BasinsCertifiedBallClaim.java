package engram.theorem.landscape;

import static engram.claim.Evaluation.fmt;

import engram.activation.Tanh;
import engram.certify.Certificate;
import engram.certify.Certifier;
import engram.certify.ProofNetwork;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.kernel.Norms;
import engram.landscape.Basins;
import engram.memory.DenseCouplings;
import engram.memory.LowRankCouplings;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.Input;
import engram.model.VoltageModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code basins.certified-ball}: Sampled basins contain the certified balls (properties/basins.certified-ball.properties;
 * docs/theory.md section 9.1). The catalogue entry states the hypotheses, metric, tolerances and control; this class
 * draws the cases and measures.
 */
public final class BasinsCertifiedBallClaim implements Claim<BasinsCertifiedBallClaim.Case> {

    /** Samples per memory. */
    static final int SAMPLES = 20;

    /** {@code origin}: the control, the origin with a fixed ball of radius 0.1 instead of the memories' certified balls. */
    public record Case(int n, int p, double gain, boolean origin, long seed) {
    }

    @Override public String id() { return "basins.certified-ball"; }

    @Override public int examples() { return 10; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer("N", 16, 48), d.integer("P", 1, 3), d.real("gain", 1.5, 6), false, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer("N", 16, 48), d.integer("P", 1, 3), d.real("gain", 2.5, 4), true, d.seed());
    }

    @Override public Evaluation evaluate(Case c) {
        int n = c.n();
        PatternSet xi = Patterns.randomBinary(n, c.p(), new SplittableRandom(c.seed()));
        double[] w = DenseCouplings.of(LowRankCouplings.hebbian(xi, true)).toDense();
        ProofNetwork net = new ProofNetwork(true, n, w, new double[n], new Tanh(c.gain()), 1.0);
        VoltageModel model = new VoltageModel(1.0, new DenseCouplings(n, w), net.activation(), Input.zero(n));
        List<double[]> centres = new ArrayList<>();
        List<Double> radii = new ArrayList<>();
        double slowest = 1;
        if (c.origin()) {
            centres.add(new double[n]);
            radii.add(0.1);
        } else {
            List<double[]> patterns = new ArrayList<>();
            for (int mu = 0; mu < xi.p(); mu++) {
                patterns.add(xi.pattern(mu));
            }
            double[][] states = Basins.rest(model, patterns, 1e-12, Basins.lipschitzBound(model, 1));
            List<Certificate.Equilibrium> proofs = Certifier.certify(net, Arrays.asList(states)).certificate().equilibria();
            for (int k = 0; k < states.length; k++) {
                Certificate.Equilibrium e = proofs.get(k);
                if (states[k] != null && e.basinRadius() > 0 && e.decayRate() > 0) {
                    centres.add(states[k]);
                    radii.add(e.basinRadius());
                    slowest = Math.min(slowest, e.decayRate());
                }
            }
        }
        if (centres.isEmpty()) {
            return Evaluation.uninformative("no memory has a certified basin ball");
        }
        // from the ball's edge the distance shrinks at least like exp(-decayRate t): 30 / decayRate reaches 1e-13
        return judge(model, centres, radii, 20 + 30 / slowest, new SplittableRandom(c.seed() * 31 + 7));
    }

    /** Samples each ball, settles every sample and counts those that do not end at the ball's centre. */
    Evaluation judge(VoltageModel model, List<double[]> centres, List<Double> radii, double horizon,
            SplittableRandom rng) {
        int n = centres.get(0).length;
        List<double[]> starts = new ArrayList<>();
        Set<Integer> grown = new HashSet<>();
        for (int k = 0; k < centres.size(); k++) {
            for (int s = 0; s < SAMPLES; s++) {
                starts.add(inBall(centres.get(k), 0.999 * radii.get(k), rng));
            }
        }
        double[] worst = new double[1], growth = new double[1];
        int[] away = new int[1];
        double tolerance = tolerance("arrival");
        Basins.Settings settings = new Basins.Settings(new double[0], 0, 0, horizon, 1e-10,
                Basins.step(Basins.lipschitzBound(model, 1)));
        Basins.settle(model, starts, settings, new Basins.Settled() {
            @Override public void accept(int index, double[] x, double t, boolean converged) {
                double[] centre = centres.get(index / SAMPLES);
                double d = Norms.maxAbsDiff(x, centre) / (1 + Norms.maxAbs(centre));
                worst[0] = Math.max(worst[0], converged ? d : Double.POSITIVE_INFINITY);
                away[0] += converged && d <= tolerance && !grew(index, x) ? 0 : 1;
            }

            @Override public void passing(int index, double[] x, double t) {
                grew(index, x);
            }

            @Override public boolean watching() {
                return true;
            }

            /** The Euclidean distance to the centre must never grow (the ball contracts): records and says if it did. */
            boolean grew(int index, double[] x) {
                double[] centre = centres.get(index / SAMPLES), start = starts.get(index);
                double ratio = distance(x, centre) / distance(start, centre);
                growth[0] = Math.max(growth[0], ratio);
                if (ratio > 1 + tolerance("growth")) {
                    grown.add(index);
                }
                return grown.contains(index);
            }
        });
        StringBuilder radiiText = new StringBuilder();
        for (double r : radii) {
            radiiText.append(radiiText.length() == 0 ? "" : ", ").append(fmt(r));
        }
        return Evaluation.atMost(away[0], tolerance(), starts.size() + " samples in " + centres.size() + " balls (radii "
                + radiiText + "), " + away[0] + " not at the centre or moving away from it; worst relative distance "
                + fmt(worst[0]) + ", largest distance ratio to the start " + fmt(growth[0]) + " (n = " + n + ", horizon "
                + fmt(horizon) + ")");
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    /** A point uniform in the Euclidean ball of radius r around x. */
    static double[] inBall(double[] x, double r, SplittableRandom rng) {
        int n = x.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = rng.nextGaussian();
        }
        double scale = r * Math.pow(rng.nextDouble(), 1.0 / n) / Norms.norm2(d);
        double[] y = x.clone();
        for (int i = 0; i < n; i++) {
            y[i] += scale * d[i];
        }
        return y;
    }
}
