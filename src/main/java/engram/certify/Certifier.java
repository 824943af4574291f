package engram.certify;

import engram.interval.Interval;
import engram.interval.IntervalMatrix;
import engram.kernel.Norms;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Finds the data of each proof in floating point (an approximate inverse for Krawczyk, approximate eigenvectors for
 * the eigenvalue bounds, a basin radius by bisection) and decides with {@link Proofs}' interval steps only, so a
 * floating-point error here can make a verdict "undecided", never wrong. What is proven (docs/theory.md section 8):
 * <ul>
 * <li>contraction: {@code Lip(psi) ||W||_2 < 1} (proven) or {@code >= 1} (refuted), with rigorous bounds on ||W||_2;</li>
 * <li>existence: exactly one equilibrium in a box around the approximate one (Krawczyk);</li>
 * <li>stability: every Jacobian over that box has its eigenvalues (real parts) below {@code -decayRate} (symmetric W:
 * the symmetrised Jacobian; otherwise the logarithmic norm), or some eigenvalue above 0 (refuted, symmetric W);</li>
 * <li>basin: the Euclidean logarithmic norm is negative over a ball around the equilibrium, which therefore contracts
 * onto it.</li>
 * </ul>
 */
public final class Certifier {

    public static final String PROVEN = "proven", REFUTED = "refuted", UNDECIDED = "undecided";
    /** Box radii tried by Krawczyk's test, relative to {@code 1 + |center|_inf}. */
    static final double[] BOX_RADII = {1e-10, 1e-8, 1e-6, 1e-4};
    /** Bisection steps for the basin radius. */
    static final int BASIN_STEPS = 12;

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
            EquilibriumProof p = equilibrium(net, mu + 1, states.get(mu));
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

    /** Rigorous bounds on ||W||_2 and the contraction verdict. */
    static ContractionProof contraction(ProofNetwork net) {
        IntervalMatrix gram = Proofs.gram(net);
        double[][] eig = eigenvectors(gram.mid(), net.n());
        double upper = Proofs.sqrtUp(gram.symmetricUpperBound(eig[0]));
        double lower = Proofs.sqrtDown(gram.rayleighLowerBound(eig[1]));
        String verdict = contractionVerdict(net, upper, lower);
        String reason = verdict.equals(UNDECIDED) ? "Lip(psi) ||W||_2 lies in [" + Interval.of(net.enclosure().lipschitz())
                .mul(lower).lo() + ", " + Interval.of(net.enclosure().lipschitz()).mul(upper).hi() + "], which holds 1" : null;
        return new ContractionProof(new Certificate.Contraction(verdict, upper, lower, Certificate.encode(eig[0]),
                Certificate.encode(eig[1])), reason);
    }

    static String contractionVerdict(ProofNetwork net, double upper, double lower) {
        Interval lip = Interval.of(net.enclosure().lipschitz());
        return lip.mul(upper).hi() < 1 ? PROVEN : lip.mul(lower).lo() >= 1 ? REFUTED : UNDECIDED;
    }

    /** Existence, stability and basin of the equilibrium near {@code state}. */
    public static EquilibriumProof equilibrium(ProofNetwork net, int pattern, double[] state) {
        if (state == null) {
            return undecided(pattern, "no approximate equilibrium was found from this pattern");
        }
        double[] c;
        try {
            c = inverse(jacobian(net, state), net.n());
        } catch (RuntimeException singular) {
            return undecided(pattern, "the Jacobian at the approximate equilibrium is singular");
        }
        double scale = 1 + Norms.maxAbs(state), box = 0, best = Double.POSITIVE_INFINITY;
        for (double rel : BOX_RADII) {
            double ratio = Proofs.krawczykRatio(net, state, rel * scale, c);
            best = Math.min(best, ratio);
            if (ratio < 1) {
                box = rel * scale;
                break;
            }
        }
        if (box == 0) {
            return undecided(pattern, "Krawczyk's test failed at every box tried (smallest ratio " + best + ", needs < 1)");
        }
        double radius = Interval.of(box).mul(Interval.of(net.n()).sqrt()).hi();
        Stability s = stability(net, state, box);
        double[] basinVectors = eigenvectors(Proofs.symmetricPart(net, state, box).mid(), net.n())[0];
        double basin = basinRadius(net, state, box, basinVectors);
        Certificate.Equilibrium cert = new Certificate.Equilibrium(pattern, PROVEN, Certificate.encode(state), box, radius,
                Certificate.encode(c), s.verdict(), s.route(), s.decayRate(), Certificate.encode(s.vectors()),
                Certificate.encode(s.unstable()), basin, basin > 0 ? Certificate.encode(basinVectors) : null);
        return new EquilibriumProof(cert, s.reason());
    }

