package engram.certify;

import engram.analysis.Lanczos;
import engram.interval.Interval;
import engram.interval.IntervalMatrix;
import engram.kernel.Kernels;
import engram.kernel.Norms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Finds the data of each proof in floating point (a spectral-norm estimate and a singular vector by Lanczos, a
 * preconditioner for Krawczyk, an eigenvalue estimate for the shift of a verified Cholesky factorisation, a basin
 * radius by bisection) and decides with {@link Proofs}' interval steps only, so a floating-point error here can make
 * a verdict "undecided", never wrong. What is proven (docs/theory.md section 8):
 * <ul>
 * <li>contraction: {@code Lip(psi) ||W||_2 < 1} (proven) or {@code >= 1} (refuted), with rigorous bounds on ||W||_2;</li>
 * <li>existence: exactly one equilibrium in a box around the approximate one (Krawczyk, preconditioner -I first,
 * then the inverse of the Jacobian at the approximate equilibrium);</li>
 * <li>stability: every Jacobian over that box has its eigenvalues (real parts) below {@code -decayRate}: by the norm
 * bound {@code ||W||_2 max D < 1} (O(n) once ||W||_2 is bounded), else by a verified Cholesky factorisation of
 * {@code -(S + kappa I)} with S the symmetrised Jacobian (symmetric W) or the Jacobian's symmetric part (any W);
 * refuted by a positive Rayleigh quotient of the symmetrised Jacobian (symmetric W);</li>
 * <li>basin: the Euclidean logarithmic norm is negative over a ball around the equilibrium, which therefore contracts
 * onto it (the same two routes).</li>
 * </ul>
 */
public final class Certifier {

    public static final String PROVEN = "proven", REFUTED = "refuted", UNDECIDED = "undecided";
    /** Stability and basin routes as certificates name them. */
    public static final String NORM_BOUND = "norm-bound", SYMMETRISED = "symmetrised", LOG_NORM = "logarithmic-norm",
            REDUCED = "reduced";
    /** Krawczyk's preconditioners as certificates name them. */
    public static final String IDENTITY = "identity", INVERSE = "inverse", WOODBURY = "woodbury";
    /** Box radii tried by Krawczyk's test, relative to {@code 1 + |center|_inf}. */
    static final double[] BOX_RADII = {1e-10, 1e-8, 1e-6, 1e-4};
    /**
     * Relative margins tried between an eigenvalue estimate and the shift a Cholesky factorisation must prove; those
     * below {@code n^2 u}, the order of the factorisation's own rounding shift, are skipped ({@link #margins}).
     */
    static final double[] MARGINS = {1e-12, 1e-9, 1e-6, 1e-3, 3e-2};
    /** Bisection steps for the basin radius: the norm bound (O(n) a step) and the Cholesky route. */
    static final int BASIN_STEPS = 40, CHOLESKY_BASIN_STEPS = 12;
    /**
     * Up to this size the Cholesky routes (O(n^3)) are tried even where the norm bound already proves stability or a
     * basin (they are sharper); above it only where the norm bound fails (stability) or never (basin).
     */
    static final int SHARP_LIMIT = 600;
    /** Lanczos steps for the estimates. */
    static final int LANCZOS_STEPS = 80;

    private Certifier() {
    }

    /** A proof and, for each undecided verdict, why. */
    public record Outcome(Certificate certificate, String contractionReason, List<String> equilibriumReasons) {
    }

