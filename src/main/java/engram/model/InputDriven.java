package engram.model;

import engram.activation.Activation;
import engram.memory.LowRankCouplings;
import engram.memory.PatternSet;

/**
 * Input-driven plasticity (IDP, Betteti, Baggio, Bullo and Zampieri, Science Advances 2025; theory.md section 3): the
 * input u reshapes the synapses instead of entering additively,
 * <pre>
 *   tau dx/dt = -x + W(u) psi(x),   W(u) = (1/N) Xi diag(alpha(u)) Xi^T,   alpha_mu(u) = xi_mu^T u / N,
 * </pre>
 * with or without the self-couplings (the authors' experiments zero them; the orthogonal-pattern theorems keep them).
 * For a fixed u this is the voltage model with the low-rank couplings W(u) and no additive input, so its energy
 * {@code E(x) = -1/2 phi^T W(u) phi + x^T phi - sum_i int_0^{x_i} psi} and Jacobian are the voltage model's. The
 * classic comparator is {@code tau dx/dt = -x + (1/N) Xi Xi^T psi(x) + u} (zero diagonal). W(u) is applied in its
 * low-rank form, O(N P) per product; the N x N matrix is never built.
 */
public final class InputDriven {

    private InputDriven() {
    }

    /** {@code alpha_mu = xi_mu^T u / N}. */
    public static double[] alpha(PatternSet xi, double[] u) {
        double[] a = new double[xi.p()];
        xi.projectOnto(u, a);
        for (int mu = 0; mu < a.length; mu++) {
            a[mu] /= xi.n();
        }
        return a;
    }

    /** {@code W(u) = (1/N) Xi diag(alpha) Xi^T}, without its diagonal when {@code zeroDiagonal}. */
    public static LowRankCouplings couplings(PatternSet xi, double[] alpha, boolean zeroDiagonal) {
        return LowRankCouplings.weighted(xi, alpha, zeroDiagonal);
    }

    /** The IDP model for the fixed input u. */
    public static VoltageModel model(double tau, PatternSet xi, double[] u, Activation psi, boolean zeroDiagonal) {
        return withAlpha(tau, xi, alpha(xi, u), psi, zeroDiagonal);
    }

    /** The IDP model whose input gives the synaptic weights alpha. */
    public static VoltageModel withAlpha(double tau, PatternSet xi, double[] alpha, Activation psi, boolean zeroDiagonal) {
        return new VoltageModel(tau, couplings(xi, alpha, zeroDiagonal), psi, Input.zero(xi.n()));
    }

    /** The classic comparator: Hebbian couplings (zero diagonal) and u as an additive input. */
    public static VoltageModel classic(double tau, PatternSet xi, double[] u, Activation psi) {
        return new VoltageModel(tau, LowRankCouplings.hebbian(xi, true), psi, Input.constant(u));
    }

    /** The authors' readout {@code m_mu = |xi_mu^T psi(x)| / N} into {@code out}, with {@code buffer} for psi(x). */
    public static void overlaps(PatternSet xi, Activation psi, double[] x, double[] buffer, double[] out) {
        psi.apply(x, buffer);
        xi.projectOnto(buffer, out);
        for (int mu = 0; mu < out.length; mu++) {
            out[mu] = Math.abs(out[mu]) / xi.n();
        }
    }
}
