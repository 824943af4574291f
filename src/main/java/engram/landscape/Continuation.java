package engram.landscape;

import engram.analysis.Spectra;
import engram.figure.Plot;
import engram.kernel.Norms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;

/**
 * Pseudo-arclength continuation of an equilibrium branch of {@code F(x, lambda) = 0} (Keller 1977; docs/theory.md
 * section 9.4): Euler predictor along the unit tangent t, Newton corrector on {@code [F(x, lambda); <t, z - z_p>] = 0}
 * (the bordered system, {@link BorderedSolver}), the inner product {@code <z, w> = x.w / n + lambda mu} so that a step
 * means the same at every n; the step halves where Newton fails or the tangent turns by more than 25 degrees, and grows
 * after an easy correction. Test functions on every step: the tangent's parameter component t_lambda (a sign change is
 * a fold), the Jacobian's largest eigenvalue (real part; a sign change without a fold is a branch point, or a Hopf point
 * where the crossing eigenvalues are complex), and the sign of the bordered determinant (which changes at a simple
 * branch point, not at one of even multiplicity). Each event is located by Brent's method on the arclength, every trial
 * point corrected back onto the branch. At a simple branch point on the first branch the continuation switches: the
 * Jacobian's null vector (inverse iteration) orthogonalised against the old tangent starts the crossing branch, one
 * arm each way.
 */
public final class Continuation {

    /** Newton's residual test {@code |F|_inf <= TOL (1 + |z|_inf)}. */
    static final double TOL = 1e-13;
    /** The most Newton steps per correction. */
    static final int NEWTON = 30;
    /** At most this many branches (the first and the switched ones). */
    static final int BRANCHES = 6;
    /** The most a tangent may turn in one step (cosine). */
    static final double TURN = 0.9;
    /** How far (in steps) a step walked back may land from where it started. */
    static final double REVERSIBLE = 0.02;

    /**
     * @param from the parameter's first value (where the start state is corrected)
     * @param to the value the branch heads for
     * @param step the largest arclength step
     * @param points the most points per branch
     * @param switchBranches whether to start a branch at each simple branch point of the first branch
     * @param seed the seed of the inverse iteration's start vector
     * @param corrector how points are corrected ({@link Corrector#ARCLENGTH} but in negative controls)
     */
    public record Settings(double from, double to, double step, int points, boolean switchBranches, long seed,
            Corrector corrector) {

        /** Pseudo-arclength continuation with branch switching. */
        public Settings(double from, double to, double step, int points, long seed) {
            this(from, to, step, points, true, seed, Corrector.ARCLENGTH);
        }

        public Settings {
            if (!Double.isFinite(from) || !Double.isFinite(to) || from == to) {
                throw new IllegalArgumentException("--from and --to must be two different finite numbers, got " + from
                        + " and " + to);
            }
            if (!(step > 0) || !Double.isFinite(step)) {
                throw new IllegalArgumentException("--step must be positive and finite, got " + step);
            }
            if (points < 2 || points > 1_000_000) {
                throw new IllegalArgumentException("--points must be in [2, 1000000], got " + points);
            }
        }

        double low() {
            return Math.min(from, to);
        }

        double high() {
            return Math.max(from, to);
        }
    }

    /** How the continuation corrects its points. */
    public enum Corrector {
        /**
         * Pseudo-arclength, keeping to its branch: trial points of an event's location predicted by the cubic Hermite
         * curve through the step's two ends, and a step that changes the bordered determinant's sign walked back.
         */
        ARCLENGTH,
        /**
         * Natural-parameter continuation: the parameter held fixed in the corrector, so it cannot pass a fold (the
         * negative control of continue.idp-fold).
         */
        NATURAL,
        /**
         * Pseudo-arclength without the guards of {@link #ARCLENGTH}: Euler-predicted trial points and no walk back, so
         * next to a branch point trial points and steps may be corrected onto the crossing branch (the negative control
         * of continue.fr-boundary).
         */
        UNGUARDED
    }

    /** One point: the parameter, the amplitude, whether stable, the Jacobian's largest eigenvalue (real part). */
    public record Point(double parameter, double amplitude, boolean stable, double leading) {
    }

    /** A branch: its points and why it ended. */
    public record Branch(int index, String origin, List<Point> points, String end) {
    }