    /** Every proof about {@code net}, one equilibrium per approximate state in {@code states} (null: none found). */
    public static Outcome certify(ProofNetwork net, List<double[]> states) {
        ContractionProof c = contraction(net);
        List<Certificate.Equilibrium> eq = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int mu = 0; mu < states.size(); mu++) {
            EquilibriumProof p = equilibrium(net, c.certificate().spectralNormUpper(), mu + 1, states.get(mu));
            eq.add(p.certificate());
            reasons.add(p.reason());
        }
        Certificate cert = new Certificate(Certificate.FORMAT, net.hash(), net.model(), net.n(), net.activation().toString(),
                net.tau(), c.certificate(), eq);
        return new Outcome(cert, c.reason(), reasons);
    }

    record ContractionProof(Certificate.Contraction certificate, String reason) {
    }

    /** One equilibrium's proof, and why where a verdict is undecided. */
    public record EquilibriumProof(Certificate.Equilibrium certificate, String reason) {
    }

    /**
     * Rigorous bounds on ||W||_2 and the contraction verdict: the lower bound is {@code ||W v|| / ||v||} for the top
     * Lanczos vector v of W^T W, the upper bound the smallest of the estimate times {@code 1 + margin} that a verified
     * Cholesky factorisation proves ({@link Proofs#normBelow}).
     */
    static ContractionProof contraction(ProofNetwork net) {
        int n = net.n();
        double[] wv = new double[n];
        // symmetric (dense or low-rank): W W through the network's own product; otherwise W^T W with W dense
        Lanczos.SymmetricOperator op = net.symmetric() ? (v, out) -> {
            net.multiply(v, wv);
            net.multiply(wv, out);
        } : Lanczos.gram(net.w(), n);
        Lanczos.Pair top = Lanczos.topPair(n, LANCZOS_STEPS, 1, op);
        double lower = Proofs.normLowerBound(net, top.vector());
        double estimate = Math.max(Math.sqrt(Math.max(0, top.value())), lower);
        double upper = Double.POSITIVE_INFINITY;
        for (double m : margins(n)) {
            double s = estimate * (1 + m) + m * Double.MIN_NORMAL;
            if (Proofs.normBelow(net, s)) {
                upper = s;
                break;
            }
        }
        String verdict = contractionVerdict(net, upper, lower);
        String reason = verdict.equals(UNDECIDED) ? "Lip(psi) ||W||_2 lies in [" + Interval.of(net.enclosure().lipschitz())
                .mul(lower).lo() + ", " + Interval.of(net.enclosure().lipschitz()).mul(upper).hi() + "], which holds 1" : null;
        return new ContractionProof(new Certificate.Contraction(verdict, upper, lower, Certificate.encode(top.vector())),
                reason);
    }

    static String contractionVerdict(ProofNetwork net, double upper, double lower) {
        Interval lip = Interval.of(net.enclosure().lipschitz());
        return lip.mul(upper).hi() < 1 ? PROVEN : lip.mul(lower).lo() >= 1 ? REFUTED : UNDECIDED;
    }

    /** Existence, stability and basin of the equilibrium near {@code state}, given {@code ||W||_2 <= normUpper}. */
    static EquilibriumProof equilibrium(ProofNetwork net, double normUpper, int pattern, double[] state) {
        if (state == null) {
            String why = net.lowRank() ? LowRankProofs.noEquilibriumAlong(net, pattern - 1) : "no approximate equilibrium "
                    + "was found from this pattern";
            return why == null ? new EquilibriumProof(new Certificate.Equilibrium(pattern, REFUTED, null, 0, 0, null, null,
                    UNDECIDED, null, 0, null, 0, null), null) : undecided(pattern, why);
        }
        Box b = box(net, state);
        if (b.radius() == 0) {
            return undecided(pattern, b.reason());
        }
        double box = b.radius();
        double radius = Interval.of(box).mul(Interval.of(net.n()).sqrt()).hi();
        Stability s = stability(net, normUpper, state, box);
        Basin basin = basin(net, normUpper, state, box);
        Certificate.Equilibrium cert = new Certificate.Equilibrium(pattern, PROVEN, Certificate.encode(state), box, radius,
                b.preconditioner(), Certificate.encode(b.inverse()), s.verdict(), s.route(), s.decayRate(),
                Certificate.encode(s.unstable()), basin.radius(), basin.route());
        return new EquilibriumProof(cert, s.reason());
    }

    private static EquilibriumProof undecided(int pattern, String reason) {
        return new EquilibriumProof(new Certificate.Equilibrium(pattern, UNDECIDED, null, 0, 0, null, null, UNDECIDED, null,
                0, null, 0, null), reason);
    }

    /** The box Krawczyk's test proves (radius 0: none, with the reason) and the preconditioner it used. */
    record Box(double radius, String preconditioner, double[] inverse, String reason) {
    }

    /** Krawczyk's test at growing boxes: preconditioner -I (O(n^2)) first, then the inverse Jacobian (O(n^3)). */
    static Box box(ProofNetwork net, double[] state) {
        double scale = 1 + Norms.maxAbs(state), best = Double.POSITIVE_INFINITY;
        for (double rel : BOX_RADII) {
            double ratio = Proofs.krawczykRatio(net, state, rel * scale, null);
            best = Math.min(best, ratio);
            if (ratio < 1) {
                return new Box(rel * scale, IDENTITY, null, null);
            }
        }
        double[] c;
        try {
            c = net.lowRank() ? woodbury(net, state) : inverse(jacobian(net, state), net.n());
        } catch (RuntimeException singular) {
            return new Box(0, null, null, "the Jacobian at the approximate equilibrium is singular");
        }
        String kind = net.lowRank() ? WOODBURY : INVERSE;
        for (double rel : BOX_RADII) {
            double ratio = Proofs.krawczykRatio(net, state, rel * scale, c);
            best = Math.min(best, ratio);
            if (ratio < 1) {
                return new Box(rel * scale, kind, c, null);
            }
        }
        return new Box(0, null, null, "Krawczyk's test failed at every box tried (smallest ratio " + best + ", needs < 1)");
    }

    /** The p x p {@code K = (I - V^T U)^-1} of the Woodbury preconditioner, {@code V^T U = Xi^T D Xi diag(alpha) / N}. */
    static double[] woodbury(ProofNetwork net, double[] x) {
        int n = net.n(), p = net.p();
        double[] xi = net.xi();
        double[] m = new double[p * p];
        for (int i = 0; i < n; i++) {
            double d = net.activation().derivative(x[i]);
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    m[a * p + b] -= d * xi[i * p + a] * xi[i * p + b] * net.alphas()[b] / n;
                }
            }
        }
        for (int a = 0; a < p; a++) {
            m[a * p + a] += 1;
        }
        return inverse(m, p);
    }

    record Stability(String verdict, String route, double decayRate, double[] unstable, String reason) {
    }

    /** The norm bound, then the Cholesky route on the symmetrised Jacobian (symmetric W) or the symmetric part. */
    static Stability stability(ProofNetwork net, double normUpper, double[] center, double box) {
        double cheap = Proofs.normBoundMargin(net, center, box, normUpper);
        Stability best = cheap > 0 ? new Stability(PROVEN, NORM_BOUND, Proofs.divide(cheap, net.tau(), false), null, null)
                : null;
        if (best != null && net.n() > SHARP_LIMIT && !net.lowRank()) {
            return best;
        }
        boolean symmetric = net.symmetric();
        String route = net.lowRank() ? REDUCED : symmetric ? SYMMETRISED : LOG_NORM;
        IntervalMatrix m = net.lowRank() ? LowRankProofs.reducedJacobian(net, center, box) : symmetric
                ? Proofs.symmetrised(net, center, box) : Proofs.symmetricPart(net, center, box);
        Lanczos.Pair top = topPair(m);
        double kappa = provenShift(m, top.value());
        if (net.lowRank() && net.p() < net.n()) {
            kappa = Math.min(kappa, Math.nextDown(1.0)); // the eigenvalue -1 off the patterns' span
        }
        if (kappa > 0 && (best == null || Proofs.divide(kappa, net.tau(), false) > best.decayRate())) {
            return new Stability(PROVEN, route, Proofs.divide(kappa, net.tau(), false), null, null);
        }
        if (best != null) {
            return best;
        }
        boolean refutable = net.lowRank() ? LowRankProofs.exact(net) : symmetric;
        if (refutable && m.rayleighLowerBound(top.vector()) > 0) {
            return new Stability(REFUTED, route, 0, top.vector(), null);
        }
        return new Stability(UNDECIDED, route, 0, null, symmetric ? "the largest eigenvalue of the symmetrised Jacobian "
                + "is about " + top.value() + ": neither its sign nor a Cholesky shift is proven" : "W is not symmetric and "
                + "the logarithmic norm (about " + top.value() + ") is not proven negative: no proof either way");
    }

    /** The largest kappa > 0 of {@code -estimate (1 - margin)} that a Cholesky factorisation proves (0: none). */
    static double provenShift(IntervalMatrix m, double estimate) {
        if (!(estimate < 0)) {
            return 0;
        }
        for (double margin : margins(m.rows())) {
            double kappa = -estimate - margin * (1 + Math.abs(estimate));
            if (kappa > 0 && Proofs.negativeDefiniteBelow(m, kappa)) {
                return kappa;
            }
        }
        return 0;
    }

    /** The margins worth trying at size n. */
    static double[] margins(int n) {
        double floor = (double) n * n * 0x1p-53;
        return Arrays.stream(MARGINS).filter(m -> m >= floor || m == MARGINS[MARGINS.length - 1]).toArray();
    }

    /** A basin radius and the route that proves it. */
    record Basin(double radius, String route) {
    }

    /**
     * The largest radius rho found by bisection such that the logarithmic norm is negative over the box
     * {@code center +- (box + rho)}, which holds the Euclidean ball of radius rho around the equilibrium: by the norm
     * bound, and (n up to {@link #SHARP_LIMIT}) by the Cholesky route; the larger wins. 0 when neither proves rho = 0.
     */
    static Basin basin(ProofNetwork net, double normUpper, double[] center, double box) {
        double cap = 2 * (1 + Norms.maxAbs(center));
        double cheap = bisect(rho -> Proofs.normBoundMargin(net, center, box + rho, normUpper) > 0, cap, BASIN_STEPS);
        double sharp = net.n() <= SHARP_LIMIT && !net.lowRank() ? bisect(rho -> contracts(net, center, box + rho), cap,
                CHOLESKY_BASIN_STEPS) : -1;
        if (cheap < 0 && sharp < 0) {
            return new Basin(0, null);
        }
        return sharp > cheap ? new Basin(sharp, LOG_NORM) : new Basin(cheap, NORM_BOUND);
    }

    /** The largest rho in [0, cap] bisection finds with {@code test(rho)}; -1 when test(0) fails. */
    static double bisect(DoublePredicate test, double cap, int steps) {
        if (!test.test(0)) {
            return -1;
        }
        if (test.test(cap)) {
            return cap;
        }
        double lo = 0, hi = cap;
        for (int k = 0; k < steps; k++) {
            double mid = (lo + hi) / 2;
            if (test.test(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether the Euclidean logarithmic norm is proven negative over the box {@code center +- r}. */
    static boolean contracts(ProofNetwork net, double[] center, double r) {
        return Proofs.negativeDefiniteBelow(Proofs.symmetricPart(net, center, r), 0);
    }

    /** The top Ritz pair of the midpoint of a symmetric interval matrix. */
    static Lanczos.Pair topPair(IntervalMatrix m) {
        int n = m.rows();
        double[] mid = m.mid();
        return Lanczos.topPair(n, LANCZOS_STEPS, 2, (v, out) -> Kernels.get().matvec(mid, n, v, out));
    }

    /** The floating-point Jacobian of F (without 1/tau) at x. */
    public static double[] jacobian(ProofNetwork net, double[] x) {
        int n = net.n();
        double[] w = net.w(), d = new double[n], j = new double[n * n];
        for (int i = 0; i < n; i++) {
            double arg = x[i];
            if (!net.voltage()) {
                arg = net.u()[i];
                for (int k = 0; k < n; k++) {
                    arg += w[i * n + k] * x[k];
                }
            }
            d[i] = net.activation().derivative(arg);
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                j[i * n + k] = w[i * n + k] * (net.voltage() ? d[k] : d[i]) - (i == k ? 1 : 0);
            }
        }
        return j;
    }

    static double[] inverse(double[] a, int n) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n, rows[i], 0, n);
        }
        RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(rows, false)).getSolver().getInverse();
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                out[i * n + k] = inv.getEntry(i, k);
            }
        }
        return out;
    }
}
