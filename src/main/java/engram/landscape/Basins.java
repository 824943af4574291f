package engram.landscape;

import engram.activation.Activation;
import engram.analysis.Lanczos;
import engram.figure.HeatMap;
import engram.figure.Plot;
import engram.integrate.RungeKutta4;
import engram.integrate.StepObserver;
import engram.integrate.VectorField;
import engram.kernel.Norms;
import engram.memory.Couplings;
import engram.memory.PatternSet;
import engram.model.FiringRateModel;
import engram.model.RateEnsemble;
import engram.model.VoltageEnsemble;
import engram.model.VoltageModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.hipparchus.stat.interval.BinomialProportion;
import org.hipparchus.stat.interval.ConfidenceInterval;

/**
 * Basins of attraction by sampling (docs/theory.md section 9.1): initial states around each memory (cues: pattern mu
 * with each unit's sign flipped with probability noise / 2, so noise 1 is a random +-1 state) and uniform in the box
 * [-1, 1]^N, integrated together (an N x K block, RK4) until the residual {@code |F(x)|_inf <= tolerance (1 +
 * |x|_inf)} (converged; the time is recorded) or the horizon (not converged), then classified: the origin
 * ({@code |x|_inf <= 1e-3}), memory mu or its negative (cosine with xi_mu at least {@link #ALIGNED} in absolute
 * value), a mixture (cosine at least ALIGNED with sign(+-xi_a +- xi_b +- xi_c), the three largest overlaps), or a
 * spurious state. Fractions come with 95% Wilson score intervals. The firing-rate model ({@link Dynamics}) is sampled
 * with 0/1 memories: cues swap 0 and 1, the box is [0, 1]^N, and states and memories are centred before they are
 * compared ({@link #classifyRates}; the origin's analogue is the uniform state).
 */
public final class Basins {

    /** The cosine above which a state is called aligned with a pattern or a mixture. */
    public static final double ALIGNED = 0.95;
    /** Samples integrated together. */
    static final int BATCH = 512;

    private Basins() {
    }

    /** What an end state is. */
    public enum Kind {
        MEMORY, NEGATIVE, MIXTURE, SPURIOUS, ORIGIN, UNIFORM, NOT_CONVERGED;

        @Override public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What is sampled: a voltage model (states in [-1, 1]^N, +-1 memories) or a firing-rate model (rates in [0, 1]^N,
     * 0/1 memories), with its couplings and activation (for the step's Lipschitz bound) and its ensemble of K states
     * integrated together as one N x K block.
     */
    public record Dynamics(double tau, Couplings couplings, Activation activation, IntFunction<VectorField> ensemble,
            boolean rates) {

        public static Dynamics of(VoltageModel m) {
            return new Dynamics(m.tau(), m.couplings(), m.activation(), k -> new VoltageEnsemble(m, k), false);
        }

        public static Dynamics of(FiringRateModel m) {
            return new Dynamics(m.tau(), m.couplings(), m.activation(), k -> new RateEnsemble(m, k), true);
        }

        public int n() {
            return couplings.n();
        }
    }

    /**
     * @param noise cue noise levels in [0, 1]
     * @param perLevel cues per memory and level
     * @param uniform states drawn uniformly in [-1, 1]^N
     * @param horizon the longest integration, in units of tau
     * @param tolerance the convergence test's relative residual
     * @param step the RK4 step, in units of tau
     */
    public record Settings(double[] noise, int perLevel, int uniform, double horizon, double tolerance, double step) {

        public Settings {
            for (double v : noise) {
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException("--noise: each level must be in [0, 1], got " + v);
                }
            }
            if (perLevel < 0 || uniform < 0 || !(horizon > 0) || !(tolerance > 0) || !(step > 0 && step <= horizon)) {
                throw new IllegalArgumentException("basin settings out of range: perLevel " + perLevel + ", uniform "
                        + uniform + ", horizon " + horizon + ", tolerance " + tolerance + ", step " + step);
            }
            noise = noise.clone();
        }
    }

    /** One attractor's share of the samples; pattern counts from 1 (null for kinds without one). */
    public record Attractor(String kind, Integer pattern, double fraction, double low, double high, double meanTime) {
    }

