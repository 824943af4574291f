package engram.landscape;

import engram.analysis.Newton;
import engram.analysis.Spectra;
import engram.figure.Plot;
import engram.kernel.Norms;
import engram.model.VoltageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The saddle between two memories (docs/theory.md section 9.2): the string method (E, Ren and Vanden-Eijnden 2002,
 * simplified form 2007) on the network's own vector field {@code F = -D^-1 grad E} (a gradient flow in the metric
 * D^-1, whose minimum-energy path passes through the same index-1 saddle), images reparametrised to equal arc length
 * after every step; the highest-energy image polished by Newton on F; its index read from the symmetrised Jacobian
 * {@code -I + D^1/2 W D^1/2}, whose inertia is that of minus the Hessian of E at a critical point
 * ({@code Hess E = D^1/2 (I - D^1/2 W D^1/2) D^1/2} there); the barrier heights from both ends.
 */
public final class Saddles {

    /**
     * The string's step for a network with {@code Lip(psi) ||W||_2 <= lipBound}: half explicit Euler's stability limit
     * {@code 2 / (1 + lipBound)}, at most 0.2 (a step near the limit let a string stall on a weakly unstable ridge, an
     * index-2 point, at gain 5.3).
     */
    public static double step(double lipBound) {
        return Math.min(0.2, 1 / (1 + lipBound));
    }

    /** Eigenvalues closer to 0 than this leave the index undecided (reported as -1). */
    static final double ZERO = 1e-9;

    private Saddles() {
    }

    /**
     * @param images points along the path (ends included)
     * @param step the string's time step, in units of tau
     * @param iterations the most string steps
     * @param seed the seed of the initial path's perturbation
     */
    public record Settings(int images, double step, int iterations, long seed) {

        public Settings {
            if (images < 3 || images > 10_000 || !(step > 0) || iterations < 1) {
                throw new IllegalArgumentException("--images must be in [3, 10000] (got " + images + "), the step "
                        + "positive (got " + step + "), the iterations at least 1 (got " + iterations + ")");
            }
        }
    }

    /** The saddle: its state, energy, residual |F|_inf, index (-1: undecided), and its top image's arc length. */
    public record Saddle(double[] x, double energy, double residual, int index, double s) {
    }

    /**
     * The path: arc length (0 to 1) and energy per image, the saddle, the two barrier heights, the string steps (the
     * path and two zooms together) and whether each string converged before the cap.
     */
    public record Result(double[] s, double[] energy, Saddle saddle, double fromA, double fromB, int iterations,
            boolean converged) {
    }

    /**
     * The minimum-energy path from equilibrium a to equilibrium b and the saddle on it (symmetric W only). Where Newton
     * lands on a critical point of index 2 or more (the string stalled on a weakly unstable ridge), the string starts
     * again through that point pushed along its second unstable direction, at most twice.
     */
    public static Result between(VoltageModel model, double[] a, double[] b, Settings settings) {
        if (!model.couplings().symmetric()) {
            throw new IllegalArgumentException("--couplings: the energy landscape needs a symmetric W");
        }
        SplittableRandom rng = new SplittableRandom(settings.seed());
        double[] bend = new double[a.length];
        double scale = 0.05 * Norms.maxAbsDiff(a, b);
        for (int i = 0; i < bend.length; i++) {
            bend[i] = scale * rng.nextGaussian();
        }
        double[] middle = new double[a.length];
        for (int i = 0; i < middle.length; i++) {
            middle[i] = (a[i] + b[i]) / 2 + bend[i];
        }
        Result r = through(model, a, middle, b, settings);
        for (int restart = 0; restart < 2 && r.saddle().index() > 1; restart++) {
            double[] v = secondUnstable(model, r.saddle().x());
            if (v == null) {
                break;
            }
            double[] c = r.saddle().x().clone();
            for (int i = 0; i < c.length; i++) {
                c[i] += scale * v[i];
            }
            Result again = through(model, a, c, b, settings);
            r = new Result(again.s(), again.energy(), again.saddle(), again.fromA(), again.fromB(), r.iterations()
                    + again.iterations(), again.converged());
        }
        return r;
    }

