package engram.landscape;

import engram.analysis.Fits;
import engram.analysis.Spectra;
import engram.figure.Plot;
import engram.kernel.Norms;
import engram.kernel.RowParallel;
import engram.memory.Couplings;
import engram.memory.DenseCouplings;
import engram.memory.LowRankCouplings;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.ModernHopfield;
import engram.model.VoltageModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.LUDecomposition;

/**
 * Noise-driven transitions between two memories (docs/theory.md section 9.5): mean first-passage times of
 * {@code dx = f(x) dt + sigma dB} from one memory to a ball around another, by Euler-Maruyama on K independent paths
 * (each with its own generator, split over the cores), against the Eyring-Kramers law for a gradient drift
 * {@code f = -grad E}: {@code E[tau] = 2 pi / |lambda_s| sqrt(|det Hess E(s)| / det Hess E(m)) exp(2 dE / sigma^2)}
 * (Bovier, Eckhoff, Gayrard and Klein 2004; generator {@code (sigma^2 / 2) Laplacian - grad E . grad}), lambda_s the
 * saddle's negative Hessian eigenvalue, dE = E(s) - E(m) the barrier.
 */
public final class Transitions {

    private Transitions() {
    }

    /**
     * The two wells of a gradient system and the index-1 saddle between them: the states, the barrier from the first,
     * the saddle's negative Hessian eigenvalue and the two Hessian determinants.
     */
    public record Wells(double[] from, double[] to, double[] saddle, double barrier, double unstable, double detSaddle,
            double detMinimum) {

        /** The Eyring-Kramers prefactor {@code 2 pi / |lambda_s| sqrt(|det H_s| / det H_m)}. */
        public double prefactor() {
            return 2 * Math.PI / Math.abs(unstable) * Math.sqrt(Math.abs(detSaddle) / detMinimum);
        }

        /** The Eyring-Kramers mean transition time at noise sigma. */
        public double eyringKramers(double sigma) {
            return prefactor() * Math.exp(2 * barrier / (sigma * sigma));
        }
    }

    /**
     * The modern Hopfield network {@code dx/dt = -x + Xi softmax(beta Xi^T x)}, the gradient flow of
     * {@code E(x) = |x|^2 / 2 - lse(beta, Xi^T x)} (theory.md 3.6): its critical points are {@code x = Xi y} with
     * {@code y = softmax(beta G y)}, {@code G = Xi^T Xi}, and its Hessian {@code I - beta Xi C Xi^T},
     * {@code C = diag(p) - p p^T}, has eigenvalue 1 off the patterns' span and those of {@code I - beta C G} on it, so
     * its determinant is {@code det(I - beta C G)} (Sylvester). Newton on the P equations from pattern a, pattern b and
     * their midpoint; refused unless the ends are minima and the midpoint's critical point has index 1.
     */
    public static Wells modern(PatternSet xi, double beta, int a, int b) {
        int p = xi.p();
        double[] g = new double[p * p];
        for (int i = 0; i < xi.n(); i++) {
            for (int k = 0; k < p; k++) {
                for (int l = 0; l < p; l++) {
                    g[k * p + l] += xi.get(i, k) * xi.get(i, l);
                }
            }
        }
        double[] ya = new double[p], yb = new double[p], ys = new double[p];
        ya[a] = 1;
        yb[b] = 1;
        ys[a] = 0.5;
        ys[b] = 0.5;
        ya = critical(g, beta, ya);
        yb = critical(g, beta, yb);
        ys = critical(g, beta, ys);
        double[] ha = hessian(g, beta, ya), hs = hessian(g, beta, ys);
        if (negatives(ha) != 0 || negatives(hessian(g, beta, yb)) != 0 || negatives(hs) != 1) {
            throw new IllegalArgumentException("--patterns, --beta: memories " + (a + 1) + " and " + (b + 1) + " are not "
                    + "two minima with an index-1 saddle between them (beta too small, or patterns too close)");
        }
        double unstable = Arrays.stream(eigenvalues(hs)).min().orElseThrow();
        return new Wells(state(xi, ya), state(xi, yb), state(xi, ys), energy(g, beta, ys) - energy(g, beta, ya), unstable,
                det(hs), det(ha));
    }