    /** For memory {@code pattern}: the fraction of its cues at each noise level that return to it. */
    public record Curve(int pattern, double[] noise, double[] fraction, double[] low, double[] high) {
    }

    public record Result(List<Attractor> attractors, int samples, int notConverged, List<Curve> curves) {
    }

    /** Where one state ends. */
    public record End(Kind kind, int pattern, double time) {
    }

    /** Samples, integrates, classifies and counts. */
    public static Result run(VoltageModel model, PatternSet xi, Settings s, long seed) {
        return run(Dynamics.of(model), xi, s, seed);
    }

    /**
     * Samples, integrates, classifies and counts. For rates the cues flip 0/1 memories (noise 1: a random 0/1 state),
     * the uniform states are drawn in [0, 1]^N, and states and memories are centred before they are compared.
     */
    public static Result run(Dynamics model, PatternSet xi, Settings s, long seed) {
        int n = xi.n(), p = xi.p(), levels = s.noise().length;
        SplittableRandom rng = new SplittableRandom(seed);
        List<double[]> starts = new ArrayList<>();
        for (int mu = 0; mu < p; mu++) {
            for (double level : s.noise()) {
                for (int r = 0; r < s.perLevel(); r++) {
                    starts.add(cue(xi, mu, level, rng, model.rates()));
                }
            }
        }
        for (int r = 0; r < s.uniform(); r++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = model.rates() ? rng.nextDouble() : 2 * rng.nextDouble() - 1;
            }
            starts.add(x);
        }
        End[] ends = ends(model, xi, starts, s);
        List<Curve> curves = new ArrayList<>();
        int k = 0;
        for (int mu = 0; mu < p; mu++) {
            double[] f = new double[levels], lo = new double[levels], hi = new double[levels];
            for (int l = 0; l < levels; l++) {
                int back = 0;
                for (int r = 0; r < s.perLevel(); r++, k++) {
                    back += ends[k].kind() == Kind.MEMORY && ends[k].pattern() == mu + 1 ? 1 : 0;
                }
                double[] w = wilson(back, s.perLevel());
                f[l] = s.perLevel() == 0 ? Double.NaN : back / (double) s.perLevel();
                lo[l] = w[0];
                hi[l] = w[1];
            }
            curves.add(new Curve(mu + 1, s.noise(), f, lo, hi));
        }
        return new Result(tally(ends), ends.length, (int) Arrays.stream(ends).filter(e -> e.kind() == Kind.NOT_CONVERGED)
                .count(), curves);
    }

    /** Pattern mu with each sign flipped (each 0/1 entry swapped, for rates) with probability level / 2. */
    static double[] cue(PatternSet xi, int mu, double level, SplittableRandom rng, boolean rates) {
        double[] x = xi.pattern(mu);
        for (int i = 0; i < x.length; i++) {
            if (rng.nextDouble() < level / 2) {
                x[i] = rates ? 1 - x[i] : -x[i];
            }
        }
        return x;
    }

    /** Where each start ends (integrated in batches of {@link #BATCH}). */
    public static End[] ends(VoltageModel model, PatternSet xi, List<double[]> starts, Settings s) {
        return ends(Dynamics.of(model), xi, starts, s);
    }

    /** Where each start ends; rates are classified centred ({@link #classifyRates}). */
    public static End[] ends(Dynamics model, PatternSet xi, List<double[]> starts, Settings s) {
        End[] out = new End[starts.size()];
        PatternSet centred = model.rates() ? centred(xi) : xi;
        settle(model, starts, s, (k, x, t, converged) -> out[k] = !converged ? new End(Kind.NOT_CONVERGED, 0, t)
                : model.rates() ? classifyRates(x, centred, t) : classify(x, xi, t));
        return out;
    }

    /**
     * Each start integrated to rest ({@code |F|_inf <= tolerance (1 + |x|_inf)} within 1000 time constants, RK4 step
     * {@link #step}(lipBound)): the states, null where one did not come to rest.
     */
    public static double[][] rest(VoltageModel model, List<double[]> starts, double tolerance, double lipBound) {
        double[][] out = new double[starts.size()][];
        settle(Dynamics.of(model), starts, new Settings(new double[0], 0, 0, 1000, tolerance, step(lipBound)),
                (k, x, t, converged) -> out[k] = converged ? x : null);
        return out;
    }