    /**
     * A located bifurcation: kind (fold, branch-point or hopf), the parameter value, the amplitude there, its branch,
     * whether the bordered determinant changed sign (a simple branch point), whether the branch's stability changes
     * there (the largest eigenvalue crosses 0), and the point (state and parameter) with the branch's unit tangent.
     */
    public record Bifurcation(String kind, double value, double amplitude, int branch, boolean simple, boolean stability,
            double[] z, double[] tangent) {

        /** The state at the bifurcation. */
        public double[] x() {
            return Arrays.copyOf(z, z.length - 1);
        }
    }

    /** The branches, the bifurcations in the order found, and the Newton corrections made. */
    public record Result(List<Branch> branches, List<Bifurcation> bifurcations, int corrections) {
    }

    /** A corrected point with its tangent and test functions. */
    record Eval(double[] z, double[] t, double leading, int detSign, int iterations) {

        double tl() {
            return t[t.length - 1];
        }
    }

    private final EquilibriumFamily family;
    private final int n;
    private final Settings settings;
    private final ToDoubleFunction<double[]> amplitude;
    private int corrections;

    private Continuation(EquilibriumFamily family, Settings settings, ToDoubleFunction<double[]> amplitude) {
        this.family = family;
        this.n = family.dimension();
        this.settings = settings;
        this.amplitude = amplitude;
    }

    /**
     * Continues the equilibrium near {@code x0} at {@code lambda = settings.from()} towards {@code settings.to()}.
     *
     * @param amplitude what the branch diagram plots for a state
     * @throws IllegalArgumentException where Newton finds no equilibrium near x0
     */
    public static Result run(EquilibriumFamily family, double[] x0, Settings settings, ToDoubleFunction<double[]> amplitude) {
        if (x0.length != family.dimension()) {
            throw new IllegalArgumentException("the start state has " + x0.length + " entries, the network " + family.dimension());
        }
        return new Continuation(family, settings, amplitude).run(x0);
    }

    private Result run(double[] x0) {
        double[] z0 = new double[n + 1];
        System.arraycopy(x0, 0, z0, 0, n);
        z0[n] = settings.from();
        double[] vertical = new double[n + 1];
        vertical[n] = 1;
        Eval start = correct(z0, vertical);
        if (start == null) {
            throw new IllegalArgumentException("--start: Newton finds no equilibrium near the start state at the parameter "
                    + settings.from());
        }
        double direction = Math.signum(settings.to() - settings.from());
        if (start.tl() * direction < 0) {
            negate(start.t());
        }
        start = finish(start.z(), start.t(), start.iterations()); // the determinant's sign bordered by its own tangent
        if (start == null) {
            throw new IllegalArgumentException("--start: the equilibrium near the start state is singular at the "
                    + "parameter " + settings.from() + " (start away from a bifurcation)");
        }
        List<Branch> branches = new ArrayList<>();
        List<Bifurcation> found = new ArrayList<>();
        branches.add(follow(0, "start", start, true, found));
        for (int k = 0; k < found.size() && settings.switchBranches() && branches.size() < BRANCHES; k++) {
            Bifurcation b = found.get(k);
            if (b.branch() == 0 && b.simple() && b.kind().equals("branch-point")) {
                // both arms of the crossing branch: first towards increasing amplitude, then the other way, unless the
                // first came back round through the branch point (a closed loop holds both)
                for (int side = 1; side >= -1 && branches.size() < BRANCHES; side -= 2) {
                    Eval s = switchAt(b, side);
                    if (s == null) {
                        continue;
                    }
                    Branch arm = follow(branches.size(), String.format(Locale.ROOT, "branch point at %.10g (%s)",
                            b.value(), side > 0 ? "arm of increasing amplitude" : "other arm"), s, false, found);
                    branches.add(arm);
                    if (arm.end().startsWith("closed loop")) {
                        break;
                    }
                }
            }
        }
        return new Result(branches, found, corrections);
    }

