package engram.check;

import engram.activation.Activation;
import engram.certify.ProofNetwork;
import engram.integrate.VectorField;
import engram.memory.DenseCouplings;
import engram.memory.PatternSet;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.model.VoltageModel;

/**
 * A network given by its user (saved from numpy, or built in Java): {@code tau xdot = -x + W psi(x) + u} (voltage) or
 * {@code tau rdot = -r + Phi(W r + u)} (rate), with W (n x n, row-major), optional patterns (n x p, row-major: column
 * mu is pattern mu) and a constant input u. Sizes, finiteness and tau are checked here.
 */
public record GivenNetwork(Model model, int n, double[] w, int p, double[] patterns, double[] input,
        Activation activation, double tau) {

    /** The two continuous-time models. */
    public enum Model {
        VOLTAGE, RATE
    }

    public GivenNetwork {
        if (n < 1 || w == null || w.length != (long) n * n) {
            throw new IllegalArgumentException("W must be square: " + (w == null ? 0 : w.length) + " entries for n = " + n);
        }
        if (patterns != null && patterns.length != (long) n * p) {
            throw new IllegalArgumentException("patterns must be n x p = " + n + " x " + p + ", got " + patterns.length
                    + " entries");
        }
        if (input != null && input.length != n) {
            throw new IllegalArgumentException("input has " + input.length + " entries, W is " + n + " x " + n);
        }
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
        }
        for (double v : w) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("W has a non-finite entry: " + v);
            }
        }
        w = w.clone();
        patterns = patterns == null ? null : patterns.clone();
        input = input == null ? new double[n] : input.clone();
    }

    /** A voltage network from a Java matrix (rows), without patterns. */
    public static GivenNetwork voltage(double[][] w, Activation psi, double[] u, double tau) {
        return new GivenNetwork(Model.VOLTAGE, w.length, flatten(w), 0, null, u, psi, tau);
    }

    /** A firing-rate network from a Java matrix (rows), without patterns. */
    public static GivenNetwork rate(double[][] w, Activation phi, double[] u, double tau) {
        return new GivenNetwork(Model.RATE, w.length, flatten(w), 0, null, u, phi, tau);
    }

    /** The same network with these patterns (columns of an n x p matrix given as p arrays of n). */
    public GivenNetwork withPatterns(double[]... columns) {
        double[] flat = new double[n * columns.length];
        for (int mu = 0; mu < columns.length; mu++) {
            if (columns[mu].length != n) {
                throw new IllegalArgumentException("pattern " + mu + " has " + columns[mu].length + " entries, W is " + n
                        + " x " + n);
            }
            for (int i = 0; i < n; i++) {
                flat[i * columns.length + mu] = columns[mu][i];
            }
        }
        return new GivenNetwork(model, n, w, columns.length, flat, input, activation, tau);
    }

    static double[] flatten(double[][] rows) {
        int n = rows.length;
        double[] flat = new double[n * n];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != n) {
                throw new IllegalArgumentException("W must be square: row " + i + " has " + rows[i].length + " entries, "
                        + "there are " + n + " rows");
            }
            System.arraycopy(rows[i], 0, flat, i * n, n);
        }
        return flat;
    }

    public DenseCouplings couplings() {
        return new DenseCouplings(n, w);
    }

    /** The patterns as a pattern set, or null when none were given. */
    public PatternSet patternSet() {
        return p == 0 ? null : new PatternSet(n, p, patterns, "given");
    }

    /** The vector field (an {@link engram.model.EnergyFunction} too). */
    public VectorField field() {
        return model == Model.VOLTAGE ? new VoltageModel(tau, couplings(), activation, Input.constant(input))
                : new FiringRateModel(tau, couplings(), activation, Input.constant(input));
    }

    /** The same network as interval-arithmetic proofs take it ({@code engram certify}, {@code verify-certificate}). */
    public ProofNetwork proofNetwork() {
        return new ProofNetwork(model == Model.VOLTAGE, n, w, input, activation, tau);
    }

    /** Pattern mu as a vector. */
    public double[] pattern(int mu) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = patterns[i * p + mu];
        }
        return v;
    }
}
