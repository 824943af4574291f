package engram.analysis;

import engram.integrate.VectorField;
import engram.memory.Couplings;
import engram.memory.FiringRateDesign;
import engram.memory.LowRankCouplings;
import java.util.Arrays;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * Stability of the rescaled memories of a {@link FiringRateDesign} for {@code xdot = -x + Phi(W x)} (u = 0).
 * The Jacobian at an equilibrium is {@code -I + D W} with {@code D = diag(Phi'(W xbar))}; it is similar to the
 * symmetric {@code -I + D^1/2 W D^1/2}, so its eigenvalues are real. Since {@code W = F G F^T / N} has rank
 * m = P + 1, the eigenvalues of {@code D W} are those of the m x m matrix {@code S^1/2 G S^1/2 / N} with
 * {@code S = F^T D F}, plus N - m zeros: the Jacobian's spectrum costs O(N m^2), not O(N^3).
 */
public final class RateStability {

    private RateStability() {
    }

    /** {@code max_mu || Phi(W xbar_mu) - xbar_mu ||_inf}. */
    public static double equilibriumResidual(FiringRateDesign design) {
        LowRankCouplings w = design.couplings();
        double worst = 0;
        double[] field = new double[design.n()];
        for (int mu = 0; mu < design.p(); mu++) {
            double[] x = design.rescaled(mu);
            w.multiply(x, field);
            for (int i = 0; i < x.length; i++) {
                worst = Math.max(worst, Math.abs(design.phi().value(field[i]) - x[i]));
            }
        }
        return worst;
    }

    /** {@code D = diag(Phi'(W x))}. */
    public static double[] gains(FiringRateDesign design, Couplings w, double[] x) {
        double[] field = new double[x.length];
        w.multiply(x, field);
        for (int i = 0; i < x.length; i++) {
            field[i] = design.phi().derivative(field[i]);
        }
        return field;
    }

    /** Largest Jacobian eigenvalue at the state x, by the rank-(P+1) reduction. */
    public static double maxEigenvalueReduced(FiringRateDesign design, double[] x) {
        LowRankCouplings w = design.couplings();
        double[] d = gains(design, w, x);
        int n = design.n(), p = design.p(), m = p + 1;
        double beta = design.beta();
        double[] s = new double[m * m];
        double[] row = new double[m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                row[k] = design.memories().get(i, k) - beta;
            }
            row[p] = 1;
            for (int a = 0; a < m; a++) {
                double da = d[i] * row[a];
                for (int b = a; b < m; b++) {
                    s[a * m + b] += da * row[b];
                }
            }
        }
        double[] g = new double[m];
        Arrays.fill(g, design.couplingScale());
        g[p] = design.gamma();
        double top = Spectra.maxSandwichEigenvalue(m, s, g, n);
        return -1 + (n > m ? Math.max(top, 0) : top);
    }

    /**
     * Whether the analytic conditions agree with the computed stability: the sufficient condition (theory.md section
     * 2.4) must find a stable memory, a positive instability expression an unstable one (both holding at once is a
     * contradiction, so a disagreement); where neither decides, any outcome agrees.
     */
    public static boolean conditionsAgree(boolean sufficient, double instability, boolean stable) {
        return (!sufficient || stable) && (!(instability > 0) || !stable);
    }

    /** Largest Jacobian eigenvalue over all rescaled memories (reduced, over the memories' distinct rows). */
    public static double maxEigenvalueOverMemories(FiringRateDesign design) {
        return maxEigenvalueOverMemories(design, RowGroups.of(design.memories()), new SmallSymmetric.Workspace(design.p() + 1));
    }

    /**
     * {@link #maxEigenvalueOverMemories(FiringRateDesign)} with the memories' row groups and a workspace supplied (the
     * phase diagram reuses both over its cells). Units with the same memory row have the same rescaled rate, field and
     * gain, so the field {@code h = F G F^T xbar / N}, the gains and {@code S = F^T D F} are sums over the distinct rows
     * weighted by their counts: O(R m^2) per memory for R distinct rows instead of O(N m^2), the same numbers up to
     * round-off (tested against the per-unit route).
     */
    public static double maxEigenvalueOverMemories(FiringRateDesign design, RowGroups groups, SmallSymmetric.Workspace w) {
        int n = design.n(), p = design.p(), m = p + 1, r = groups.count();
        double beta = design.beta(), pa = design.phiA(), pb = design.phiB(), kappa = design.couplingScale();
        double[] g = new double[m];
        Arrays.fill(g, kappa);
        g[p] = design.gamma();
        double[] ftx = new double[m], s = new double[m * m], row = new double[m];
        double worst = Double.NEGATIVE_INFINITY;
        for (int mu = 0; mu < p; mu++) {
            Arrays.fill(ftx, 0);
            for (int k = 0; k < r; k++) {
                double x = groups.count(k) * (pa + (pb - pa) * groups.value(k, mu));
                for (int a = 0; a < p; a++) {
                    ftx[a] += (groups.value(k, a) - beta) * x;
                }
                ftx[p] += x;
            }
            Arrays.fill(s, 0);
            for (int k = 0; k < r; k++) {
                double h = 0;
                for (int a = 0; a < p; a++) {
                    row[a] = groups.value(k, a) - beta;
                    h += row[a] * g[a] * ftx[a];
                }
                row[p] = 1;
                h = (h + g[p] * ftx[p]) / n;
                double da = groups.count(k) * design.phi().derivative(h);
                for (int a = 0; a < m; a++) {
                    double dr = da * row[a];
                    for (int b = a; b < m; b++) {
                        s[a * m + b] += dr * row[b];
                    }
                }
            }
            double top = SmallSymmetric.largestSandwichEigenvalue(m, s, g, n, w);
            worst = Math.max(worst, -1 + (n > m ? Math.max(top, 0) : top));
        }
        return worst;
    }

    /** Dense check: largest eigenvalue of the symmetric {@code -I + D^1/2 W D^1/2} (O(N^3)). */
    public static double maxEigenvalueDenseSymmetric(FiringRateDesign design, double[] x) {
        LowRankCouplings w = design.couplings();
        return Spectra.maxSymmetrizedEigenvalue(w, gains(design, w, x));
    }

    /** Dense check: largest real part among the eigenvalues of {@code -I + D W}, by a general (non-symmetric) solver. */
    public static double maxEigenvalueDenseGeneral(FiringRateDesign design, double[] x) {
        return Spectra.maxRealPart(x.length, denseJacobian(design, x));
    }

    /**
     * The independent route: the largest real part of the eigenvalues of the Jacobian of {@code f} at x by central
     * differences of {@code f.evaluate} (step 1e-6 (1 + |x_j|)), with the dense general eigensolver. It shares no
     * derivative, no gain vector D and no coupling product with the other routes, so a wrong Phi' moves them and not
     * it.
     */
    public static double maxEigenvalueFiniteDifference(VectorField f, double[] x) {
        return Spectra.maxRealPart(x.length, FiniteDifferences.jacobian(f, 0, x.clone(), 1e-6));
    }

    /**
     * The eigenvector of {@code -I + D W} for its largest eigenvalue, unit length: {@code D^1/2 v} with v the leading
     * eigenvector of the symmetric {@code -I + D^1/2 W D^1/2} (dense, O(N^3)).
     */
    public static double[] leadingEigenvector(FiringRateDesign design, double[] x) {
        return leading(design, x).rightVector();
    }

    /**
     * The largest eigenvalue lambda of {@code J = -I + D W} by the dense symmetric route, its right eigenvector (unit
     * length) and its condition number in J, {@code kappa = |x| |y| / |y^T x|}: a perturbation E of J moves lambda by at
     * most about {@code kappa ||E||_2}. With v the leading eigenvector of {@code S = D^1/2 W D^1/2} and
     * {@code mu = lambda + 1}, the right eigenvector is {@code x = D^1/2 v} and the left one {@code y = W D^1/2 v}
     * ({@code y^T D W = mu y^T} because W is symmetric), so {@code y^T x = mu |v|^2} and
     * {@code kappa = |D^1/2 v| |W D^1/2 v| / (|mu| |v|^2)}. It is 1 for D = I and grows without bound as mu -> 0, that
     * is as lambda joins the cluster at -1 made by units with zero gain: there a general (non-symmetric) eigensolver or
     * a finite-difference Jacobian can only resolve lambda to about kappa times its backward error.
     */
    public static Leading leading(FiringRateDesign design, double[] x) {
        LowRankCouplings w = design.couplings();
        double[] d = gains(design, w, x);
        int n = x.length;
        var eig = new EigenDecompositionSymmetric(Spectra.matrix(n, Spectra.symmetrizedJacobian(w, d)));
        double lambda = eig.getEigenvalues()[0];
        double[] v = eig.getEigenvector(0).toArray();
        double[] right = new double[n], left = new double[n];
        double vv = 0;
        for (int i = 0; i < n; i++) {
            right[i] = Math.sqrt(d[i]) * v[i];
            vv += v[i] * v[i];
        }
        w.multiply(right, left);
        double rightNorm = Math.sqrt(dot(right, right));
        double mu = Math.abs(lambda + 1);
        double condition = mu == 0 || rightNorm == 0 ? Double.POSITIVE_INFINITY
                : rightNorm * Math.sqrt(dot(left, left)) / (mu * vv);
        for (int i = 0; i < n && rightNorm > 0; i++) {
            right[i] /= rightNorm;
        }
        return new Leading(lambda, condition, right);
    }

    /** The leading eigenvalue of a firing-rate Jacobian, its condition number and its unit right eigenvector. */
    public record Leading(double value, double condition, double[] rightVector) {
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** {@code -I + D^1/2 W D^1/2} (symmetrised) or {@code -I + D W}, row-major. */
    private static double[] denseJacobian(FiringRateDesign design, double[] x) {
        LowRankCouplings w = design.couplings();
        double[] d = gains(design, w, x);
        int n = x.length;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] = d[i] * w.entry(i, j) - (i == j ? 1 : 0);
            }
        }
        return a;
    }
}
