package engram.network;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.integrate.VectorField;
import engram.memory.Couplings;
import engram.memory.DenseCouplings;
import engram.memory.FiringRateDesign;
import engram.memory.LowRankCouplings;
import engram.memory.PatternSet;
import engram.model.DiscreteHopfield;
import engram.model.EnergyFunction;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.model.InputDriven;
import engram.model.MixedInputs;
import engram.model.ModernHopfield;
import engram.model.VoltageModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A network built from a {@link NetworkSpec}: memories, couplings, activation, input and the model (a vector field,
 * or the discrete asynchronous dynamics), with the readouts every user of a network wants: the energy, the overlaps
 * with the memories and a cued initial state. An input sequence (the IDP paper's mixed inputs) makes one segment per
 * input, each with its own field and energy; {@link #activate} selects the segment in force. Holds the models'
 * scratch buffers: one instance per thread.
 */
public final class Network {

    private final NetworkSpec spec;
    private final PatternSet memories;
    private final Activation activation;
    private final FiringRateDesign design;
    private final Couplings couplings;
    private final double[] input;
    private final List<VectorField> fields = new ArrayList<>();
    private final List<double[]> inputs = new ArrayList<>();
    private final FiringRateModel rate;
    private final DiscreteHopfield discrete;
    private final double[] buffer;
    private int active;

    Network(NetworkSpec spec, RandomGenerator rng) {
        this.spec = spec;
        this.memories = spec.memories().build(spec.n(), spec.p(), spec.q(), spec.r(), rng);
        this.activation = spec.model() == ModelKind.DISCRETE ? ActivationKind.SIGN.of(1, 0)
                : spec.activation().of(spec.gain(), spec.threshold());
        this.design = spec.design() == CouplingRule.FR ? new FiringRateDesign(memories, activation, spec.a(), spec.b(),
                spec.q(), spec.memories().coActivity(spec.q(), spec.r())) : null;
        Couplings w = design != null ? design.couplings() : hebbian();
        this.couplings = spec.dense() ? DenseCouplings.of(w) : w;
        int n = spec.n(), p = memories.p(), mu = spec.inputPattern();
        NetworkSpec.require(mu >= -1 && mu < p, "--input-pattern must be in [-1, " + (p - 1) + "], got " + mu);
        this.input = new double[n];
        if (mu >= 0) {
            double shift = spec.memories().bipolar() ? 0 : spec.q();
            for (int i = 0; i < n; i++) {
                input[i] = spec.inputStrength() * (memories.get(i, mu) - shift);
            }
        }
        if (spec.mixtures() > 0) {
            double[] weights = MixedInputs.paperWeights(p, spec.mixtures(), n, rng);
            for (int j = 0; j < spec.mixtures(); j++) {
                inputs.add(MixedInputs.input(memories, MixedInputs.column(weights, p, spec.mixtures(), j)));
            }
        } else {
            inputs.add(input);
        }
        this.rate = spec.model() == ModelKind.RATE
                ? new FiringRateModel(spec.tau(), couplings, activation, Input.constant(input)) : null;
        this.discrete = spec.model() == ModelKind.DISCRETE ? new DiscreteHopfield(couplings) : null;
        for (double[] u : inputs) {
            switch (spec.model()) {
                case VOLTAGE -> fields.add(new VoltageModel(spec.tau(), couplings, activation, Input.constant(u)));
                case RATE -> fields.add(rate);
                case IDP -> fields.add(InputDriven.model(spec.tau(), memories, u, activation, spec.zeroDiagonal()));
                case CLASSIC -> fields.add(new VoltageModel(spec.tau(), couplings, activation, Input.constant(u)));
                case MODERN -> fields.add(new ModernHopfield(memories, spec.beta()).flow(1));
                case DISCRETE -> { }
            }
        }
        this.buffer = new double[n];
    }

    /** Hebbian {@code Xi Xi^T / N} for +-1 memories; covariance rule {@code (Xi-q)(Xi-q)^T / (N q(1-q))} for 0/1. */
    private Couplings hebbian() {
        if (spec.memories().bipolar()) {
            return LowRankCouplings.hebbian(memories, spec.zeroDiagonal());
        }
        double q = spec.q();
        double[] f = memories.data().clone();
        for (int k = 0; k < f.length; k++) {
            f[k] -= q;
        }
        double[] ones = new double[memories.p()];
        Arrays.fill(ones, 1.0);
        return new LowRankCouplings(memories.n(), memories.p(), f, ones, 1.0 / (memories.n() * q * (1 - q)),
                spec.zeroDiagonal());
    }

    public NetworkSpec spec() { return spec; }

    public int n() { return spec.n(); }

    /** The number of memories (for balanced memories, floor(1 + 1/q) whatever the spec's p). */
    public int p() { return memories.p(); }

    public PatternSet memories() { return memories; }

    public Couplings couplings() { return couplings; }

    public Activation activation() { return activation; }

    /** The firing-rate design, or null for Hebbian couplings. */
    public FiringRateDesign design() { return design; }

    /** The input in force (not copied): the constant input, or the active segment's mixed input. */
    public double[] input() { return inputs.get(active); }

    /** The number of input segments (1 unless the network runs through a sequence of mixed inputs). */
    public int segments() { return inputs.size(); }

    /** Selects the input segment in force. */
    public void activate(int segment) {
        if (segment < 0 || segment >= segments()) {
            throw new IllegalArgumentException("segment " + segment + " of " + segments());
        }
        active = segment;
    }

    /** The vector field of the segment in force. */
    public VectorField field() {
        if (spec.model() == ModelKind.DISCRETE) {
            throw new IllegalStateException("the discrete model has no vector field");
        }
        return fields.get(active);
    }

    /** The discrete asynchronous dynamics. */
    public DiscreteHopfield discrete() {
        if (discrete == null) {
            throw new IllegalStateException("not a discrete model");
        }
        return discrete;
    }

    /** Whether {@link #energy} is defined: always, except for the rate model with an activation whose range is not in [0, inf). */
    public boolean hasEnergy() {
        return rate == null || activation.rangeMin() >= 0 && (activation.bounded() || activation.name().equals("relu"));
    }

    /**
     * The model's energy for the input in force: theory.md section 1 (voltage, classic; IDP with W = W(u)), E_FR (rates,
     * non-negative activations), {@code -1/2 s^T W s} (discrete), E_1 of the modern flow; NaN where none is defined.
     */
    public double energy(double[] x) {
        if (!hasEnergy()) {
            return Double.NaN;
        }
        return discrete != null ? discrete.energy(x) : ((EnergyFunction) fields.get(active)).energy(x);
    }

    /**
     * Overlaps with the memories: {@code xi_mu . psi(x) / N} (voltage, idp, classic), {@code xi_mu . s / N} (discrete),
     * {@code xi_mu . x / N} (modern), {@code xi_mu . r / N} for +-1 and {@code xi_mu . r / (N q)} for 0/1 memories
     * (rates).
     */
    public void overlaps(double[] x, double[] out) {
        ModelKind m = spec.model();
        if (m == ModelKind.VOLTAGE || m.inputDriven()) {
            activation.apply(x, buffer);
        } else {
            System.arraycopy(x, 0, buffer, 0, x.length);
        }
        memories.projectOnto(buffer, out);
        double norm = spec.memories().bipolar() ? n() : n() * spec.q();
        for (int mu = 0; mu < memories.p(); mu++) {
            out[mu] /= norm;
        }
    }

    /**
     * A cued start: memory {@code cue} with a fraction {@code noise} of its units flipped (+-1 memories) or of its
     * active units silenced (0/1 memories); {@code cue = -1} for a random start (Gaussian for +-1 memories, uniform on
     * [0, 1] for 0/1). The discrete model takes the sign (0/1 memories: the state above 1/2).
     */
    public double[] initialState(int cue, double noise, RandomGenerator rng) {
        int n = n();
        NetworkSpec.require(cue >= -1 && cue < p(), "--cue must be in [-1, " + (p() - 1) + "], got " + cue);
        NetworkSpec.require(noise >= 0 && noise <= 1, "--cue-noise must be in [0, 1], got " + noise);
        boolean bipolar = spec.memories().bipolar();
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) {
            if (cue < 0) {
                x0[i] = bipolar ? rng.nextGaussian() : rng.nextDouble();
            } else {
                double v = memories.get(i, cue);
                x0[i] = bipolar ? (rng.nextDouble() < noise ? -v : v) : (v == 1 && rng.nextDouble() < noise ? 0 : v);
            }
        }
        if (discrete != null) {
            for (int i = 0; i < n; i++) {
                x0[i] = x0[i] >= (bipolar ? 0 : 0.5) ? 1 : -1;
            }
        }
        return x0;
    }
}
