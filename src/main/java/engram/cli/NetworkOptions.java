package engram.cli;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.check.ArrayFile;
import engram.check.GivenNetwork;
import engram.memory.PatternSet;
import engram.model.InputDriven;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that describe a user's network, shared by {@code check}, {@code certify} and {@code verify-certificate}
 * (a picocli mixin): W, patterns and input from .npy or CSV, the model, the activation and tau, each range-checked
 * here. {@code --model idp} (certify, verify-certificate) builds {@code W = Xi diag(alpha) Xi^T / N} from the patterns
 * and {@code --alphas}, its diagonal kept.
 */
final class NetworkOptions {

    @Option(names = "--couplings", paramLabel = "W.npy|W.csv", description = "The coupling matrix W, n x n.")
    Path couplings;

    @Option(names = "--patterns", paramLabel = "Xi.npy|Xi.csv", description = "Patterns, n x P (column mu is pattern mu).")
    Path patterns;

    @Option(names = "--input", paramLabel = "u.npy|u.csv", description = "Constant input u, n entries (default 0).")
    Path input;

    @Option(names = "--model", defaultValue = "voltage", description = "voltage (tau x' = -x + W psi(x) + u) | rate "
            + "(tau r' = -r + Phi(W r + u)) | idp (certify: W = Xi diag(alpha) Xi^T / N) (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--activation", defaultValue = "tanh", description = "tanh | logistic | rectified-tanh | relu | "
            + "algebraic | sinh | hard-tanh (default ${DEFAULT-VALUE}).")
    ActivationKind activation;

    @Option(names = "--gain", defaultValue = "1", description = "Gain (slope rho for the sigmoids), in [1e-6, 1e6] (default ${DEFAULT-VALUE}).")
    double gain;

    @Option(names = "--threshold", defaultValue = "0", description = "Threshold I* of the sigmoids, in [-1e6, 1e6] (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--tau", defaultValue = "1", description = "Time constant, in [1e-6, 1e6] (default ${DEFAULT-VALUE}).")
    double tau;

    @Option(names = "--alphas", split = ",", paramLabel = "a1,a2,...", description = "idp only: the input's weight alpha_mu "
            + "on each pattern, one per column of --patterns, each in [-1e6, 1e6].")
    List<Double> alphas;

    /** Whether --model is idp (which builds W from the patterns). */
    boolean idp() {
        return "idp".equals(modelName());
    }

    private String modelName() {
        return model.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** The network the options describe; {@code allowIdp} says whether the command takes --model idp. */
    GivenNetwork read(boolean allowIdp) throws IOException {
        String m = modelName();
        GivenNetwork.Model kind = switch (m) {
            case "voltage", "idp" -> GivenNetwork.Model.VOLTAGE;
            case "rate" -> GivenNetwork.Model.RATE;
            default -> throw new IllegalArgumentException("--model must be voltage" + (allowIdp ? ", rate or idp" : " or rate")
                    + ", got '" + model + "'");
        };
        if (m.equals("idp") && !allowIdp) {
            throw new IllegalArgumentException("--model must be voltage or rate, got '" + model + "'");
        }
        Ranges.within("--gain", gain, 1e-6, 1e6);
        Ranges.within("--tau", tau, 1e-6, 1e6);
        Ranges.within("--threshold", threshold, -1e6, 1e6);
        if (activation == ActivationKind.SIGN) {
            throw new IllegalArgumentException("--activation sign has no continuous-time model; use tanh with a large gain");
        }
        if (alphas != null && !m.equals("idp")) {
            throw new IllegalArgumentException("--alphas belongs to --model idp (it builds W from the patterns)");
        }
        ArrayFile[] wx = m.equals("idp") ? idpArrays() : givenArrays();
        int n = wx[1] != null ? wx[1].rows() : wx[0].rows(), p = wx[1] == null ? 0 : wx[1].cols();
        double[] xi = wx[1] == null ? null : wx[1].data();
        double[] w = m.equals("idp") ? idpCouplings(xi, n, p) : wx[0].data();
        double[] u = null;
        if (input != null) {
            u = ArrayFile.read(input, "--input").vector("--input", input);
            if (u.length != n) {
                throw new IllegalArgumentException("--input: " + input + " has " + u.length + " entries, W is " + n + " x " + n);
            }
        }
        Activation psi = activation.of(gain, threshold);
        return new GivenNetwork(kind, n, w, p, xi, u, psi, tau);
    }

    /** --model idp: the patterns (W is built from them), checked against --alphas. */
    private ArrayFile[] idpArrays() throws IOException {
        if (couplings != null) {
            throw new IllegalArgumentException("--couplings: --model idp builds W from --patterns and --alphas");
        }
        if (patterns == null || alphas == null) {
            throw new IllegalArgumentException("--model idp needs --patterns and --alphas");
        }
        ArrayFile a = ArrayFile.read(patterns, "--patterns");
        Ranges.eachWithin("--alphas", alphas, -1e6, 1e6, a.cols());
        if (alphas.size() != a.cols()) {
            throw new IllegalArgumentException("--alphas: " + alphas.size() + " values for " + a.cols() + " patterns");
        }
        return new ArrayFile[] {null, a};
    }

    /** W and, when given, the patterns, their shapes checked against each other. */
    private ArrayFile[] givenArrays() throws IOException {
        if (couplings == null) {
            throw new IllegalArgumentException("--couplings is required (W, n x n)");
        }
        ArrayFile a = ArrayFile.read(couplings, "--couplings");
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("--couplings: " + couplings + " is " + a.rows() + " x " + a.cols()
                    + ", W must be square");
        }
        ArrayFile b = patterns == null ? null : ArrayFile.read(patterns, "--patterns");
        if (b != null && b.rows() != a.rows()) {
            throw new IllegalArgumentException("--patterns: " + patterns + " is " + b.rows() + " x " + b.cols()
                    + ", expected " + a.rows() + " rows (n x P, one column per pattern) to match W");
        }
        return new ArrayFile[] {a, b};
    }

    /** {@code W = Xi diag(alpha) Xi^T / N}, diagonal kept (the orthogonal-memory theory's setting). */
    private double[] idpCouplings(double[] xi, int n, int p) {
        double[] alpha = alphas.stream().mapToDouble(Double::doubleValue).toArray();
        return InputDriven.couplings(new PatternSet(n, p, xi, "given"), alpha, false).toDense();
    }
}