    private static EquilibriumProof undecided(int pattern, String reason) {
        return new EquilibriumProof(new Certificate.Equilibrium(pattern, UNDECIDED, null, 0, 0, null, UNDECIDED, null, 0,
                null, null, 0, null), reason);
    }

    record Stability(String verdict, String route, double decayRate, double[] vectors, double[] unstable, String reason) {
    }

    /** The two routes: the symmetrised Jacobian (symmetric W) or the logarithmic norm (any W). */
    static Stability stability(ProofNetwork net, double[] center, double box) {
        if (net.symmetric()) {
            IntervalMatrix s = Proofs.symmetrised(net, center, box);
            double[][] eig = eigenvectors(s.mid(), net.n());
            double upper = s.symmetricUpperBound(eig[0]);
            if (upper < 0) {
                return new Stability(PROVEN, "symmetrised", Proofs.divide(-upper, net.tau(), false), eig[0], null, null);
            }
            double lower = s.rayleighLowerBound(eig[1]);
            if (lower > 0) {
                return new Stability(REFUTED, "symmetrised", 0, null, eig[1], null);
            }
            return new Stability(UNDECIDED, "symmetrised", 0, null, null, "the largest eigenvalue lies in [" + lower + ", "
                    + upper + "], which holds 0");
        }
        IntervalMatrix p = Proofs.symmetricPart(net, center, box);
        double[][] eig = eigenvectors(p.mid(), net.n());
        double upper = p.symmetricUpperBound(eig[0]);
        if (upper < 0) {
            return new Stability(PROVEN, "logarithmic-norm", Proofs.divide(-upper, net.tau(), false), eig[0], null, null);
        }
        return new Stability(UNDECIDED, "logarithmic-norm", 0, null, null, "W is not symmetric and the logarithmic norm's "
                + "bound " + upper + " is not negative: no proof either way");
    }

    /**
     * The largest radius rho (bisection, {@link #BASIN_STEPS} steps) such that the logarithmic norm is negative over
     * the box {@code center +- (box + rho)}, which holds the Euclidean ball of radius rho around the equilibrium; 0 when
     * even rho = 0 fails.
     */
    static double basinRadius(ProofNetwork net, double[] center, double box, double[] vectors) {
        if (!contracts(net, center, box, vectors)) {
            return 0;
        }
        double lo = 0, hi = 2 * (1 + Norms.maxAbs(center));
        if (contracts(net, center, box + hi, vectors)) {
            return hi;
        }
        for (int k = 0; k < BASIN_STEPS; k++) {
            double mid = (lo + hi) / 2;
            if (contracts(net, center, box + mid, vectors)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static boolean contracts(ProofNetwork net, double[] center, double box, double[] vectors) {
        return Proofs.symmetricPart(net, center, box).symmetricUpperBound(vectors) < 0;
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
        RealMatrix inv = new LUDecomposition(matrix(a, n)).getSolver().getInverse();
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                out[i * n + k] = inv.getEntry(i, k);
            }
        }
        return out;
    }

    /** Approximate eigenvectors of a symmetric matrix (its upper triangle is used): {V (columns), the top one}. */
    static double[][] eigenvectors(double[] a, int n) {
        double[] sym = a.clone();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < i; k++) {
                sym[i * n + k] = sym[k * n + i];
            }
        }
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(matrix(sym, n));
        RealMatrix v = e.getV();
        double[] flat = new double[n * n], top = new double[n];
        double[] values = e.getEigenvalues();
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                flat[i * n + k] = v.getEntry(i, k);
            }
            top[i] = v.getEntry(i, best);
        }
        return new double[][] {flat, top};
    }

    private static RealMatrix matrix(double[] a, int n) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n, rows[i], 0, n);
        }
        return new Array2DRowRealMatrix(rows, false);
    }
}
