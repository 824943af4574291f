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
        LowRankPart lr = j.lowRank();
        int n = j.n(), r = lr.r();
        double[] dinv = new double[n], wx = new double[n], g = new double[n], fd = new double[n], al = new double[n];
        int signB = 1;
        for (int i = 0; i < n; i++) {
            dinv[i] = 1 / j.delta()[i];
            wx[i] = -dinv[i] * y[i];
            g[i] = lr.right(i) * lr.left(i) * dinv[i];
            fd[i] = f[i] * dinv[i];
            al[i] = a[i] * lr.left(i) * dinv[i];
            signB *= j.delta()[i] > 0 ? -1 : 1;
        }
        // C = I + Vt^T B^-1 Ut: V^T D^-1 U = F^T diag(right left / delta) F diag(w), V^T D^-1 f = F^T (right f / delta),
        // a^T D^-1 U = (F^T (a left / delta))^T diag(w)
        double[] gram = j.constantDelta() ? scaledCopy(lr.productGram(), dinv[0]) : lr.gram(g), vf = lr.project(lr.right(), fd), au = lr.project(null, al);
        double[] vw = lr.project(lr.right(), wx);
        double[][] c = new double[r + 2][r + 2];
        for (int k = 0; k < r; k++) {
            for (int l = 0; l < r; l++) {
                c[k][l] = (k == l ? 1 : 0) - gram[k * r + l] * lr.w()[l];
            }
            c[k][r] = -vf[k];
            c[r + 1][k] = -au[k] * lr.w()[k];
        }
        double afd = 0, awx = 0;
        for (int i = 0; i < n; i++) {
            afd += a[i] * fd[i];
            awx += a[i] * wx[i];
        }
        c[r][r] = 1;
        c[r][r + 1] = 1;
        c[r + 1][r] = -afd;
        c[r + 1][r + 1] = tl;
        double[] rhs = new double[r + 2];
        System.arraycopy(vw, 0, rhs, 0, r);
        rhs[r] = y[n];
        rhs[r + 1] = awx + (tl - 1) * y[n];
        Solution q = lu(new Array2DRowRealMatrix(c, false), rhs, signB);
        double[] qz = q.z(), h = new double[r];
        for (int k = 0; k < r; k++) {
            h[k] = lr.w()[k] * qz[k];
        }
        double[] uq = lr.combine(h), z = new double[n + 1];
        for (int i = 0; i < n; i++) {
            z[i] = wx[i] + dinv[i] * (uq[i] + f[i] * qz[r]);
        }
        z[n] = y[n] - qz[r + 1];
        return new Solution(z, q.detSign());
    }

    private static double[] scaledCopy(double[] m, double s) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i] * s;
        }
        return out;
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
