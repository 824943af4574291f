package engram.landscape;

/**
 * A one-parameter family of vector fields {@code F(x, lambda)} whose equilibria {@code F = 0} are continued
 * ({@link Continuation}); the Jacobian comes in the structured form {@code D_x F = -diag(delta) + U V^T}, which a
 * low-rank network supplies with r = P and a dense one with r = n (docs/theory.md section 9.4).
 */
public interface EquilibriumFamily {

    /** The state's dimension n. */
    int dimension();

    /** {@code out = F(x, lambda)}. */
    void field(double[] x, double lambda, double[] out);

    /** The Jacobian {@code D_x F(x, lambda)} in structured form. */
    Jacobian jacobian(double[] x, double lambda);

    /**
     * {@code D_x F = -diag(delta) + U V^T}: delta has n entries, U and V are n x r, row-major (a low-rank network),
     * with {@code similar} a symmetric r x r matrix similar to {@code V^T U} where there is one (else null); or, for a
     * dense network, r = 0 and {@code full} the n x n matrix itself, with {@code similar} a symmetric n x n matrix of
     * the same spectrum where there is one (symmetric W and non-negative slopes), else null.
     */
    record Jacobian(double[] delta, int r, double[] u, double[] v, double[] full, double[] similar) {

        public Jacobian {
            int n = delta.length;
            if (r < 0 || u.length != n * r || v.length != n * r || full != null && full.length != n * n) {
                throw new IllegalArgumentException("a structured Jacobian needs n x r factors U and V or an n x n matrix");
            }
        }

        /** A low-rank Jacobian {@code -diag(delta) + U V^T}, and a symmetric r x r matrix similar to V^T U (or null). */
        public static Jacobian lowRank(double[] delta, int r, double[] u, double[] v, double[] similar) {
            return new Jacobian(delta, r, u, v, null, similar);
        }

        /** A dense Jacobian, and a symmetric matrix similar to it (or null). */
        public static Jacobian dense(double[] full, double[] similar) {
            int n = (int) Math.round(Math.sqrt(full.length));
            double[] delta = new double[n];
            for (int i = 0; i < n; i++) {
                delta[i] = -full[i * n + i];
            }
            return new Jacobian(delta, 0, new double[0], new double[0], full, similar);
        }

        /** The dimension n. */
        public int n() {
            return delta.length;
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

        /** {@code J y}: O(n r), or O(n^2) dense. */
        public double[] apply(double[] y) {
            int n = n();
            if (full != null) {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int l = 0; l < n; l++) {
                        s += full[i * n + l] * y[l];
                    }
                    out[i] = s;
                }
                return out;
            }
            double[] h = new double[r];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < r; k++) {
                    h[k] += v[i * r + k] * y[i];
                }
            }
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                double s = -delta[i] * y[i];
                for (int k = 0; k < r; k++) {
                    s += u[i * r + k] * h[k];
                }
                out[i] = s;
            }
            return out;
        }

        /** The dense n x n matrix, row-major (O(n^2 r) for a low-rank one). */
        public double[] dense() {
            if (full != null) {
                return full;
            }
            int n = n();
            double[] j = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int l = 0; l < n; l++) {
                    double s = i == l ? -delta[i] : 0;
                    for (int k = 0; k < r; k++) {
                        s += u[i * r + k] * v[l * r + k];
                    }
                    j[i * n + l] = s;
                }
            }
            return j;
        }
    }
}