    /** Newton on {@code y - softmax(beta G y) = 0} (damped by halving), to round-off. */
    static double[] critical(double[] g, double beta, double[] y0) {
        int p = y0.length;
        double[] y = y0.clone();
        for (int it = 0; it < 200; it++) {
            double[] r = residual(g, beta, y);
            if (Norms.maxAbs(r) < 1e-15) {
                break;
            }
            double[] step = new LUDecomposition(Spectra.matrix(p, hessian(g, beta, y)))
                    .getSolver().solve(new ArrayRealVector(r, false)).toArray();
            for (double h = 1; h > 1e-6; h /= 2) {
                double[] t = y.clone();
                for (int k = 0; k < p; k++) {
                    t[k] -= h * step[k];
                }
                if (Norms.maxAbs(residual(g, beta, t)) < Norms.maxAbs(r)) {
                    y = t;
                    break;
                }
            }
        }
        return y;
    }

    private static double[] softmax(double[] g, double beta, double[] y) {
        int p = y.length;
        double[] z = new double[p];
        for (int k = 0; k < p; k++) {
            for (int l = 0; l < p; l++) {
                z[k] += g[k * p + l] * y[l];
            }
        }
        ModernHopfield.softmax(beta, z, z);
        return z;
    }

    private static double[] residual(double[] g, double beta, double[] y) {
        double[] s = softmax(g, beta, y);
        for (int k = 0; k < y.length; k++) {
            s[k] = y[k] - s[k];
        }
        return s;
    }

    /** The Hessian on the patterns' span, {@code I - beta C G} (also the Jacobian of the residual). */
    static double[] hessian(double[] g, double beta, double[] y) {
        int p = y.length;
        double[] s = softmax(g, beta, y), h = new double[p * p];
        for (int k = 0; k < p; k++) {
            for (int l = 0; l < p; l++) {
                double cg = 0;
                for (int m = 0; m < p; m++) {
                    cg += ((k == m ? s[k] : 0) - s[k] * s[m]) * g[m * p + l];
                }
                h[k * p + l] = (k == l ? 1 : 0) - beta * cg;
            }
        }
        return h;
    }

    /** {@code |Xi y|^2 / 2 - lse(beta, G y)} at {@code x = Xi y}. */
    static double energy(double[] g, double beta, double[] y) {
        int p = y.length;
        double[] z = new double[p];
        double q = 0;
        for (int k = 0; k < p; k++) {
            for (int l = 0; l < p; l++) {
                z[k] += g[k * p + l] * y[l];
            }
            q += y[k] * z[k];
        }
        return 0.5 * q - ModernHopfield.lse(beta, z);
    }

    static double[] eigenvalues(double[] h) {
        int p = (int) Math.round(Math.sqrt(h.length));
        return Arrays.stream(new EigenDecompositionNonSymmetric(Spectra.matrix(p, h))
                .getEigenvalues()).mapToDouble(c -> c.getReal()).toArray();
    }

    private static int negatives(double[] h) {
        return (int) Arrays.stream(eigenvalues(h)).filter(l -> l < 0).count();
    }

    private static double det(double[] h) {
        int p = (int) Math.round(Math.sqrt(h.length));
        return new LUDecomposition(Spectra.matrix(p, h)).getDeterminant();
    }

    private static double[] state(PatternSet xi, double[] y) {
        double[] x = new double[xi.n()];
        xi.combine(y, x);
        return x;
    }

    /**
     * The voltage (or IDP) network's wells and saddle with the Hessians of its energy E (theory.md 1.1):
     * {@code Hess E = D - D W D}, D = diag(psi'), at a critical point. The network's drift is {@code -D^-1 grad E}, not
     * {@code -grad E}, so the Eyring-Kramers times built from these are what the gradient law would predict, the
     * comparison engram transitions reports for these models (theory.md 9.5).
     */
    public static Wells voltage(VoltageModel model, double[] a, double[] b, double[] saddle) {
        double[] ea = Spectra.symmetricEigenvalues(a.length, energyHessian(model, a));
        double[] es = Spectra.symmetricEigenvalues(a.length, energyHessian(model, saddle));
        return new Wells(a, b, saddle, model.energy(saddle) - model.energy(a), Arrays.stream(es).min().orElseThrow(),
                product(es), product(ea));
    }

