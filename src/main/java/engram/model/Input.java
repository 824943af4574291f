package engram.model;

/**
 * External input {@code u(t) = u0 + t * rate}. A non-zero rate breaks the constant-input hypothesis of several
 * theorems (rate-voltage equivalence): it exists so that negative controls can leave those hypotheses.
 */
public record Input(double[] u0, double[] rate) {

    public Input {
        if (rate != null && rate.length != u0.length) {
            throw new IllegalArgumentException("input rate has " + rate.length + " entries, expected " + u0.length);
        }
    }

    public static Input constant(double[] u0) {
        return new Input(u0, null);
    }

    public static Input zero(int n) {
        return new Input(new double[n], null);
    }

    /** Checks what every rate and voltage model needs: a finite tau > 0, and this input on all n units. */
    void requireModel(double tau, int n) {
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
        }
        if (u0.length != n) {
            throw new IllegalArgumentException("input has " + u0.length + " entries, expected " + n);
        }
    }

    public boolean isConstant() {
        return rate == null;
    }

    public double at(double t, int i) {
        return rate == null ? u0[i] : u0[i] + t * rate[i];
    }
}
