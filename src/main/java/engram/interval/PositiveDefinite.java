package engram.interval;

/**
 * Proves that every symmetric matrix in a square interval matrix is positive definite by one floating-point Cholesky
 * factorisation (Rump, "Verification of positive definiteness", BIT 46:433-452, 2006, the constants of INTLAB's
 * {@code isspd}): with the diagonal replaced by its lower bounds d_i, radius bound {@code M >= rho(rad)} and
 * {@code c = sum_i (i + 3) u d_i + M + 6 n (n + max d) eta} (u = 2^-53, eta = 2^-1074, rows counted from 0, n below
 * 67108861), if the Cholesky factorisation of {@code mid - c I} (diagonal rounded down) runs to completion with every
 * pivot positive, then {@code mid - M I} and so every symmetric member is positive definite. The inner products may be
 * summed in any order (the bound holds for every order) but without fused multiply-add, which Java never contracts to.
 */
public final class PositiveDefinite {

    private static final double U = 0x1p-53;
    private static final double ETA = Double.MIN_VALUE;

    private PositiveDefinite() {
    }

    /** Whether every symmetric matrix in {@code a} is proven positive definite (false: not proven, not disproven). */
    public static boolean proves(IntervalMatrix a) {
        int n = a.rows();
        if (a.cols() != n) {
            throw new IllegalArgumentException("positive definiteness needs a square matrix, got " + n + " x " + a.cols());
        }
        if (n >= 67_108_861) {
            return false;
        }
        // the symmetric members lie in the hull of A and A^T: take it, so that mid is exactly symmetric
        double[] b = new double[n * n];
        double[] low = new double[n];
        Interval m = Interval.ZERO, shift = Interval.ZERO, maxDiag = Interval.ZERO;
        for (int i = 0; i < n; i++) {
            Interval row = Interval.ZERO;
            for (int j = 0; j < n; j++) {
                Interval e = a.get(i, j).hull(a.get(j, i));
                if (i == j) {
                    low[i] = e.lo();
                    continue;
                }
                double mid = e.lo() / 2 + e.hi() / 2;
                b[i * n + j] = mid;
                row = row.add(Interval.of(Math.max(Interval.of(e.hi()).sub(Interval.of(mid)).hi(),
                        Interval.of(mid).sub(Interval.of(e.lo())).hi())));
            }
            if (!(low[i] > 0) || !Double.isFinite(low[i])) {
                return false;
            }
            m = Interval.of(Math.max(m.hi(), row.hi()));
            shift = shift.add(Interval.of(i + 3.0).mul(Interval.of(U)).mul(Interval.of(low[i])));
            maxDiag = Interval.of(Math.max(maxDiag.hi(), low[i]));
        }
        Interval underflow = Interval.of(6.0 * n).mul(Interval.of(n).add(maxDiag)).mul(Interval.of(ETA));
        double c = shift.add(m).add(underflow).hi();
        for (int i = 0; i < n; i++) {
            b[i * n + i] = Interval.of(low[i]).sub(Interval.of(c)).lo();
        }
        return choleskySucceeds(b, n);
    }

    /**
     * The plain floating-point Cholesky factorisation of the symmetric b (lower triangle read, overwritten by L): true
     * when every pivot is positive and finite.
     */
    static boolean choleskySucceeds(double[] b, int n) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
                int rj = j * n;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int k = 0;
                for (; k + 3 < j; k += 4) {
                    s0 += b[ri + k] * b[rj + k];
                    s1 += b[ri + k + 1] * b[rj + k + 1];
                    s2 += b[ri + k + 2] * b[rj + k + 2];
                    s3 += b[ri + k + 3] * b[rj + k + 3];
                }
                for (; k < j; k++) {
                    s0 += b[ri + k] * b[rj + k];
                }
                double s = b[ri + j] - ((s0 + s1) + (s2 + s3));
                if (j < i) {
                    b[ri + j] = s / b[rj + j];
                } else {
                    if (!(s > 0) || !Double.isFinite(s)) {
                        return false;
                    }
                    b[ri + i] = Math.sqrt(s);
                }
            }
        }
        return true;
    }
}
