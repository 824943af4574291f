package engram.network;

/**
 * The network models, by their command-line names: the voltage model {@code tau xdot = -x + W psi(x) + u}, the
 * firing-rate model {@code tau rdot = -r + Phi(W r + u)} and the discrete asynchronous model (theory.md sections 1-2).
 */
public enum ModelKind {
    VOLTAGE("voltage"), RATE("rate"), DISCRETE("discrete");

    private final String cliName;

    ModelKind(String cliName) {
        this.cliName = cliName;
    }

    @Override public String toString() {
        return cliName;
    }
}