    /**
     * Continues from {@code start} until the range is left, the point cap is reached, the step underflows or the branch
     * closes (back within one step of its start after going farther than four).
     */
    private Branch follow(int index, String origin, Eval start, boolean detect, List<Bifurcation> found) {
        List<Point> points = new ArrayList<>();
        points.add(point(start));
        Eval cur = start;
        double ds = settings.step() / 4, min = settings.step() * 1e-9, far = 0;
        String end = "point cap (" + settings.points() + ")";
        while (points.size() < settings.points()) {
            Eval next = along(cur, ds);
            if (next == null || dot(next.t(), cur.t()) < TURN || guarded() && next.detSign() != cur.detSign() && !reversible(cur, next, ds)) {
                ds /= 2;
                if (ds < min) {
                    end = "step below " + min + " (Newton fails or the branch turns too fast)";
                    break;
                }
                continue;
            }
            if (detect || points.size() > 1) {
                detect(index, cur, next, ds, found);
            }
            cur = next;
            double lambda = cur.z()[n];
            if (lambda < settings.low() || lambda > settings.high()) {
                end = "left the range";
                break;
            }
            points.add(point(cur));
            far = Math.max(far, distance(cur.z(), start.z()));
            if (far > 4 * settings.step() && distance(cur.z(), start.z()) < settings.step()) {
                end = "closed loop (back at its start)";
                break;
            }
            if (next.iterations() <= 3) {
                ds = Math.min(settings.step(), 1.5 * ds);
            }
        }
        return new Branch(index, origin, points, end);
    }

    private boolean guarded() {
        return settings.corrector() != Corrector.UNGUARDED;
    }

    /**
     * Whether the step from {@code cur} to {@code next} can be walked back: the point at arclength ds back along next's
     * tangent, corrected, must land within {@value #REVERSIBLE} ds of cur. Checked where the bordered determinant changed
     * sign: a step over a branch point that lands next to the crossing is corrected onto the other branch, whose points
     * one step back lie about ds sin(angle) away from cur; on the same branch the walk back misses cur by O(ds^3).
     */
    private boolean reversible(Eval cur, Eval next, double ds) {
        double[] back = next.t().clone();
        negate(back);
        Eval b = along(new Eval(next.z(), back, 0, 0, 0), ds);
        return b != null && distance(b.z(), cur.z()) <= REVERSIBLE * ds;
    }

    private Point point(Eval e) {
        return new Point(e.z()[n], amplitude.applyAsDouble(state(e.z())), e.leading() < 0, e.leading());
    }

    /**
     * Locates a fold (t_lambda changes sign), a simple branch point (the bordered determinant does) and a stability
     * change (the largest eigenvalue does: at a simple branch point, one of even multiplicity, or a Hopf point) between
     * two consecutive points; a determinant change and a stability change in one step are located apart and reported
     * once where they coincide.
     */
    private void detect(int branch, Eval cur, Eval next, double ds, List<Bifurcation> found) {
        boolean turn = Math.signum(cur.tl()) != Math.signum(next.tl()) && cur.tl() != 0;
        boolean simple = cur.detSign() != next.detSign();
        boolean eigen = Math.signum(cur.leading()) != Math.signum(next.leading());
        if (turn) {
            // the parameter turns at a fold (the bordered determinant keeps its sign) and at the tip of a pitchfork met
            // along its side branch (where it changes sign: a branch point)
            add(found, branch, simple ? "branch-point" : "fold", false, eigen, locate(cur, ds, Eval::tl, next));
            return;
        }
        Eval det = simple ? locate(cur, ds, Eval::detSign, next) : null;
        Eval lead = eigen ? locate(cur, ds, Eval::leading, next) : null;
        // one event where the two roots agree to 1e-6 (at a crossing of higher multiplicity they differ by round-off's
        // square root, about 1e-8)
        boolean same = det != null && lead != null && Math.abs(det.z()[n] - lead.z()[n]) <= 1e-6 * (1 + Math.abs(lead.z()[n]));
        if (det != null) {
            add(found, branch, "branch-point", true, same, det);
        }
        if (lead != null && !same) {
            add(found, branch, complexLeading(family.jacobian(state(lead.z()), lead.z()[n])) ? "hopf" : "branch-point",
                    false, true, lead);
        }
    }

    private void add(List<Bifurcation> found, int branch, String kind, boolean simple, boolean stability, Eval at) {
        found.add(new Bifurcation(kind, at.z()[n], amplitude.applyAsDouble(state(at.z())), branch, simple, stability, at.z(),
                at.t()));
    }

    /**
     * Brent's method on the arclength from {@code cur}: the root of the test function, every trial point corrected.
     * Where a trial point cannot be corrected (at a branch point the bordered matrix is singular and Newton may stall
     * right next to it), the test function takes its value at the nearest trial point that could, so the bracket keeps
     * shrinking around the root.
     */
    private Eval locate(Eval cur, double ds, ToDoubleFunction<Eval> test, Eval next) {
        TreeMap<Double, Eval> seen = new TreeMap<>();
        seen.put(0.0, cur);
        seen.put(ds, next);
        try {
            double sigma = new BrentSolver(1e-15, 1e-13 * Math.max(1, ds), 0).solve(200, s -> {
                Eval e = trial(cur, next, s, ds);
                if (e != null) {
                    seen.put(s, e);
                }
                return test.applyAsDouble(e != null ? e : nearest(seen, s));
            }, 0, ds);
            Eval e = trial(cur, next, sigma, ds);
            return e != null ? e : nearest(seen, sigma);
        } catch (RuntimeException failed) {
            return next; // reported at the step's end
        }
    }

