package engram.network;

/**
 * The network models, by their command-line names: the voltage model {@code tau xdot = -x + W psi(x) + u}, the
 * firing-rate model {@code tau rdot = -r + Phi(W r + u)}, the discrete asynchronous model (theory.md sections 1-2),
 * the input-driven plasticity network {@code tau xdot = -x + W(u) psi(x)} and its classic comparator (section 3), and
 * the continuous modern Hopfield network {@code xdot = -x + Xi softmax(beta Xi^T x)}.
 */
public enum ModelKind {
    VOLTAGE("voltage"), RATE("rate"), DISCRETE("discrete"), IDP("idp"), CLASSIC("classic"), MODERN("modern");

    private final String cliName;

    ModelKind(String cliName) {
        this.cliName = cliName;
    }

    /** Whether the input reshapes the synapses or enters additively into a Hebbian network (the IDP pair). */
    public boolean inputDriven() {
        return this == IDP || this == CLASSIC;
    }

    @Override public String toString() {
        return cliName;
    }
}
