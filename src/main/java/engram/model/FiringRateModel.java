package engram.model;

import engram.activation.Activation;
import engram.memory.Couplings;

/**
 * The firing-rate model {@code tau dr/dt = -r + Phi(W r + u)} (theory.md sections 1-2), with Jacobian
 * {@code (1/tau)(-I + diag(Phi'(W r + u)) W)}. If Phi >= 0 the orthant r >= 0 is forward invariant, and if also
 * Phi <= 1 so is [0,1]^N. Holds scratch buffers: one instance per thread.
 */
public final class FiringRateModel implements VectorField {

    private final double tau;
    private final Couplings w;
    private final Activation phi;
    private final Input input;
    private final double[] field;

    public FiringRateModel(double tau, Couplings w, Activation phi, Input input) {
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
        }
        if (input.u0().length != w.n()) {
            throw new IllegalArgumentException("input has " + input.u0().length + " entries, expected " + w.n());
        }
        this.tau = tau;
        this.w = w;
        this.phi = phi;
        this.input = input;
        this.field = new double[w.n()];
    }

    public double tau() { return tau; }

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
