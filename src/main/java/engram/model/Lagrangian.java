package engram.model;

import engram.activation.Activation;
import java.util.Arrays;

/**
 * A Lagrangian L on R^n whose gradient is a layer's activation (Krotov and Hopfield 2021; theory.md section 4):
 * {@code g = grad L}. The two-layer energy decreases when both Lagrangians have positive semi-definite Hessians.
 */
public interface Lagrangian {

    String name();

    double value(double[] x);

    /** The activation {@code g = grad L(x)} into {@code out}. */
    void gradient(double[] x, double[] out);

    /** The Hessian times a vector, {@code out = Hess L(x) v}. */
    void hessianTimes(double[] x, double[] v, double[] out);

    /** Whether the Hessian is positive semi-definite everywhere. */
    boolean convex();

    /** {@code L = 1/2 sum_i w_i x_i^2}: {@code g = w (.) x}; convex iff every w_i >= 0. */
    static Lagrangian quadratic(double[] weights) {
        double[] w = weights.clone();
        return new Lagrangian() {
            @Override public String name() { return "quadratic"; }

            @Override public double value(double[] x) {
                double s = 0;
                for (int i = 0; i < x.length; i++) {
                    s += 0.5 * w[i] * x[i] * x[i];
                }
                return s;
            }

            @Override public void gradient(double[] x, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    out[i] = w[i] * x[i];
                }
            }

            @Override public void hessianTimes(double[] x, double[] v, double[] out) {
                gradient(v, out);
            }

            @Override public boolean convex() {
                for (double v : w) {
                    if (v < 0) {
                        return false;
                    }
                }
                return true;
            }
        };
    }

    /** The same weight for every unit. */
    static Lagrangian quadratic(int n, double weight) {
        double[] w = new double[n];
        Arrays.fill(w, weight);
        return quadratic(w);
    }

    /** {@code L = (1/beta) log sum_i exp(beta x_i)}: {@code g = softmax(beta x)}, Hessian beta (diag(g) - g g^T) >= 0. */
    static Lagrangian logSumExp(double beta) {
        return new Lagrangian() {
            @Override public String name() { return "log-sum-exp"; }

            @Override public double value(double[] x) {
                return ModernHopfield.lse(beta, x);
            }

            @Override public void gradient(double[] x, double[] out) {
                ModernHopfield.softmax(beta, x, out);
            }

            @Override public void hessianTimes(double[] x, double[] v, double[] out) {
                ModernHopfield.softmax(beta, x, out);
                double gv = 0;
                for (int i = 0; i < x.length; i++) {
                    gv += out[i] * v[i];
                }
                for (int i = 0; i < x.length; i++) {
                    out[i] = beta * out[i] * (v[i] - gv);
                }
            }

            @Override public boolean convex() { return true; }
        };
    }

    /** {@code L = sum_i int_0^{x_i} psi}: {@code g_i = psi(x_i)}, Hessian diag(psi'), convex iff psi is non-decreasing. */
    static Lagrangian additive(Activation psi) {
        return new Lagrangian() {
            @Override public String name() { return "additive " + psi.name(); }

            @Override public double value(double[] x) {
                double s = 0;
                for (double v : x) {
                    s += psi.integral(v);
                }
                return s;
            }

            @Override public void gradient(double[] x, double[] out) {
                psi.apply(x, out);
            }

            @Override public void hessianTimes(double[] x, double[] v, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    out[i] = psi.derivative(x[i]) * v[i];
                }
            }

            @Override public boolean convex() { return psi.monotone(); }
        };
    }
}
