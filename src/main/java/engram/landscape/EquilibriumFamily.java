package engram.landscape;

import java.util.function.Supplier;

/**
 * A one-parameter family of vector fields {@code F(x, lambda)} whose equilibria {@code F = 0} are continued
 * ({@link Continuation}); the Jacobian comes in structured form (docs/theory.md section 9.4): a low-rank network gives
 * {@code D_x F = -diag(delta) + diag(left) F diag(w) F^T diag(right)} (r = P columns), a dense one the n x n matrix.
 */
public interface EquilibriumFamily {

    /** The state's dimension n. */
    int dimension();

    /** {@code out = F(x, lambda)}. */
    void field(double[] x, double lambda, double[] out);

    /** The Jacobian {@code D_x F(x, lambda)} in structured form. */
    Jacobian jacobian(double[] x, double lambda);

    /**
     * {@code D_x F = -diag(delta) + lowRank} (full null), or the dense n x n {@code full} (lowRank null); {@code similar}
     * supplies, on demand, a symmetric matrix of the same non-trivial spectrum where there is one (r x r: similar to
     * {@code V^T U}; n x n for a dense J), else null.
     */
    record Jacobian(double[] delta, LowRankPart lowRank, double[] full, Supplier<double[]> similar) {

        public Jacobian {
            int n = delta.length;
            if ((lowRank == null) == (full == null) || full != null && full.length != n * n
                    || lowRank != null && lowRank.n() != n) {
                throw new IllegalArgumentException("a structured Jacobian is low-rank or dense, of the state's size");
            }
        }

        /** The dimension n. */
        public int n() {
            return delta.length;
        }

        /** The rank of the low-rank part (0 for a dense Jacobian). */
        public int r() {
            return lowRank == null ? 0 : lowRank.r();
        }

        /** The symmetric similar matrix, or null. */
        double[] symmetric() {
            return similar == null ? null : similar.get();
        }

        /** Whether delta is one number (then the spectrum is -delta_0 and -delta_0 + eig(V^T U)). */
        public boolean constantDelta() {
            double d0 = delta[0];
            for (double d : delta) {
                if (Math.abs(d - d0) > 1e-15 * Math.abs(d0)) {
                    return false;
                }
            }
            return true;
        }

        /** {@code V^T U}, r x r. */
        double[] small() {
            return lowRank.vtu();
        }

        /** The dense n x n matrix, row-major (O(n^2 r) for a low-rank one). */
        public double[] dense() {
            return full != null ? full : lowRank.dense(delta);
        }
    }
}