    static double[] energyHessian(VoltageModel model, double[] x) {
        int n = x.length;
        double[] d = new double[n], h = new double[n * n];
        for (int i = 0; i < n; i++) {
            d[i] = model.activation().derivative(x[i]);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i * n + j] = (i == j ? d[i] : 0) - d[i] * model.couplings().entry(i, j) * d[j];
            }
        }
        return h;
    }

    private static double product(double[] v) {
        double logs = 0, sign = 1;
        for (double e : v) {
            logs += Math.log(Math.abs(e));
            sign *= Math.signum(e);
        }
        return sign * Math.exp(logs);
    }

    /**
     * The voltage model's drift {@code (-x + W psi(x) + u) / tau}, one model per thread (its buffers): low-rank couplings
     * copied (their scratch is per instance), dense ones shared (their buffers are per thread), others formed densely.
     */
    public static Supplier<Drift> voltageDrift(VoltageModel model) {
        return () -> {
            Couplings c = model.couplings();
            Couplings w = c instanceof LowRankCouplings lr ? new LowRankCouplings(lr.n(), lr.rank(), lr.factor(),
                    lr.weights(), lr.scale(), lr.zeroDiagonal()) : c instanceof DenseCouplings d ? d
                    : new DenseCouplings(model.dimension(), c.toDense());
            VoltageModel copy = new VoltageModel(model.tau(), w, model.activation(), model.input());
            return (x, out) -> copy.evaluate(0, x, out);
        };
    }

    /**
     * Two orthogonal patterns of squared norm L in R^n (n = 2: {@code (1, +-1) sqrt(L / 2)}; n >= 4 a power of two: two
     * Sylvester-Hadamard columns scaled by {@code sqrt(L / n)}).
     */
    public static PatternSet orthogonalPair(int n, double squaredNorm) {
        double[] d = n == 2 ? new double[] {1, 1, 1, -1} : Patterns.hadamard(n, 2).data().clone();
        double scale = Math.sqrt(squaredNorm / n);
        for (int i = 0; i < d.length; i++) {
            d[i] *= scale;
        }
        return new PatternSet(n, 2, d, "orthogonal pair");
    }

    /**
     * The noise levels at which {@code 2 dE / sigma^2} takes the given values (the exponent of the Arrhenius factor).
     */
    public static double[] sigmas(double barrier, double[] exponents) {
        return Arrays.stream(exponents).map(x -> Math.sqrt(2 * barrier / x)).toArray();
    }

    /**
     * The Eyring-Kramers law with its first-order correction, fitted: {@code log(tau / tau_EK) = a + b sigma^2}
     * (weighted by the rows' relative standard errors); the law holds when a = 0 (the sigma -> 0 limit of the ratio).
     * Returns {@code {a, se(a), b}}.
     */
    public static double[] eyringKramersFit(Row[] rows) {
        Fits.Line line = fit(rows, r -> r.sigma() * r.sigma(), r -> Math.log(r.meanTime() / r.eyringKramers()));
        return new double[] {line.intercept(), line.interceptError(), line.slope()};
    }

    /** A weighted line through the rows' (x, y), weights {@code 1 / relativeError^2} (the variance of log tau). */
    private static Fits.Line fit(Row[] rows, ToDoubleFunction<Row> x, ToDoubleFunction<Row> y) {
        double[] xs = new double[rows.length], ys = new double[rows.length], ws = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            xs[k] = x.applyAsDouble(rows[k]);
            ys[k] = y.applyAsDouble(rows[k]);
            ws[k] = 1 / (rows[k].relativeError() * rows[k].relativeError());
        }
        return Fits.weightedLine(xs, ys, ws);
    }

    /** The log of the mean first-passage time against 1/sigma^2 (the Arrhenius line), with Eyring-Kramers'. */
    public static Plot figure(Row[] rows, String caption) {
        double[] x = new double[rows.length], y = new double[rows.length], lo = new double[rows.length],
                hi = new double[rows.length], ek = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            x[k] = 1 / (rows[k].sigma() * rows[k].sigma());
            y[k] = Math.log(rows[k].meanTime());
            lo[k] = Math.log(Math.max(rows[k].low(), 1e-300));
            hi[k] = Math.log(rows[k].high());
            ek[k] = Math.log(rows[k].eyringKramers());
        }
        List<Plot.Series> series = new ArrayList<>(List.of(Plot.Series.points("mean first-passage time", x, y),
                Plot.Series.dashed("95% interval, low", x, lo), Plot.Series.dashed("95% interval, high", x, hi)));
        if (Arrays.stream(ek).allMatch(Double::isFinite)) {
            series.add(Plot.Series.line("Eyring-Kramers", x, ek));
        }
        return new Plot("transitions.png", caption, "Noise-driven transitions between two memories (Arrhenius plot)",
                "1 / sigma^2", "log mean first-passage time", false, false, series);
    }

    /** A drift {@code out = f(x)} for one path; an instance per thread (implementations may keep scratch buffers). */
    @FunctionalInterface
    public interface Drift {
        void evaluate(double[] x, double[] out);
    }

    /** The modern Hopfield network's drift {@code -x + Xi softmax(beta Xi^T x)}, one instance per thread. */
    public static Supplier<Drift> modernDrift(PatternSet xi, double beta) {
        return () -> {
            ModernHopfield.Flow flow = new ModernHopfield(xi, beta).flow(1);
            return (x, out) -> flow.evaluate(0, x, out);
        };
    }

    /**
     * First-passage times of {@code dx = f dt + sigma dB} from {@code start} to the far side of the hyperplane at
     * {@code 1 - fraction} of the way to {@code target} ({@code (x - start) . d / |d|^2 >= 1 - fraction},
     * {@code d = target - start}: a neighbourhood of the target that, unlike a ball, the noise cannot miss in many
     * dimensions), by Euler-Maruyama with step dt, for {@code paths} independent paths (path c draws from the c-th
     * generator split from the seed, so the times do not depend on how the paths are spread over the cores); a path
     * still short of it at {@code horizon} gets +infinity (censored).
     */
    public static double[] firstPassage(Supplier<Drift> drift, double[] start, double[] target, double fraction,
            double sigma, int paths, double dt, double horizon, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] rngs = new SplittableRandom[paths];
        for (int c = 0; c < paths; c++) {
            rngs[c] = root.split();
        }
        int n = start.length;
        double[] d = new double[n];
        double dd = 0;
        for (int i = 0; i < n; i++) {
            d[i] = target[i] - start[i];
            dd += d[i] * d[i];
        }
        double goal = (1 - fraction) * dd;
        double[] times = new double[paths];
        long steps = (long) Math.ceil(horizon / dt);
        RowParallel.run(paths, 2, (from, to) -> {
            Drift f = drift.get();
            double[] x = new double[n], fx = new double[n];
            double sq = sigma * Math.sqrt(dt);
            for (int c = from; c < to; c++) {
                System.arraycopy(start, 0, x, 0, n);
                times[c] = Double.POSITIVE_INFINITY;
                for (long s = 1; s <= steps; s++) {
                    f.evaluate(x, fx);
                    double q = 0;
                    for (int i = 0; i < n; i++) {
                        x[i] += dt * fx[i] + sq * rngs[c].nextGaussian();
                        q += (x[i] - start[i]) * d[i];
                    }
                    if (q >= goal) {
                        times[c] = s * dt;
                        break;
                    }
                }
            }
        });
        return times;
    }

    /**
     * A noise level's result: the mean first-passage time with its 95% Student-t interval, the Eyring-Kramers time
     * (NaN where the law does not apply), the censored paths, and the relative standard error of the mean.
     */
    public record Row(double sigma, double meanTime, double low, double high, double eyringKramers, int censored,
            double relativeError) {
    }

    /** The row for these times (censored ones left out of the mean and counted). */
    public static Row row(double sigma, double[] times, double eyringKramers) {
        double[] done = Arrays.stream(times).filter(Double::isFinite).toArray();
        int k = done.length;
        double mean = Arrays.stream(done).average().orElse(Double.NaN), ss = 0;
        for (double t : done) {
            ss += (t - mean) * (t - mean);
        }
        double se = k > 1 ? Math.sqrt(ss / (k - 1) / k) : Double.NaN;
        double q = k > 1 ? new TDistribution(k - 1).inverseCumulativeProbability(0.975) : Double.NaN;
        return new Row(sigma, mean, mean - q * se, mean + q * se, eyringKramers, times.length - k, se / mean);
    }

    /**
     * The Arrhenius fit {@code log tau = c + s / sigma^2}, weighted by the rows' relative standard errors (the
     * variance of log tau), and the slope's standard error: {@code {s, se(s), c, se(c)}}.
     */
    public static double[] arrhenius(Row[] rows) {
        Fits.Line line = fit(rows, r -> 1 / (r.sigma() * r.sigma()), r -> Math.log(r.meanTime()));
        return new double[] {line.slope(), line.slopeError(), line.intercept(), line.interceptError()};
    }
}
