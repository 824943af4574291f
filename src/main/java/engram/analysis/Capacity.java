package engram.analysis;

import engram.activation.Activation;
import engram.integrate.Euler;
import engram.integrate.StepObserver;
import engram.memory.LowRankCouplings;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.HebbianSignNetwork;
import engram.model.Input;
import engram.model.VoltageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.stat.interval.BinomialProportion;
import org.hipparchus.stat.interval.ConfidenceInterval;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * Storage capacity by simulation (theory.md section 5): P = round(alpha N) random +-1 memories, Hebbian couplings
 * {@code J = (1/N) sum_mu xi_mu xi_mu^T} with zero diagonal, the state started on memory 0 (optionally with a fraction
 * of its units flipped) and run to a fixed point. Sign neurons run the asynchronous dynamics in O(P) per update
 * ({@link HebbianSignNetwork}); analog neurons the voltage model {@code dx/dt = -x + J F(x)} with J in low rank, by
 * Euler steps of 0.05 from {@code x = xi_0} (flipped units included) until settled or t = 60. The overlap of a trial is
 * {@code sum_i (xi_i - xi_bar) Y_i / N} with Y = s or F(x): centring removes the term {@code xi_bar <Y>}, which for a
 * non-odd F (mean activity above 0) is a pattern-sum fluctuation of order 1/sqrt(N), not retrieval; for odd F it
 * changes the overlap by O(1/N). A trial succeeds when its overlap is at least {@value #SUCCESS_FRACTION} of the
 * single-memory overlap m_0 of F (1 for sign neurons): the retrieval state (m about 0.97 m_0 at the AGS capacity) and
 * not the state the network falls to above it (m about 0.3). Trials run in parallel, each from its own seed, so
 * results do not depend on the thread count.
 * <p>
 * The critical load alpha_c(N) is where a logistic curve fitted to the successes by maximum likelihood crosses 1/2,
 * with a 95% interval by the delta method; {@link #extrapolate} fits {@code alpha_c(N) = a + b N^-power} by weighted
 * least squares (Hipparchus OLS on rows scaled by 1/sd).
 */
public final class Capacity {

    /** A trial succeeds when its overlap is at least this fraction of the single-memory overlap. */
    public static final double SUCCESS_FRACTION = 0.8;

    private Capacity() {
    }

    /** The trials at one load: successes and the mean and standard deviation of the final overlaps. */
    public record Load(double alpha, int trials, int successes, double meanOverlap, double sdOverlap) {

        public double rate() {
            return successes / (double) trials;
        }

        /** The Wilson score interval of the success rate. */
        public double[] wilson(double level) {
            ConfidenceInterval ci = BinomialProportion.getWilsonScoreInterval(trials, rate(), level);
            return new double[] {Math.max(0, ci.getLowerBound()), Math.min(1, ci.getUpperBound())};
        }
    }

    /**
     * The seed of trial k at (n, alpha): independent of the order and thread the trials run in, and distinct for
     * distinct (seed, n, alpha, k). Each field is added in and the sum avalanched by SplittableRandom's output
     * function (SplitMix64's finaliser, a bijection of the long), so neighbouring seeds do not share trials (a plain
     * XOR of the fields did: trial 1 of seed 0 was trial 0 of seed 1).
     */
    static long trialSeed(long seed, int n, double alpha, int k) {
        long h = new SplittableRandom(seed).nextLong();
        h = new SplittableRandom(h + n).nextLong();
        h = new SplittableRandom(h + Double.doubleToLongBits(alpha)).nextLong();
        return new SplittableRandom(h + k).nextLong();
    }

    /** The overlap a trial must reach: {@value #SUCCESS_FRACTION} of F's single-memory overlap. */
    public static double successOverlap(Activation f) {
        return SUCCESS_FRACTION * singleMemoryOverlap(f);
    }

    /** F's overlap with one stored memory (alpha -> 0): the theory's retrieval state at vanishing load. */
    public static double singleMemoryOverlap(Activation f) {
        return f.name().equals("sign") ? 1 : Scsna.solve(f, 1e-6, true).m();
    }

    /** Sign neurons: {@code trials} runs at load alpha from memory 0 with a fraction {@code cueNoise} of units flipped. */
    public static Load sign(int n, double alpha, int trials, double cueNoise, long seed, boolean selfCoupling) {
        int p = memories(n, alpha);
        double[] overlaps = IntStream.range(0, trials).parallel().mapToDouble(k -> {
            SplittableRandom rng = new SplittableRandom(trialSeed(seed, n, alpha, k));
            HebbianSignNetwork net = new HebbianSignNetwork(n, p, HebbianSignNetwork.randomMemories(n, p, rng), selfCoupling);
            double[] xi = net.memory(0);
            double[] s = cue(xi, cueNoise, rng);
            net.run(s, rng, 1000);
            return centredOverlap(xi, s);
        }).toArray();
        return tally(alpha, overlaps, SUCCESS_FRACTION);
    }

    /** Analog neurons F: {@code trials} runs of the voltage model from the cue (memory 0, a fraction flipped). */
    public static Load analog(Activation f, int n, double alpha, int trials, double cueNoise, long seed) {
        int p = memories(n, alpha);
        double threshold = successOverlap(f);
        double[] overlaps = IntStream.range(0, trials).parallel().mapToDouble(k -> {
            SplittableRandom rng = new SplittableRandom(trialSeed(seed, n, alpha, k));
            PatternSet xi = Patterns.randomBinary(n, p, rng);
            VoltageModel model = new VoltageModel(1.0, LowRankCouplings.hebbian(xi, true), f, Input.zero(n));
            double[] x0 = xi.pattern(0);
            double[] x = cue(x0, cueNoise, rng);
            settle(model, x);
            double[] y = new double[n];
            f.apply(x, y);
            return centredOverlap(x0, y);
        }).toArray();
        return tally(alpha, overlaps, threshold);
    }

    /**
     * Euler steps of 0.05 from t = 0, in blocks of 5 time units, until a block moves no unit by more than
     * {@value #SETTLED} or t = {@value #HORIZON}.
     */
    static void settle(VoltageModel model, double[] x) {
        int n = x.length;
        Euler euler = new Euler(n);
        double[] before = new double[n];
        for (double t = 0; t < HORIZON; t += 5) {
            System.arraycopy(x, 0, before, 0, n);
            euler.integrate(model, t, x, t + 5, 100, 100, StepObserver.NONE);
            double move = 0;
            for (int i = 0; i < n; i++) {
                move = Math.max(move, Math.abs(x[i] - before[i]));
            }
            if (move < SETTLED) {
                return;
            }
        }
    }

    static final double HORIZON = 60;
    static final double SETTLED = 1e-7;

    static int memories(int n, double alpha) {
        if (n < 2 || !(alpha > 0) || !(alpha <= 1)) {
            throw new IllegalArgumentException("need n >= 2 and a load in (0, 1], got n=" + n + ", alpha=" + alpha);
        }
        return Math.max(1, (int) Math.round(alpha * n));
    }

    private static double[] cue(double[] xi, double noise, SplittableRandom rng) {
        double[] s = xi.clone();
        for (int i = 0; i < s.length; i++) {
            if (rng.nextDouble() < noise) {
                s[i] = -s[i];
            }
        }
        return s;
    }

    /** {@code sum_i (xi_i - xi_bar) y_i / N}. */
    public static double centredOverlap(double[] xi, double[] y) {
        double mean = 0;
        for (double v : xi) {
            mean += v;
        }
        mean /= xi.length;
        double o = 0;
        for (int i = 0; i < xi.length; i++) {
            o += (xi[i] - mean) * y[i];
        }
        return o / xi.length;
    }

    static Load tally(double alpha, double[] overlaps, double threshold) {
        int ok = 0;
        double sum = 0, sq = 0;
        for (double o : overlaps) {
            ok += o >= threshold ? 1 : 0;
            sum += o;
            sq += o * o;
        }
        int t = overlaps.length;
        double mean = sum / t;
        return new Load(alpha, t, ok, mean, t > 1 ? Math.sqrt(Math.max(0, (sq - t * mean * mean) / (t - 1))) : 0);
    }

    /**
     * The transition at size n: alpha_c where the fitted success probability {@code 1 / (1 + exp(-(a + b alpha)))}
     * is 1/2, and its 95% interval. When the successes separate perfectly (a step between two loads) the fit has no
     * maximum; then alpha_c is the midpoint of the step and the interval the two loads. {@code located} is false when
     * the grid does not span the transition (every load mostly succeeds, or mostly fails: then the interval runs from
     * the grid's last load to 1, or from 0 to its first; or an end of the grid sits at exactly one half) or the fit
     * points outside it.
     */
    public record Transition(int n, double alphaC, double low, double high, boolean located, List<Load> loads) {

        /** A standard deviation for weighting: the interval's half-width over 1.96. */
        public double sd() {
            return Math.max(1e-6, (high - low) / (2 * 1.96));
        }
    }

    public static Transition transition(int n, List<Load> loads) {
        int k = loads.size();
        double[] x = new double[k], succ = new double[k], tr = new double[k];
        for (int j = 0; j < k; j++) {
            x[j] = loads.get(j).alpha();
            succ[j] = loads.get(j).successes();
            tr[j] = loads.get(j).trials();
        }
        boolean spans = loads.get(0).rate() > 0.5 && loads.get(k - 1).rate() < 0.5;
        boolean allRetrieve = loads.stream().allMatch(l -> l.rate() >= 0.5);
        boolean noneRetrieves = loads.stream().allMatch(l -> l.rate() <= 0.5);
        if (!spans && allRetrieve != noneRetrieves) {
            // no transition inside the grid: the interval is what the grid says, alpha_c beyond its last load (up to
            // the largest load, 1) or before its first (down to 0); alpha_c is that end of the grid
            return allRetrieve ? new Transition(n, x[k - 1], x[k - 1], 1, false, List.copyOf(loads))
                    : new Transition(n, x[0], 0, x[0], false, List.copyOf(loads));
        }
        double[] fit = logisticFit(x, succ, tr);
        if (fit == null) {
            double[] step = step(loads);
            return new Transition(n, 0.5 * (step[0] + step[1]), step[0], step[1], spans, List.copyOf(loads));
        }
        double a = fit[0], b = fit[1];
        double alphaC = -a / b;
        // delta method: grad of -a/b is (-1/b, a/b^2); fit[2..4] is the covariance (aa, ab, bb)
        double ga = -1 / b, gb = a / (b * b);
        double var = ga * ga * fit[2] + 2 * ga * gb * fit[3] + gb * gb * fit[4];
        double half = 1.96 * Math.sqrt(Math.max(0, var));
        boolean inside = alphaC >= x[0] && alphaC <= x[k - 1];
        return new Transition(n, alphaC, alphaC - half, alphaC + half, spans && inside, List.copyOf(loads));
    }

    /** The last load with every trial a success and the first after it with none (the grid's ends if none). */
    private static double[] step(List<Load> loads) {
        double lo = loads.get(0).alpha(), hi = loads.get(loads.size() - 1).alpha();
        for (Load l : loads) {
            if (l.successes() == l.trials()) {
                lo = l.alpha();
            }
        }
        for (Load l : loads) {
            if (l.alpha() > lo && l.successes() == 0) {
                hi = l.alpha();
                break;
            }
        }
        return new double[] {lo, hi};
    }

    /**
     * Logistic regression of successes out of trials at x by Newton's method on the log-likelihood: {a, b, var a,
     * cov ab, var b} (inverse Fisher information), or null without a finite maximum (separated data) or a falling
     * curve.
     */
    static double[] logisticFit(double[] x, double[] succ, double[] trials) {
        double mx = 0, total = 0;
        for (int j = 0; j < x.length; j++) {
            mx += x[j] * trials[j];
            total += trials[j];
        }
        mx /= total;
        double sx = 0;
        for (int j = 0; j < x.length; j++) {
            sx += trials[j] * (x[j] - mx) * (x[j] - mx);
        }
        sx = Math.sqrt(sx / total);
        if (!(sx > 0)) {
            return null;
        }
        // centred, scaled abscissa t = (x - mx) / sx keeps the 2 x 2 system well conditioned
        double a = 0, b = 0;
        double iaa = 0, iab = 0, ibb = 0;
        for (int it = 0; it < 100; it++) {
            double ga = 0, gb = 0;
            iaa = 0;
            iab = 0;
            ibb = 0;
            for (int j = 0; j < x.length; j++) {
                double t = (x[j] - mx) / sx;
                double p = 1 / (1 + Math.exp(-(a + b * t)));
                double r = succ[j] - trials[j] * p, w = trials[j] * p * (1 - p);
                ga += r;
                gb += r * t;
                iaa += w;
                iab += w * t;
                ibb += w * t * t;
            }
            double det = iaa * ibb - iab * iab;
            if (!(det > 1e-12)) {
                return null;
            }
            double da = (ibb * ga - iab * gb) / det, db = (iaa * gb - iab * ga) / det;
            a += da;
            b += db;
            if (Math.abs(b) > 200 || !Double.isFinite(a)) {
                return null;
            }
            if (Math.abs(da) + Math.abs(db) < 1e-10) {
                break;
            }
        }
        if (!(b < 0)) {
            return null;
        }
        double det = iaa * ibb - iab * iab;
        double vaa = ibb / det, vab = -iab / det, vbb = iaa / det;
        // back to x: logit = A + B x with B = b / sx, A = a - b mx / sx
        double bx = b / sx, ax = a - b * mx / sx;
        double c = -mx / sx;
        double vAA = vaa + 2 * c * vab + c * c * vbb, vAB = (vab + c * vbb) / sx, vBB = vbb / (sx * sx);
        return new double[] {ax, bx, vAA, vAB, vBB};
    }

    /**
     * The sign-neuron transition at size n over a grid of loads. {@code progress}, if not null, is told the index of
     * each load as it finishes.
     */
    public static Transition signTransition(int n, double[] loads, int trials, double cueNoise, long seed,
            boolean selfCoupling, IntConsumer progress) {
        List<Load> out = new ArrayList<>();
        for (int j = 0; j < loads.length; j++) {
            out.add(sign(n, loads[j], trials, cueNoise, seed, selfCoupling));
            if (progress != null) {
                progress.accept(j);
            }
        }
        return transition(n, out);
    }

    /**
     * A grid of 13 loads for sign neurons at size n, from 0.11 to {@code 0.17 + 20 / N}: it spans the transition,
     * which lies near 0.2 at N = 250 and moves down towards 0.14 as N grows (measured).
     */
    public static double[] signLoads(int n) {
        double hi = 0.17 + 20.0 / n;
        double[] a = new double[13];
        for (int j = 0; j < a.length; j++) {
            a[j] = 0.11 + (hi - 0.11) * j / (a.length - 1);
        }
        return a;
    }

    /** A grid of 12 loads from 0.3 to 1.4 times the theory's alpha_c, for analog neurons. */
    public static double[] analogLoads(double alphaCTheory) {
        double[] a = new double[12];
        for (int j = 0; j < a.length; j++) {
            a[j] = alphaCTheory * (0.3 + 1.1 * j / (a.length - 1));
        }
        return a;
    }

    /** The analog transition at size n over a grid of loads. */
    public static Transition analogTransition(Activation f, int n, double[] loads, int trials, double cueNoise, long seed,
            IntConsumer progress) {
        List<Load> out = new ArrayList<>();
        for (int j = 0; j < loads.length; j++) {
            out.add(analog(f, n, loads[j], trials, cueNoise, seed));
            if (progress != null) {
                progress.accept(j);
            }
        }
        return transition(n, out);
    }

    /** A weighted least-squares fit {@code alpha_c = a + b N^-power}, with a 95% interval on a. */
    public record Extrapolation(double power, double intercept, double low, double high, double slope, double slopeLow) {

        public boolean contains(double value) {
            return value >= low && value <= high;
        }
    }

    /**
     * Fits {@code alpha_c(N) = a + b N^-power} with weights 1/sd^2. The interval uses the fit's own scale where the
     * residuals exceed their stated spread (chi^2 / dof > 1) and Student's t on dof = sizes - 2 degrees of freedom;
     * {@code slopeLow} is the lower end of b's 95% interval.
     */
    public static Extrapolation extrapolate(List<Transition> transitions, double power) {
        OLSMultipleLinearRegression ols = weightedFit(transitions, power);
        double[] beta = ols.estimateRegressionParameters();
        double[][] cov = ols.estimateRegressionParametersVariance();
        double scale = Math.max(1, ols.estimateErrorVariance());
        double q = new TDistribution(transitions.size() - 2).inverseCumulativeProbability(0.975);
        double seA = Math.sqrt(cov[0][0] * scale), seB = Math.sqrt(cov[1][1] * scale);
        return new Extrapolation(power, beta[0], beta[0] - q * seA, beta[0] + q * seA, beta[1], beta[1] - q * seB);
    }

    /**
     * The intercept of a weighted least-squares fit {@code alpha_c(N) = a + b N^-power} with weights 1/sd^2 from the
     * transitions' own intervals, and its standard error: from those known variances, scaled up by sqrt(chi^2 / dof)
     * where the residuals exceed their stated spread (never down).
     */
    public record Intercept(double power, double value, double standardError, double chiSquarePerDof) {

        /** |value - x| in standard errors. */
        public double z(double x) {
            return Math.abs(value - x) / standardError;
        }
    }

    /** The least-squares fit of {@code alpha_c(N) = a + b N^-power}, each row weighted by 1 / sd (three sizes or more). */
    private static OLSMultipleLinearRegression weightedFit(List<Transition> transitions, double power) {
        int k = transitions.size();
        if (k < 3) {
            throw new IllegalArgumentException("an extrapolation needs at least 3 sizes, got " + k);
        }
        double[] y = new double[k];
        double[][] x = new double[k][2];
        for (int j = 0; j < k; j++) {
            Transition t = transitions.get(j);
            double w = 1 / t.sd();
            y[j] = t.alphaC() * w;
            x[j][0] = w;
            x[j][1] = Math.pow(t.n(), -power) * w;
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(y, x);
        return ols;
    }

    /** See {@link Intercept}; needs three or more sizes. */
    public static Intercept intercept(List<Transition> transitions, double power) {
        OLSMultipleLinearRegression ols = weightedFit(transitions, power);
        double[] beta = ols.estimateRegressionParameters();
        // (X^T X)^-1 with unit-variance rows: the known-variance covariance
        double[][] xtxInverse = ols.estimateRegressionParametersVariance();
        double chi2 = ols.estimateErrorVariance();
        return new Intercept(power, beta[0], Math.sqrt(xtxInverse[0][0] * Math.max(1, chi2)), chi2);
    }

    /** Exact fixed points of the dynamics: memories and units counted over trials. */
    public record FixedPoints(int n, int p, int trials, int allFixedTrials, long memories, long fixedMemories,
            long units, long unstableUnits, double unstableSquares) {

        /**
         * The standard error of the total unstable count, from the spread of the per-network counts (networks are
         * independent; units of one network are not quite, so Poisson's variance would understate it).
         */
        public double unstableStandardError() {
            double mean = unstableUnits / (double) trials;
            double variance = (unstableSquares - trials * mean * mean) / (trials - 1);
            return Math.sqrt(Math.max(0, variance) * trials);
        }

        public double allFixedRate() {
            return allFixedTrials / (double) trials;
        }

        public double fixedMemoryRate() {
            return fixedMemories / (double) memories;
        }

        public double unstableUnitRate() {
            return unstableUnits / (double) units;
        }
    }

    /** For {@code trials} networks of P memories at size n: which memories are exact fixed points, unit by unit. */
    public static FixedPoints fixedPoints(int n, int p, int trials, long seed, boolean selfCoupling) {
        int[][] counts = IntStream.range(0, trials).parallel().mapToObj(k -> {
            SplittableRandom rng = new SplittableRandom(trialSeed(seed, n, p, k));
            HebbianSignNetwork net = new HebbianSignNetwork(n, p, HebbianSignNetwork.randomMemories(n, p, rng), selfCoupling);
            int fixed = 0, unstable = 0;
            for (int mu = 0; mu < p; mu++) {
                int u = net.unstableUnits(mu);
                unstable += u;
                fixed += u == 0 ? 1 : 0;
            }
            return new int[] {fixed, unstable};
        }).toArray(int[][]::new);
        int all = 0;
        long fixed = 0, unstable = 0;
        double squares = 0;
        for (int[] c : counts) {
            all += c[0] == p ? 1 : 0;
            fixed += c[0];
            unstable += c[1];
            squares += (double) c[1] * c[1];
        }
        return new FixedPoints(n, p, trials, all, (long) trials * p, fixed, (long) trials * p * n, unstable, squares);
    }

    /**
     * The exact probability that a unit of a stored memory is unstable (zero diagonal, ties kept): its field times
     * its sign is {@code (N - 1) + S} with S a sum of {@code K = (N - 1)(P - 1)} independent +-1 terms, so the unit
     * flips when {@code S < -(N - 1)}, that is when a Binomial(K, 1/2) count B is at most
     * {@code ceil((K - N + 1) / 2) - 1}.
     */
    public static double unstableProbability(int n, int p) {
        long k = (long) (n - 1) * (p - 1);
        if (k == 0) {
            return 0;
        }
        if (k > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("(N - 1)(P - 1) too large: " + k);
        }
        long bound = Math.floorDiv(k - n + 1 + 1, 2) - 1; // ceil((K - N + 1) / 2) - 1
        if (bound < 0) {
            return 0;
        }
        return new BinomialDistribution((int) k, 0.5).cumulativeProbability((int) bound);
    }
}