    /** Receives each start's final state: its index, the state, the time (units of tau) and whether it converged. */
    @FunctionalInterface
    public interface Settled {
        void accept(int index, double[] x, double time, boolean converged);

        /** Each still-moving state at the end of each chunk of integration, where {@link #watching} (by default ignored). */
        default void passing(int index, double[] x, double time) {
        }

        /** Whether {@link #passing} wants the moving states (copied out of the block only then). */
        default boolean watching() {
            return false;
        }
    }

    /**
     * Integrates every start until it passes the convergence test or reaches the horizon, in batches of
     * {@link #BATCH} integrated together; {@code settled} receives each one's final state.
     */
    public static void settle(VoltageModel model, List<double[]> starts, Settings s, Settled settled) {
        settle(Dynamics.of(model), starts, s, settled);
    }

    /** {@link #settle(VoltageModel, List, Settings, Settled)} for either model. */
    public static void settle(Dynamics model, List<double[]> starts, Settings s, Settled settled) {
        for (int from = 0; from < starts.size(); from += BATCH) {
            int to = Math.min(starts.size(), from + BATCH);
            integrate(model, starts.subList(from, to), s, settled, from);
        }
    }

    /**
     * One batch: chunks of at most 2 tau, converged states leaving the block after each chunk. The block, the RK4
     * stages and the ensemble are made once and reused while no state leaves (the stages serve every smaller block
     * too); the convergence test reads each state's largest entries from the block row by row, and a state is copied
     * out only when it leaves (or when {@code settled} watches the moving ones).
     */
    private static void integrate(Dynamics model, List<double[]> batch, Settings s, Settled settled, int offset) {
        int n = model.n(), k = batch.size();
        double tau = model.tau(), chunk = Math.min(2, s.horizon());
        int[] active = new int[k];
        for (int c = 0; c < k; c++) {
            active[c] = c;
        }
        double[] block = VoltageEnsemble.block(batch.toArray(new double[0][])), rate = new double[n * k];
        RungeKutta4 rk4 = new RungeKutta4(n * k);
        VectorField ens = model.ensemble().apply(k);
        double t = 0;
        while (k > 0 && t < s.horizon() - 1e-9) {
            double dt = Math.min(chunk, s.horizon() - t);
            int steps = (int) Math.ceil(dt / s.step());
            rk4.integrate(ens, 0, block, dt * tau, steps, steps, StepObserver.NONE);
            t += dt;
            ens.evaluate(0, block, rate);
            boolean[] converged = converged(block, rate, k, tau, s.tolerance()), leaves = converged.clone();
            boolean last = t >= s.horizon() - 1e-9;
            int still = 0;
            for (int c = 0; c < k; c++) {
                leaves[c] |= last;
                if (leaves[c]) {
                    settled.accept(offset + active[c], VoltageEnsemble.column(block, k, c), t, converged[c]);
                } else {
                    if (settled.watching()) {
                        settled.passing(offset + active[c], VoltageEnsemble.column(block, k, c), t);
                    }
                    active[still++] = active[c];
                }
            }
            if (still < k) {
                block = kept(block, leaves, n, k, still);
                k = still;
                rate = new double[n * k];
                ens = k > 0 ? model.ensemble().apply(k) : null;
            }
        }
    }

    /**
     * Which states pass the convergence test {@code |F|_inf <= tolerance (1 + |x|_inf)} (the ensemble's rate is
     * F / tau). The largest entries of each column are gathered row by row (contiguous), not by copying columns out.
     */
    private static boolean[] converged(double[] block, double[] rate, int k, double tau, double tolerance) {
        double[] xMax = new double[k], fMax = new double[k];
        for (int o = 0; o < block.length; o += k) {
            for (int c = 0; c < k; c++) {
                xMax[c] = Math.max(xMax[c], Math.abs(block[o + c]));
                fMax[c] = Math.max(fMax[c], Math.abs(rate[o + c]));
            }
        }
        boolean[] out = new boolean[k];
        for (int c = 0; c < k; c++) {
            out[c] = fMax[c] * tau <= tolerance * (1 + xMax[c]);
        }
        return out;
    }

