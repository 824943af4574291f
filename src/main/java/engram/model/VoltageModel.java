package engram.model;

import engram.activation.Activation;
import engram.integrate.Switching;
import engram.integrate.VectorField;
import engram.memory.Couplings;

/**
 * The graded-response (voltage) Hopfield model, theory.md section 1 (Hopfield 1984):
 * {@code tau dx/dt = -x + W psi(x) + u}, with energy (phi = psi(x))
 * {@code E(x) = -1/2 phi^T W phi - u^T phi + sum_i [x_i psi(x_i) - int_0^{x_i} psi]},
 * gradient {@code diag(psi'(x)) (x - W psi(x) - u)} and Jacobian {@code (1/tau)(-I + W diag(psi'(x)))}.
 * For symmetric W and increasing psi, {@code dE/dt = -tau xdot^T diag(psi') xdot <= 0}.
 * Holds scratch buffers: one instance per thread.
 */
public final class VoltageModel implements VectorField, EnergyFunction, Switching {

    private final double tau;
    private final Couplings w;
    private final Activation psi;
    private final Input input;
    private final double[] phi;
    private final double[] wphi;

    public VoltageModel(double tau, Couplings w, Activation psi, Input input) {
        input.requireModel(tau, w.n());
        this.tau = tau;
        this.w = w;
        this.psi = psi;
        this.input = input;
        this.phi = new double[w.n()];
        this.wphi = new double[w.n()];
    }

    public double tau() { return tau; }

    /** {@code x_i - c_k} for every unit i and kink c_k of psi, index {@code i K + k}. */
    @Override public int switchingFunctions() {
        return w.n() * psi.kinks().length;
    }

    @Override public void switching(double t, double[] x, double[] out) {
        double[] kinks = psi.kinks();
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < kinks.length; k++) {
                out[i * kinks.length + k] = x[i] - kinks[k];
            }
        }
    }

    public Couplings couplings() { return w; }

    public Activation activation() { return psi; }

    public Input input() { return input; }

    @Override public int dimension() { return w.n(); }

    @Override public void evaluate(double t, double[] x, double[] dxdt) {
        psi.apply(x, phi);
        w.multiply(phi, wphi);
        double inv = 1 / tau;
        if (input.isConstant()) {
            double[] u = input.u0();
            for (int i = 0; i < x.length; i++) {
                dxdt[i] = (wphi[i] - x[i] + u[i]) * inv;
            }
        } else {
            for (int i = 0; i < x.length; i++) {
                dxdt[i] = (wphi[i] - x[i] + input.at(t, i)) * inv;
            }
        }
    }

    @Override public void jacobian(double t, double[] x, double[] jac) {
        int n = x.length;
        for (int j = 0; j < n; j++) {
            double dj = psi.derivative(x[j]);
            for (int i = 0; i < n; i++) {
                jac[i * n + j] = (w.entry(i, j) * dj - (i == j ? 1 : 0)) / tau;
            }
        }
    }

    /** The energy at time 0's input (constant-input models). */
    @Override public double energy(double[] x) {
        psi.apply(x, phi);
        w.multiply(phi, wphi);
        double e = 0;
        for (int i = 0; i < x.length; i++) {
            e += -0.5 * phi[i] * wphi[i] - input.u0()[i] * phi[i] + x[i] * phi[i] - psi.integral(x[i]);
        }
        return e;
    }

    @Override public void gradient(double[] x, double[] grad) {
        psi.apply(x, phi);
        w.multiply(phi, wphi);
        for (int i = 0; i < x.length; i++) {
            grad[i] = psi.derivative(x[i]) * (x[i] - wphi[i] - input.u0()[i]);
        }
    }
}