    /** The string from a through c to b (initially two segments), zoomed twice around its top, and the saddle. */
    static Result through(VoltageModel model, double[] a, double[] c, double[] b, Settings settings) {
        int m = settings.images(), n = a.length;
        double[][] path = new double[m][];
        for (int k = 0; k < m; k++) {
            double t = 2.0 * k / (m - 1);
            double[] from = t <= 1 ? a : c, to = t <= 1 ? c : b;
            double u = t <= 1 ? t : t - 1;
            path[k] = new double[n];
            for (int i = 0; i < n; i++) {
                path[k][i] = (1 - u) * from[i] + u * to[i];
            }
        }
        int iterations = relax(model, settings, path);
        boolean converged = iterations < settings.iterations();
        double[] s = arcLength(path), e = new double[m];
        int top = 0;
        for (int k = 0; k < m; k++) {
            e[k] = model.energy(path[k]);
            top = e[k] > e[top] ? k : top;
        }
        // zoom in twice: a string between the top image's neighbours resolves the crossing (m - 1)^2 times finer
        double[] guess = path[top].clone();
        double[] left = path[Math.max(0, top - 1)], right = path[Math.min(m - 1, top + 1)];
        for (int zoom = 0; zoom < 2 && top > 0 && top < m - 1; zoom++) {
            double[][] fine = new double[m][];
            for (int k = 0; k < m; k++) {
                double t = k / (m - 1.0);
                fine[k] = new double[n];
                for (int i = 0; i < n; i++) {
                    fine[k][i] = (1 - t) * left[i] + t * right[i];
                }
            }
            int more = relax(model, settings, fine);
            iterations += more;
            converged &= more < settings.iterations();
            int best = 0;
            for (int k = 1; k < m; k++) {
                best = model.energy(fine[k]) > model.energy(fine[best]) ? k : best;
            }
            guess = fine[best].clone();
            left = fine[Math.max(0, best - 1)];
            right = fine[Math.min(m - 1, best + 1)];
        }
        climb(model, guess, left, right, settings);
        Saddle saddle = saddle(model, guess, s[top]);
        return new Result(s, e, saddle, saddle.energy() - e[0], saddle.energy() - e[m - 1], iterations, converged);
    }