    /** The trial point at arclength s of the step from cur to next (ds long), corrected (null: Newton failed). */
    private Eval trial(Eval cur, Eval next, double s, double ds) {
        return guarded() ? between(cur, next, s / ds) : along(cur, s);
    }

    /** The corrected trial point nearest to arclength s. */
    private static Eval nearest(TreeMap<Double, Eval> seen, double s) {
        Map.Entry<Double, Eval> lo = seen.floorEntry(s), hi = seen.ceilingEntry(s);
        return hi == null || lo != null && s - lo.getKey() <= hi.getKey() - s ? lo.getValue() : hi.getValue();
    }

    /** The point at arclength sigma from {@code cur} along its tangent, corrected, with its tangent (null: Newton failed). */
    Eval along(Eval cur, double sigma) {
        double[] zp = cur.z().clone();
        for (int i = 0; i <= n; i++) {
            zp[i] += sigma * cur.t()[i];
        }
        return correctOnto(zp, cur.t());
    }

    /**
     * The point at fraction theta of the step from {@code a} to {@code b}, corrected: predicted by the cubic Hermite
     * curve through both points with their tangents (scaled by the chord), corrected on the hyperplane normal to the
     * curve there. The predictor is O(h^4) from the branch, the Euler predictor O(h^2): next to a branch point, where
     * another branch crosses at an angle, a trial point started within O(h^2) may be corrected onto the other branch (the
     * firing-rate design's stability boundary was located 4e-5 off that way), one started within O(h^4) keeps to its own.
     */
    Eval between(Eval a, Eval b, double theta) {
        double th2 = theta * theta, th3 = th2 * theta, chord = distance(a.z(), b.z());
        double h00 = 2 * th3 - 3 * th2 + 1, h10 = th3 - 2 * th2 + theta, h01 = 3 * th2 - 2 * th3, h11 = th3 - th2;
        double d00 = 6 * th2 - 6 * theta, d10 = 3 * th2 - 4 * theta + 1, d11 = 3 * th2 - 2 * theta;
        double[] zp = new double[n + 1], tp = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            zp[i] = h00 * a.z()[i] + h10 * chord * a.t()[i] + h01 * b.z()[i] + h11 * chord * b.t()[i];
            tp[i] = d00 * (a.z()[i] - b.z()[i]) + d10 * chord * a.t()[i] + d11 * chord * b.t()[i];
        }
        return correctOnto(zp, unit(tp));
    }

    /** Newton from zp on the hyperplane normal to t (arclength), or at zp's parameter (natural continuation). */
    private Eval correctOnto(double[] zp, double[] t) {
        if (settings.corrector() != Corrector.NATURAL) {
            return correct(zp, t);
        }
        double[] fixed = new double[n + 1];
        fixed[n] = Math.signum(settings.to() - settings.from());
        return correct(zp, fixed);
    }

    /**
     * Newton on {@code [F(x, lambda); <t, z - zp>] = 0} from zp until the residual test holds, with step halving where
     * the residual would grow; then the tangent there (bordered by t, oriented along t) and the test functions. Null where Newton fails.
     */
    private Eval correct(double[] zp, double[] t) {
        double[] z = zp.clone(), a = weightedRow(t);
        double res = residual(z, zp, t);
        for (int it = 0; it < NEWTON; it++) {
            if (res <= tolerance(z)) {
                // no step once the residual is at round-off: near a branch point of higher multiplicity the bordered
                // matrix is (nearly) singular and a further step would be noise
                return finish(z, t, it);
            }
            corrections++;
            EquilibriumFamily.Jacobian j = family.jacobian(state(z), z[n]);
            double[] f = parameterDerivative(z), g = fieldAt(z), rhs = new double[n + 1];
            for (int i = 0; i < n; i++) {
                rhs[i] = -g[i];
            }
            rhs[n] = -constraint(z, zp, t);
            double[] step;
            try {
                step = BorderedSolver.solve(j, f, a, t[n], rhs).z();
            } catch (IllegalStateException singular) {
                return null;
            }
            double[] trial = z;
            double r = Double.NaN;
            for (double h = 1; h > 1e-3; h /= 2) {
                trial = z.clone();
                for (int i = 0; i <= n; i++) {
                    trial[i] += h * step[i];
                }
                r = residual(trial, zp, t);
                if (r < res || r <= tolerance(trial)) {
                    break;
                }
            }
            if (!(r < res) && !(r <= tolerance(trial))) {
                return null;
            }
            z = trial;
            res = r;
        }
        return null;
    }

    /** The tangent at a corrected point (bordered by the old tangent, oriented along it) and the test functions. */
    private Eval finish(double[] z, double[] t, int iterations) {
        EquilibriumFamily.Jacobian j = family.jacobian(state(z), z[n]);
        double[] e = new double[n + 1];
        e[n] = 1;
        BorderedSolver.Solution s;
        try {
            s = BorderedSolver.solve(j, parameterDerivative(z), weightedRow(t), t[n], e);
        } catch (IllegalStateException singular) {
            return null;
        }
        double[] tangent = unit(s.z());
        if (dot(tangent, t) < 0) {
            negate(tangent);
        }
        return new Eval(z, tangent, leading(j), s.detSign(), iterations);
    }

    /**
     * The start of one arm of the branch through a simple branch point: along the null vector, orthogonal to the old
     * tangent, towards increasing amplitude ({@code side} 1) or away from it (-1).
     */
    private Eval switchAt(Bifurcation b, int side) {
        double[] phi = nullVector(family.jacobian(b.x(), b.value()));
        if (phi == null) {
            return null;
        }
        double[] t = new double[n + 1], old = b.tangent();
        System.arraycopy(phi, 0, t, 0, n);
        double c = dot(t, old);
        for (int i = 0; i <= n; i++) {
            t[i] -= c * old[i];
        }
        unit(t);
        double[] probe = b.x().clone();
        for (int i = 0; i < n; i++) {
            probe[i] += 1e-3 * t[i];
        }
        if ((amplitude.applyAsDouble(probe) < b.amplitude()) == (side > 0)) {
            negate(t);
        }
        return along(new Eval(b.z(), t, 0, 0, 0), settings.step() / 4);
    }

    /** The null vector of a (nearly) singular Jacobian by four steps of inverse iteration from a seeded vector. */
    private double[] nullVector(EquilibriumFamily.Jacobian j) {
        SplittableRandom rng = new SplittableRandom(settings.seed());
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextGaussian();
        }
        double[] e = new double[n], zero = new double[n];
        for (int k = 0; k < 4; k++) {
            double[] rhs = new double[n + 1];
            System.arraycopy(y, 0, rhs, 0, n);
            try {
                // J y' = y, bordered by a zero parameter column and the row e_{n+1}: the parameter stays put
                y = state(BorderedSolver.solve(j, zero, e, 1, rhs).z());
            } catch (IllegalStateException singular) {
                return null;
            }
            double norm = Norms.maxAbs(y);
            if (!(norm > 0) || !Double.isFinite(norm)) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                y[i] /= norm;
            }
        }
        return y;
    }

    /** The largest real part of the Jacobian's eigenvalues. */
    static double leading(EquilibriumFamily.Jacobian j) {
        int n = j.n(), r = j.r();
        if (j.full() != null) {
            double[] sym = j.symmetric();
            return sym != null ? largest(n, sym) : Spectra.maxRealPart(n, j.full());
        }
        if (!j.constantDelta() || r >= n) {
            return Spectra.maxRealPart(n, j.dense());
        }
        double d0 = j.delta()[0];
        double[] sym = j.symmetric();
        double top = sym != null ? largest(r, sym) : Spectra.maxRealPart(r, j.small());
        return Math.max(-d0, -d0 + top);
    }

    /** The largest eigenvalue of a symmetric matrix (Spectra's are in descending order). */
    private static double largest(int m, double[] symmetric) {
        return Spectra.symmetricEigenvalues(m, symmetric)[0];
    }

    /** Whether the eigenvalue of largest real part is one of a complex pair (a Hopf point where it crosses 0). */
    static boolean complexLeading(EquilibriumFamily.Jacobian j) {
        if (j.similar() != null && (j.full() != null || j.constantDelta())) {
            return false;
        }
        boolean lowRank = j.full() == null && j.constantDelta() && j.r() < j.n();
        double[] m = lowRank ? j.small() : j.dense();
        int size = lowRank ? j.r() : j.n();
        Complex[] ev = new EigenDecompositionNonSymmetric(Spectra.matrix(size, m)).getEigenvalues();
        Complex best = ev[0];
        for (Complex c : ev) {
            if (c.getReal() > best.getReal()) {
                best = c;
            }
        }
        return Math.abs(best.getImaginary()) > 1e-7 * (1 + Math.abs(best.getReal()));
    }

    /**
     * The bifurcation diagram: amplitude against the parameter, each branch solid where stable and dashed where not
     * (each run shares its last point with the next, so the curve is unbroken), the located bifurcations marked.
     */
    public static Plot figure(Result r, String parameter, String caption) {
        return figure(r, "bifurcation.png", parameter, caption);
    }

    /** {@link #figure(Result, String, String)} written to {@code file}. */
    public static Plot figure(Result r, String file, String parameter, String caption) {
        List<Plot.Series> series = new ArrayList<>();
        for (Branch b : r.branches()) {
            List<Point> pts = b.points();
            int start = 0, run = 0;
            for (int k = 1; k <= pts.size(); k++) {
                if (k < pts.size() && pts.get(k).stable() == pts.get(start).stable()) {
                    continue;
                }
                int end = Math.min(k + 1, pts.size());
                double[] x = new double[end - start], y = new double[end - start];
                for (int i = start; i < end; i++) {
                    x[i - start] = pts.get(i).parameter();
                    y[i - start] = pts.get(i).amplitude();
                }
                boolean stable = pts.get(start).stable();
                String name = String.format(Locale.ROOT, "branch %d %s (%d)", b.index(), stable ? "stable" : "unstable", ++run);
                series.add(stable ? Plot.Series.line(name, x, y) : Plot.Series.dashed(name, x, y));
                start = k;
            }
        }
        for (String kind : List.of("fold", "branch-point", "hopf")) {
            List<Bifurcation> of = r.bifurcations().stream().filter(b -> b.kind().equals(kind)).toList();
            if (!of.isEmpty()) {
                series.add(Plot.Series.scatter(kind, of.stream().mapToDouble(Bifurcation::value).toArray(),
                        of.stream().mapToDouble(Bifurcation::amplitude).toArray()));
            }
        }
        return new Plot(file, caption, "Bifurcation diagram (solid: stable, dashed: unstable)", parameter,
                "amplitude", false, false, series);
    }

    private double[] fieldAt(double[] z) {
        double[] out = new double[n];
        family.field(state(z), z[n], out);
        return out;
    }

    /** dF/dlambda by a central difference, step 1e-6 (1 + |lambda|): truncation and rounding both near 1e-11. */
    private double[] parameterDerivative(double[] z) {
        double h = 1e-6 * (1 + Math.abs(z[n]));
        double[] x = state(z), plus = new double[n], minus = new double[n];
        family.field(x, z[n] + h, plus);
        family.field(x, z[n] - h, minus);
        for (int i = 0; i < n; i++) {
            plus[i] = (plus[i] - minus[i]) / (2 * h);
        }
        return plus;
    }

    private double residual(double[] z, double[] zp, double[] t) {
        return Math.max(Norms.maxAbs(fieldAt(z)), Math.abs(constraint(z, zp, t)));
    }

    private static double tolerance(double[] z) {
        return TOL * (1 + Norms.maxAbs(z));
    }

    private double constraint(double[] z, double[] zp, double[] t) {
        double[] d = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            d[i] = z[i] - zp[i];
        }
        return dot(t, d);
    }

    /** The bordering row for the inner product: {@code t_x / n}. */
    private double[] weightedRow(double[] t) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = t[i] / n;
        }
        return a;
    }

    /** The distance in the continuation's norm. */
    private double distance(double[] z, double[] w) {
        double[] d = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            d[i] = z[i] - w[i];
        }
        return Math.sqrt(dot(d, d));
    }

    /** z scaled in place to unit length in the continuation's norm; z. */
    private double[] unit(double[] z) {
        double norm = Math.sqrt(dot(z, z));
        for (int i = 0; i <= n; i++) {
            z[i] /= norm;
        }
        return z;
    }

    /** {@code <z, w> = x.w / n + lambda mu}. */
    double dot(double[] z, double[] w) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += z[i] * w[i];
        }
        return s / n + z[n] * w[n];
    }

    private double[] state(double[] z) {
        double[] x = new double[n];
        System.arraycopy(z, 0, x, 0, n);
        return x;
    }

    private static void negate(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = -v[i];
        }
    }
}
