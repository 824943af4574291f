package engram.landscape;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Solves the bordered system of pseudo-arclength continuation (docs/theory.md section 9.4)
 * <pre>
 *   M = [ J      f       ]      J = -diag(delta) + U V^T (n x n), f = dF/dlambda,
 *       [ a^T    t_lambda ]     (a, t_lambda) the bordering row,
 * </pre>
 * by the Sherman-Morrison-Woodbury formula around {@code B = diag(-delta, 1)}: {@code M = B + Ut Vt^T} with
 * {@code Ut = [[U, f, 0], [0, 0, 1]]} and {@code Vt = [[V, 0, a], [0, 1, t_lambda - 1]]}, rank r + 2, so a solve costs
 * O(n r^2) and never forms J; a dense J is solved by LU on M. The sign of det M (the branch-point test function) is
 * {@code sign det B * sign det C}, C the (r + 2) x (r + 2) capacitance matrix.
 */
final class BorderedSolver {

    /** A solution and the sign of det M (0: singular). */
    record Solution(double[] z, int detSign) {
    }

    private BorderedSolver() {
    }

    /** Solves M z = y (y has n + 1 entries); throws IllegalStateException where M is singular to working precision. */
    static Solution solve(EquilibriumFamily.Jacobian j, double[] f, double[] a, double tl, double[] y) {
        return j.full() != null ? dense(j, f, a, tl, y) : woodbury(j, f, a, tl, y);
    }

    private static Solution dense(EquilibriumFamily.Jacobian j, double[] f, double[] a, double tl, double[] y) {
        int n = j.n();
        double[][] m = new double[n + 1][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(j.full(), i * n, m[i], 0, n);
            m[i][n] = f[i];
            m[n][i] = a[i];
        }
        m[n][n] = tl;
        return lu(new Array2DRowRealMatrix(m, false), y, 1);
    }

    private static Solution woodbury(EquilibriumFamily.Jacobian j, double[] f, double[] a, double tl, double[] y) {
        int n = j.n(), r = j.r();
        double[] u = j.u(), v = j.v(), dinv = new double[n], wx = new double[n];
        int signB = 1;
        for (int i = 0; i < n; i++) {
            dinv[i] = 1 / j.delta()[i];
            wx[i] = -dinv[i] * y[i];
            signB *= j.delta()[i] > 0 ? -1 : 1;
        }
        double[][] c = new double[r + 2][r + 2];
        double[] rhs = new double[r + 2];
        for (int i = 0; i < n; i++) {
            double di = dinv[i];
            for (int k = 0; k < r; k++) {
                double vk = v[i * r + k] * di;
                for (int l = 0; l < r; l++) {
                    c[k][l] -= vk * u[i * r + l];
                }
                c[k][r] -= vk * f[i];
                rhs[k] += v[i * r + k] * wx[i];
            }
            for (int l = 0; l < r; l++) {
                c[r + 1][l] -= a[i] * di * u[i * r + l];
            }
            c[r + 1][r] -= a[i] * di * f[i];
            rhs[r + 1] += a[i] * wx[i];
        }
        for (int k = 0; k < r; k++) {
            c[k][k] += 1;
        }
        c[r][r] = 1;
        c[r][r + 1] = 1;
        c[r + 1][r + 1] = tl;
        rhs[r] = y[n];
        rhs[r + 1] += (tl - 1) * y[n];
        Solution q = lu(new Array2DRowRealMatrix(c, false), rhs, signB);
        double[] z = new double[n + 1], qz = q.z();
        for (int i = 0; i < n; i++) {
            double s = f[i] * qz[r];
            for (int k = 0; k < r; k++) {
                s += u[i * r + k] * qz[k];
            }
            z[i] = wx[i] + dinv[i] * s;
        }
        z[n] = y[n] - qz[r + 1];
        return new Solution(z, q.detSign());
    }

    /** LU with partial pivoting (no singularity threshold but exact zero pivots); the sign of det, times {@code sign}. */
    static Solution lu(RealMatrix m, double[] y, int sign) {
        LUDecomposition lu = new LUDecomposition(m, 0);
        if (lu.getSolver().isNonSingular()) {
            double[] z = lu.getSolver().solve(new ArrayRealVector(y, false)).toArray();
            for (double zi : z) {
                if (!Double.isFinite(zi)) {
                    throw new IllegalStateException("the bordered system is singular to working precision");
                }
            }
            return new Solution(z, sign * (int) Math.signum(lu.getDeterminant() == 0 ? pivotSign(lu) : lu.getDeterminant()));
        }
        throw new IllegalStateException("the bordered system is singular");
    }

    /** The sign of det from the pivots and the permutation's parity (the determinant itself under- or overflowed). */
    private static double pivotSign(LUDecomposition lu) {
        RealMatrix uu = lu.getU();
        double s = 1;
        for (int i = 0; i < uu.getRowDimension(); i++) {
            s *= Math.signum(uu.getEntry(i, i));
        }
        int[] p = lu.getPivot();
        boolean[] seen = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            int len = 0;
            for (int k = i; !seen[k]; k = p[k]) {
                seen[k] = true;
                len++;
            }
            if (len > 0 && len % 2 == 0) {
                s = -s;
            }
        }
        return s;
    }
}