    /** The block of the states that stay, in their order. */
    private static double[] kept(double[] block, boolean[] leaves, int n, int k, int still) {
        double[] out = new double[n * still];
        for (int i = 0; i < n; i++) {
            for (int c = 0, d = 0; c < k; c++) {
                if (!leaves[c]) {
                    out[i * still + d++] = block[i * k + c];
                }
            }
        }
        return out;
    }

    /** What the converged state x is (time t, in units of tau). */
    public static End classify(double[] x, PatternSet xi, double t) {
        int n = xi.n(), p = xi.p();
        double norm = Norms.norm2(x);
        if (Norms.maxAbs(x) <= 1e-3) {
            return new End(Kind.ORIGIN, 0, t);
        }
        double[] cos = new double[p];
        Integer[] order = new Integer[p];
        for (int mu = 0; mu < p; mu++) {
            double[] v = xi.pattern(mu);
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += x[i] * v[i];
            }
            cos[mu] = dot / (norm * Norms.norm2(v));
            order[mu] = mu;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(cos[b]), Math.abs(cos[a])));
        int best = order[0];
        if (Math.abs(cos[best]) >= ALIGNED) {
            return new End(cos[best] > 0 ? Kind.MEMORY : Kind.NEGATIVE, best + 1, t);
        }
        if (p >= 3) {
            double[] mix = new double[n];
            for (int r = 0; r < 3; r++) {
                double[] v = xi.pattern(order[r]);
                double sign = Math.signum(cos[order[r]]);
                for (int i = 0; i < n; i++) {
                    mix[i] += sign * v[i];
                }
            }
            double dot = 0, mm = 0;
            for (int i = 0; i < n; i++) {
                double m = Math.signum(mix[i]);
                dot += x[i] * m;
                mm += m * m;
            }
            if (mm > 0 && dot / (norm * Math.sqrt(mm)) >= ALIGNED) {
                return new End(Kind.MIXTURE, 0, t);
            }
        }
        return new End(Kind.SPURIOUS, 0, t);
    }

    /**
     * What the converged rates r are, against 0/1 memories already centred ({@link #centred}): r - mean(r) is
     * classified as a voltage state is, and a state with no structure (every rate the same to 1e-3) is uniform.
     */
    public static End classifyRates(double[] r, PatternSet centred, double t) {
        double mean = Arrays.stream(r).average().orElse(0);
        double[] x = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            x[i] = r[i] - mean;
        }
        End e = classify(x, centred, t);
        return e.kind() == Kind.ORIGIN ? new End(Kind.UNIFORM, 0, t) : e;
    }

    /** Each memory minus its mean (0/1 memories compared with rates). */
    public static PatternSet centred(PatternSet xi) {
        int n = xi.n(), p = xi.p();
        double[] data = new double[n * p];
        for (int mu = 0; mu < p; mu++) {
            double[] v = xi.pattern(mu);
            double mean = Arrays.stream(v).average().orElse(0);
            for (int i = 0; i < n; i++) {
                data[i * p + mu] = v[i] - mean;
            }
        }
        return new PatternSet(n, p, data, xi.kind() + ", centred");
    }

    /** The attractors in order of their share, with Wilson intervals and mean convergence times. */
    static List<Attractor> tally(End[] ends) {
        Map<String, List<End>> groups = new LinkedHashMap<>();
        for (End e : ends) {
            groups.computeIfAbsent(e.kind() + "|" + e.pattern(), key -> new ArrayList<>()).add(e);
        }
        List<Attractor> out = new ArrayList<>();
        for (List<End> g : groups.values()) {
            End first = g.get(0);
            double[] w = wilson(g.size(), ends.length);
            double mean = first.kind() == Kind.NOT_CONVERGED ? Double.NaN : g.stream().mapToDouble(End::time).average()
                    .orElse(Double.NaN);
            boolean numbered = first.kind() == Kind.MEMORY || first.kind() == Kind.NEGATIVE;
            out.add(new Attractor(first.kind().toString(), numbered ? first.pattern() : null, g.size() / (double) ends.length,
                    w[0], w[1], mean));
        }
        out.sort((a, b) -> Double.compare(b.fraction(), a.fraction()));
        return out;
    }

    /** The RK4 step (units of tau) for a network with {@code Lip(psi) ||W||_2 <= lipBound}: RK4's real stability interval. */
    public static double step(double lipBound) {
        return Math.min(0.4, 2.5 / (1 + lipBound));
    }

    /**
     * {@code Lip(psi) ||W||_2}, ||W||_2 by Lanczos (80 steps, seeded): on W itself when it is symmetric (the largest
     * |Ritz value|), otherwise on {@code W^T W} ({@link Lanczos#gram}) with W formed.
     */
    public static double lipschitzBound(VoltageModel model, long seed) {
        return lipschitzBound(Dynamics.of(model), seed);
    }

    /** {@link #lipschitzBound(VoltageModel, long)} for either model ({@code Lip(Phi) ||W||_2} for rates). */
    public static double lipschitzBound(Dynamics model, long seed) {
        Couplings w = model.couplings();
        int n = w.n();
        double norm;
        if (w.symmetric()) {
            double[] ritz = Lanczos.ritzValues(n, 80, seed, w::multiply);
            norm = Math.max(Math.abs(ritz[0]), Math.abs(ritz[ritz.length - 1]));
        } else {
            norm = Math.sqrt(Math.max(0, Lanczos.top(n, seed, Lanczos.gram(w.toDense(), n))));
        }
        return model.activation().lipschitz() * norm;
    }

    /** Return fraction against cue noise, one line per memory (at most the first ten). */
    public static Plot curves(Result r, String caption) {
        List<Plot.Series> series = new ArrayList<>();
        for (Curve c : r.curves().subList(0, Math.min(10, r.curves().size()))) {
            series.add(Plot.Series.line("memory " + c.pattern(), c.noise(), c.fraction()));
        }
        return new Plot("basins.png", caption, "Basins: cues that return to their memory", "cue noise (sign flips with "
                + "probability noise / 2)", "fraction returned", false, false, series);
    }

    /**
     * A basin map on the plane through memories 1 and 2: the state {@code a xi_1 + b xi_2} for a, b in [-1.5, 1.5]
     * (grid x grid), integrated and classified: z = 1 for memory 1, 2 for memory 2 or beyond, minus that for their
     * negatives, 0 otherwise.
     */
    public static HeatMap map(VoltageModel model, PatternSet xi, Settings s, int grid, String caption) {
        return map(Dynamics.of(model), xi, s, grid, caption);
    }

    /** {@link #map(VoltageModel, PatternSet, Settings, int, String)} for either model; for rates a, b in [0, 1]. */
    public static HeatMap map(Dynamics model, PatternSet xi, Settings s, int grid, String caption) {
        double[] axis = new double[grid];
        double low = model.rates() ? 0 : -1.5, high = model.rates() ? 1 : 1.5;
        for (int k = 0; k < grid; k++) {
            axis[k] = low + (high - low) * k / (grid - 1);
        }
        double[] one = xi.pattern(0), two = xi.pattern(1);
        List<double[]> starts = new ArrayList<>();
        for (double b : axis) {
            for (double a : axis) {
                double[] x = new double[xi.n()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = a * one[i] + b * two[i];
                }
                starts.add(x);
            }
        }
        End[] ends = ends(model, xi, starts, s);
        double[][] z = new double[grid][grid];
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                End e = ends[i * grid + j];
                z[i][j] = e.kind() == Kind.MEMORY ? Math.min(2, e.pattern()) : e.kind() == Kind.NEGATIVE ? -Math.min(2,
                        e.pattern()) : 0;
            }
        }
        return new HeatMap("basin-map.png", caption, "Basin map on the plane a xi_1 + b xi_2", "red: memory 1 (light) "
                + "and memory 2 or beyond (dark); blue: their negatives; white: the rest",
                2, List.of(new HeatMap.Panel("", "a (along xi_1)", "b (along xi_2)", axis, axis, z,
                List.of())));
    }

    /** The 95% Wilson score interval of k successes in n trials ([0, 1] for n = 0). */
    static double[] wilson(int k, int n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        ConfidenceInterval ci = BinomialProportion.getWilsonScoreInterval(n, k / (double) n, 0.95);
        return new double[] {Math.max(0, ci.getLowerBound()), Math.min(1, ci.getUpperBound())};
    }
}
