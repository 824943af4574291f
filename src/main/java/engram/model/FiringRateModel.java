package engram.model;

import engram.activation.Activation;
import engram.integrate.Switching;
import engram.integrate.VectorField;
import engram.memory.Couplings;

/**
 * The firing-rate model {@code tau dr/dt = -r + Phi(W r + u)} (theory.md sections 1-2), with Jacobian
 * {@code (1/tau)(-I + diag(Phi'(W r + u)) W)}. If Phi >= 0 the orthant r >= 0 is forward invariant, and if also
 * Phi <= 1 so is [0,1]^N. For symmetric W its energy (theory.md section 2) is
 * {@code E_FR(r) = -1/2 r^T W r - u^T r + sum_i G(r_i)}, G a primitive of Phi^-1, with
 * {@code grad E_FR = Phi^-1(r) - W r - u}: each component has the opposite sign of {@code rdot_i}, so E_FR never
 * increases. At the edges of Phi's range G is continued by its finite limit (see {@link Activation#inverseIntegral});
 * outside the range E_FR is +infinity. Holds scratch buffers: one instance per thread.
 */
public final class FiringRateModel implements VectorField, EnergyFunction, Switching {

    private final double tau;
    private final Couplings w;
    private final Activation phi;
    private final Input input;
    private final double[] field;

    public FiringRateModel(double tau, Couplings w, Activation phi, Input input) {
        input.requireModel(tau, w.n());
        this.tau = tau;
        this.w = w;
        this.phi = phi;
        this.input = input;
        this.field = new double[w.n()];
    }

    public double tau() { return tau; }

    /** {@code (W r + u(t))_i - c_k} for every unit i and kink c_k of Phi, index {@code i K + k}. */
    @Override public int switchingFunctions() {
        return w.n() * phi.kinks().length;
    }

    @Override public void switching(double t, double[] r, double[] out) {
        double[] kinks = phi.kinks();
        w.multiply(r, field);
        for (int i = 0; i < r.length; i++) {
            for (int k = 0; k < kinks.length; k++) {
                out[i * kinks.length + k] = field[i] + input.at(t, i) - kinks[k];
            }
        }
    }

    public Couplings couplings() { return w; }

    public Activation activation() { return phi; }

    public Input input() { return input; }

    @Override public int dimension() { return w.n(); }

    @Override public void evaluate(double t, double[] r, double[] drdt) {
        w.multiply(r, field);
        double inv = 1 / tau;
        for (int i = 0; i < r.length; i++) {
            drdt[i] = (-r[i] + phi.value(field[i] + input.at(t, i))) * inv;
        }
    }

    /** E_FR at the input u(0) (constant-input models). */
    @Override public double energy(double[] r) {
        w.multiply(r, field);
        double e = 0;
        for (int i = 0; i < r.length; i++) {
            e += -0.5 * r[i] * field[i] - input.u0()[i] * r[i] + phi.inverseIntegral(r[i]);
        }
        return e;
    }

    /** {@code Phi^-1(r) - W r - u}, inside the open range of Phi. */
    @Override public void gradient(double[] r, double[] grad) {
        w.multiply(r, field);
        for (int i = 0; i < r.length; i++) {
            grad[i] = phi.inverse(r[i]) - field[i] - input.u0()[i];
        }
    }

    @Override public void jacobian(double t, double[] r, double[] jac) {
        int n = r.length;
        w.multiply(r, field);
        for (int i = 0; i < n; i++) {
            double di = phi.derivative(field[i] + input.at(t, i));
            for (int j = 0; j < n; j++) {
                jac[i * n + j] = (di * w.entry(i, j) - (i == j ? 1 : 0)) / tau;
            }
        }
    }
}
