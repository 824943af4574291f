package engram.network;

import engram.Heap;
import engram.activation.ActivationKind;
import engram.memory.FiringRateDesign;
import engram.memory.MemoryKind;
import java.util.random.RandomGenerator;

/**
 * A network described by small typed parameters: the model, the memories (kind, N, P, activity q, co-activity r),
 * the coupling rule (Hebbian / covariance, or the firing-rate design with target fields a < b), the activation
 * (kind, gain or slope, threshold), the time constant, the couplings' form (zero diagonal; dense or low rank), a
 * constant input along one memory or a sequence of the IDP paper's mixed inputs, and the modern network's beta.
 * {@code simulate}, {@code bench}, the claims and the report's figures all build their networks from it. Parameter
 * names in messages are the command line's option names.
 *
 * @param inputPattern the memory whose direction the constant input takes ({@code u = s xi_mu}; for 0/1 memories
 *     {@code s (xi_mu - q)}), or -1 for u = 0
 * @param mixtures for the idp and classic models: the number of the paper's mixed inputs in sequence (memory j
 *     dominant in input j), 0 for the constant input
 * @param dense materialise W as a dense N x N matrix (benchmarks, and networks that are not low rank)
 */
public record NetworkSpec(ModelKind model, int n, int p, MemoryKind memories, double q, double r, CouplingRule design,
        double a, double b, ActivationKind activation, double gain, double threshold, double tau, boolean zeroDiagonal,
        boolean dense, int inputPattern, double inputStrength, int mixtures, double beta) {

    /** The defaults of {@code simulate}. */
    public static final NetworkSpec DEFAULT = new NetworkSpec(ModelKind.VOLTAGE, 100, 3, MemoryKind.RANDOM, 0.2, 0.5,
            CouplingRule.HEBBIAN, FiringRateDesign.REFERENCE_A, FiringRateDesign.REFERENCE_B, ActivationKind.TANH, 2, 0,
            1, true, false, -1, 0.5, 0, 0.1);

    public NetworkSpec {
        require(n >= 1 && n <= 1_000_000, "--n must be in [1, 1000000], got " + n);
        require(r >= 0 && r < 1, "--r must be in [0, 1), got " + r);
        require(design == CouplingRule.HEBBIAN || !memories.bipolar(),
                "--design fr needs 0/1 memories: --patterns sparse, balanced or correlated");
        require(design == CouplingRule.HEBBIAN || model == ModelKind.RATE, "--design fr needs --model rate");
        require(a < b, "--a must be below --b, got a=" + a + ", b=" + b);
        require(p >= 1 && p <= n, "--p must be in [1, n=" + n + "], got " + p);
        // the memories and the low-rank factor hold N x P doubles each; a dense W, N x N
        String sizes = "--n " + n + " --p " + p;
        Heap.elements(sizes, n, p);
        if (dense) {
            Heap.elements(sizes + " (dense W)", n, n);
        }
        Heap.checkDoubles(sizes + (dense ? " with a dense W" : ""), 2.0 * n * p + (dense ? (double) n * n : 0)
                + 16.0 * n);
        require(q > 0 && q < 1, "--q must be in (0, 1), got " + q);
        require(gain > 0 && Double.isFinite(gain), "--gain must be finite and > 0, got " + gain);
        require(Double.isFinite(threshold), "--threshold must be finite, got " + threshold);
        require(tau > 0 && Double.isFinite(tau), "--tau must be finite and > 0, got " + tau);
        require(Double.isFinite(inputStrength), "--input-strength must be finite, got " + inputStrength);
        require(beta > 0 && Double.isFinite(beta), "--beta must be finite and > 0, got " + beta);
        boolean hopfield = model.inputDriven() || model == ModelKind.MODERN;
        require(!hopfield || memories.bipolar(), "--model " + model + " needs +-1 memories: --patterns random or hadamard");
        require(mixtures == 0 || model.inputDriven(), "--mixtures needs --model idp or classic");
        require(mixtures >= 0 && mixtures <= p, "--mixtures must be in [0, P=" + p + "], got " + mixtures);
        require(model != ModelKind.IDP || mixtures > 0 || inputPattern >= 0,
                "--model idp needs an input that shapes the synapses: --mixtures K or --input-pattern MU");
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The network, drawing random memories (and mixed inputs) from {@code rng}. */
    public Network build(RandomGenerator rng) {
        return new Network(this, rng);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder(DEFAULT);
    }

    /** Fluent construction from {@link #DEFAULT} or another spec; {@link #build()} validates. */
    public static final class Builder {
        private ModelKind model;
        private int n;
        private int p;
        private MemoryKind memories;
        private double q;
        private double r;
        private CouplingRule design;
        private double a;
        private double b;
        private ActivationKind activation;
        private double gain;
        private double threshold;
        private double tau;
        private boolean zeroDiagonal;
        private boolean dense;
        private int inputPattern;
        private double inputStrength;
        private int mixtures;
        private double beta;

        private Builder(NetworkSpec s) {
            model = s.model;
            n = s.n;
            p = s.p;
            memories = s.memories;
            q = s.q;
            r = s.r;
            design = s.design;
            a = s.a;
            b = s.b;
            activation = s.activation;
            gain = s.gain;
            threshold = s.threshold;
            tau = s.tau;
            zeroDiagonal = s.zeroDiagonal;
            dense = s.dense;
            inputPattern = s.inputPattern;
            inputStrength = s.inputStrength;
            mixtures = s.mixtures;
            beta = s.beta;
        }

        public Builder model(ModelKind v) { model = v; return this; }
        public Builder n(int v) { n = v; return this; }
        public Builder p(int v) { p = v; return this; }
        public Builder memories(MemoryKind v) { memories = v; return this; }
        public Builder q(double v) { q = v; return this; }
        public Builder r(double v) { r = v; return this; }
        public Builder design(CouplingRule v) { design = v; return this; }
        public Builder fields(double va, double vb) { a = va; b = vb; return this; }
        public Builder activation(ActivationKind kind, double g, double th) {
            activation = kind;
            gain = g;
            threshold = th;
            return this;
        }
        public Builder tau(double v) { tau = v; return this; }
        public Builder zeroDiagonal(boolean v) { zeroDiagonal = v; return this; }
        public Builder dense(boolean v) { dense = v; return this; }
        public Builder input(int pattern, double strength) { inputPattern = pattern; inputStrength = strength; return this; }
        public Builder mixtures(int v) { mixtures = v; return this; }
        public Builder beta(double v) { beta = v; return this; }

        public NetworkSpec build() {
            return new NetworkSpec(model, n, p, memories, q, r, design, a, b, activation, gain, threshold, tau,
                    zeroDiagonal, dense, inputPattern, inputStrength, mixtures, beta);
        }
    }
}