    /**
     * The climbing image (Henkelman, Uberuaga and Jonsson 2000) on the flow: {@code x' = F - 2 (F . t) t} with t the
     * unit tangent from {@code left} to {@code right}, which reverses the flow along the path and so climbs to the
     * saddle while descending across it; in place, until {@code |F|_inf <= 1e-12 (1 + |x|_inf)} or the iteration cap.
     * It brings a guess from the zoomed string (within about 1e-4 of the saddle at high gain) into Newton's basin.
     */
    static void climb(VoltageModel model, double[] x, double[] left, double[] right, Settings settings) {
        int n = x.length;
        double[] t = new double[n], f = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            t[i] = right[i] - left[i];
            norm += t[i] * t[i];
        }
        if (!(norm > 0)) {
            return;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < n; i++) {
            t[i] /= norm;
        }
        for (int it = 0; it < settings.iterations(); it++) {
            model.evaluate(0, x, f);
            if (Norms.maxAbs(f) * model.tau() <= 1e-12 * (1 + Norms.maxAbs(x))) {
                return;
            }
            double along = 0;
            for (int i = 0; i < n; i++) {
                along += f[i] * t[i];
            }
            for (int i = 0; i < n; i++) {
                x[i] += settings.step() * model.tau() * (f[i] - 2 * along * t[i]);
            }
        }
    }

    /**
     * The string (ends fixed) relaxed in place until a step moves no image by more than 1e-9 step, or the iteration
     * cap. Returns the steps taken.
     */
    static int relax(VoltageModel model, Settings settings, double[][] path) {
        int n = path[0].length, m = path.length;
        double[] f = new double[n];
        // two preallocated strings: the stepped images, and their reparametrisation (no allocation per step)
        double[][] stepped = new double[m][n], next = new double[m][n];
        int it = 0;
        for (; it < settings.iterations(); it++) {
            for (int k = 0; k < m; k++) {
                System.arraycopy(path[k], 0, stepped[k], 0, n);
                if (k > 0 && k < m - 1) {
                    model.evaluate(0, path[k], f);
                    for (int i = 0; i < n; i++) {
                        stepped[k][i] += settings.step() * model.tau() * f[i];
                    }
                }
            }
            reparametrise(stepped, next);
            double moved = 0;
            for (int k = 0; k < m; k++) {
                moved = Math.max(moved, Norms.maxAbsDiff(next[k], path[k]));
                System.arraycopy(next[k], 0, path[k], 0, n);
            }
            if (moved < 1e-9 * settings.step()) {
                break;
            }
        }
        return it;
    }

    /**
     * The flow's second unstable direction at x (unit sup norm): {@code D^-1/2 y} for the eigenvector y of the second
     * largest eigenvalue of {@code D^1/2 W D^1/2}, a right eigenvector of {@code W D}; null when not computable.
     */
    static double[] secondUnstable(VoltageModel model, double[] x) {
        int n = x.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.max(1e-12, model.activation().derivative(x[i]));
        }
        try {
            EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(Spectra.matrix(n, Spectra.symmetrizedJacobian(
                    model.couplings(), d)));
            double[] y = e.getEigenvector(1).toArray(), v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = y[i] / Math.sqrt(d[i]);
            }
            double top = Norms.maxAbs(v);
            for (int i = 0; i < n; i++) {
                v[i] /= top;
            }
            return v;
        } catch (RuntimeException notConverged) {
            return null;
        }
    }

    /** Newton from x, then the residual, the energy and the index at the point it reaches. */
    public static Saddle saddle(VoltageModel model, double[] x, double s) {
        double residual = Newton.residual(model, x);
        for (int round = 0; round < 10 && residual > 1e-14; round++) {
            double next = Newton.polish(model, x, residual);
            if (!(next < residual)) {
                break;
            }
            residual = next;
        }
        return new Saddle(x, model.energy(x), residual, index(model, x), s);
    }

    /**
     * The number of positive eigenvalues of {@code -I + D^1/2 W D^1/2} at x (the unstable directions; the Hessian's
     * negative ones at a critical point), or -1 when one lies within {@link #ZERO} of 0.
     */
    public static int index(VoltageModel model, double[] x) {
        int n = x.length;
        double[] slopes = new double[n];
        for (int i = 0; i < n; i++) {
            slopes[i] = Math.max(0, model.activation().derivative(x[i]));
        }
        int positive = 0;
        for (double v : Spectra.symmetricEigenvalues(n, Spectra.symmetrizedJacobian(model.couplings(), slopes))) {
            if (Math.abs(v) < ZERO) {
                return -1;
            }
            positive += v > 0 ? 1 : 0;
        }
        return positive;
    }

    /** The images moved to equal arc length along the polygon through them (ends fixed). */
    static double[][] reparametrise(double[][] path) {
        double[][] out = new double[path.length][path[0].length];
        reparametrise(path, out);
        return out;
    }

    /** {@link #reparametrise(double[][])} into {@code out} (m rows of n, not the same arrays as {@code path}). */
    static void reparametrise(double[][] path, double[][] out) {
        int m = path.length, n = path[0].length;
        double[] s = arcLength(path);
        System.arraycopy(path[0], 0, out[0], 0, n);
        System.arraycopy(path[m - 1], 0, out[m - 1], 0, n);
        int seg = 0;
        for (int k = 1; k < m - 1; k++) {
            double target = k / (m - 1.0);
            while (seg < m - 2 && s[seg + 1] < target) {
                seg++;
            }
            double span = s[seg + 1] - s[seg], t = span > 0 ? (target - s[seg]) / span : 0;
            for (int i = 0; i < n; i++) {
                out[k][i] = (1 - t) * path[seg][i] + t * path[seg + 1][i];
            }
        }
    }

    /** The normalised arc length (0 to 1) of each image along the polygon. */
    static double[] arcLength(double[][] path) {
        int m = path.length;
        double[] s = new double[m];
        for (int k = 1; k < m; k++) {
            double d = 0;
            for (int i = 0; i < path[k].length; i++) {
                d += (path[k][i] - path[k - 1][i]) * (path[k][i] - path[k - 1][i]);
            }
            s[k] = s[k - 1] + Math.sqrt(d);
        }
        for (int k = 1; k < m; k++) {
            s[k] = s[m - 1] > 0 ? s[k] / s[m - 1] : k / (m - 1.0);
        }
        return s;
    }

    /** Energy along the converged path, with the saddle marked. */
    public static Plot figure(Result r, String caption) {
        List<Plot.Series> series = new ArrayList<>();
        series.add(Plot.Series.line("energy along the path", r.s(), r.energy()));
        series.add(Plot.Series.points("saddle (index " + r.saddle().index() + ")", new double[] {r.saddle().s()},
                new double[] {r.saddle().energy()}));
        return new Plot("landscape.png", caption, "Minimum-energy path between two memories", "arc length s (0: first "
                + "memory, 1: second)", "energy E", false, false, series);
    }
}
