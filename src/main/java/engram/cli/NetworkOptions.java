package engram.cli;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.certify.ProofNetwork;
import engram.check.ArrayFile;
import engram.check.GivenNetwork;
import engram.landscape.Basins;
import engram.landscape.NetworkFamily;
import engram.memory.Couplings;
import engram.memory.PatternSet;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.model.InputDriven;
import engram.model.VoltageModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options that describe a user's network, shared by {@code check}, {@code certify} and {@code verify-certificate}
 * (a picocli mixin): W, patterns and input from .npy or CSV, the model, the activation and tau, each range-checked
 * here. {@code --model idp} (certify, verify-certificate) takes {@code W = Xi diag(alpha) Xi^T / N} from the patterns
 * and {@code --alphas}, its diagonal kept, as a low-rank network that is never formed ({@link #readIdp}).
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
        return model.trim().toLowerCase(Locale.ROOT);
    }

    /** The network the options describe (--model voltage or rate; idp is {@link #readIdp}). */
    GivenNetwork read() throws IOException {
        GivenNetwork.Model kind = switch (modelName()) {
            case "voltage" -> GivenNetwork.Model.VOLTAGE;
            case "rate" -> GivenNetwork.Model.RATE;
            default -> throw new IllegalArgumentException("--model must be voltage or rate, got '" + model + "'");
        };
        Activation psi = common();
        if (alphas != null) {
            throw new IllegalArgumentException("--alphas belongs to --model idp (it builds W from the patterns)");
        }
        ArrayFile[] wx = givenArrays();
        int n = wx[0].rows(), p = wx[1] == null ? 0 : wx[1].cols();
        return new GivenNetwork(kind, n, wx[0].data(), p, wx[1] == null ? null : wx[1].data(), input(n), psi, tau);
    }

    /** An IDP network: the proof network (low-rank W), its patterns and weights. */
    record Idp(ProofNetwork net, PatternSet patterns, double[] alphas) {
    }

    /** --model idp: {@code W = Xi diag(alpha) Xi^T / N} from --patterns and --alphas, never formed. */
    Idp readIdp() throws IOException {
        if (!idp()) {
            throw new IllegalStateException("readIdp needs --model idp");
        }
        Activation psi = common();
        ArrayFile xi = idpArrays();
        int n = xi.rows(), p = xi.cols();
        double[] alpha = alphas.stream().mapToDouble(Double::doubleValue).toArray();
        return new Idp(ProofNetwork.lowRank(n, p, xi.data(), alpha, input(n), psi, tau), new PatternSet(n, p, xi.data(),
                "given"), alpha);
    }

    /** A voltage-model network and its patterns (null: none given), as basins and landscape take them. */
    record Voltage(VoltageModel model, PatternSet patterns, String name) {
    }

    /**
     * The voltage or IDP network the options describe ({@code command} names the caller in the refusal of the rate
     * model); IDP couplings are applied in low-rank form, O(NP).
     */
    Voltage readVoltage(String command) throws IOException {
        if (idp()) {
            Idp idp = readIdp();
            PatternSet xi = idp.patterns();
            return new Voltage(new VoltageModel(idp.net().tau(), InputDriven.couplings(xi, idp.alphas(), false),
                    idp.net().activation(), Input.zero(xi.n())), xi, "idp");
        }
        GivenNetwork g = read();
        if (g.model() != GivenNetwork.Model.VOLTAGE) {
            throw new IllegalArgumentException("--model: " + command + " takes the voltage and idp models, got rate");
        }
        return new Voltage((VoltageModel) g.field(), g.patternSet(), "voltage");
    }

    /** A network as engram basins samples it (voltage, IDP or rate model), its patterns (null: none) and name. */
    record Sampled(Basins.Dynamics dynamics, PatternSet patterns, String name) {
    }

    /** The voltage, IDP or rate network the options describe, for sampling (IDP couplings in low-rank form). */
    Sampled readSampled(String command) throws IOException {
        if (idp() || !"rate".equals(modelName())) {
            Voltage v = readVoltage(command);
            return new Sampled(Basins.Dynamics.of(v.model()), v.patterns(), v.name());
        }
        GivenNetwork g = read();
        if (g.p() > 0 && Arrays.stream(g.patterns()).anyMatch(v -> v != 0 && v != 1)) {
            throw new IllegalArgumentException("--patterns: the rate model's memories are 0/1 patterns (entries 0 or 1), "
                    + "got other entries");
        }
        return new Sampled(Basins.Dynamics.of((FiringRateModel) g.field()), g.patternSet(), "rate");
    }

    /**
     * The network as a one-parameter family for engram continue: {@code parameter} replaces the gain (rho), the
     * threshold or one IDP weight; the patterns (null: none), the constant input (null: none) and the model's name.
     */
    record Family(NetworkFamily family, PatternSet patterns, double[] input, String name, double[] alphas) {
    }

    Family family(String parameter) throws IOException {
        if (idp()) {
            Idp idp = readIdp();
            PatternSet xi = idp.patterns();
            double[] u = input(xi.n());
            return new Family(NetworkFamily.parametrised(NetworkFamily.Model.VOLTAGE, InputDriven.couplings(xi,
                    idp.alphas(), false), activation, gain, threshold, u, parameter), xi, u, "idp", idp.alphas());
        }
        GivenNetwork g = read();
        NetworkFamily.Model m = g.model() == GivenNetwork.Model.RATE ? NetworkFamily.Model.RATE : NetworkFamily.Model.VOLTAGE;
        Couplings w = g.couplings();
        double[] u = input == null ? null : g.input();
        return new Family(NetworkFamily.parametrised(m, w, activation, gain, threshold, u, parameter), g.patternSet(), u,
                modelName(), null);
    }

    /** The proof network the options describe, whatever the model. */
    ProofNetwork readProofNetwork() throws IOException {
        return idp() ? readIdp().net() : read().proofNetwork();
    }

    /** The checks every model shares; the activation. */
    private Activation common() {
        if (!List.of("voltage", "rate", "idp").contains(modelName())) {
            throw new IllegalArgumentException("--model must be voltage, rate or idp, got '" + model + "'");
        }
        Ranges.within("--gain", gain, 1e-6, 1e6);
        Ranges.within("--tau", tau, 1e-6, 1e6);
        Ranges.within("--threshold", threshold, -1e6, 1e6);
        if (activation == ActivationKind.SIGN) {
            throw new IllegalArgumentException("--activation sign has no continuous-time model; use tanh with a large gain");
        }
        return activation.of(gain, threshold);
    }

    /** --input, checked against n (null: none). */
    private double[] input(int n) throws IOException {
        if (input == null) {
            return null;
        }
        double[] u = ArrayFile.read(input, "--input").vector("--input", input);
        if (u.length != n) {
            throw new IllegalArgumentException("--input: " + input + " has " + u.length + " entries, W is " + n + " x " + n);
        }
        return u;
    }

    /** --model idp: the patterns (W is built from them), checked against --alphas. */
    private ArrayFile idpArrays() throws IOException {
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
        return a;
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

}
