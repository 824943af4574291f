package engram.network;

/**
 * How the couplings are made from the memories: {@code hebbian} ({@code Xi Xi^T / N} for +-1 memories, the
 * covariance rule {@code (Xi - q)(Xi - q)^T / (N q (1 - q))} for 0/1 memories) or {@code fr}, the firing-rate design
 * of theory.md section 2 with target fields a < b.
 */
public enum CouplingRule {
    HEBBIAN("hebbian"), FR("fr");

    private final String cliName;

    CouplingRule(String cliName) {
        this.cliName = cliName;
    }

    @Override public String toString() {
        return cliName;
    }
}
