package engram.network;

/**
 * The integrators a run can use, by their command-line names: Engram's own explicit Euler, classical RK4, adaptive
 * Dormand-Prince 5(4) and Euler-Maruyama, and the Hipparchus reference integrators DP853 and GBS.
 */
public enum IntegratorKind {
    EULER("euler"), RK4("rk4"), ADAPTIVE("adaptive"), EM("em"), DP853("dp853"), GBS("gbs");

    private final String cliName;

    IntegratorKind(String cliName) {
        this.cliName = cliName;
    }

    /** Whether the method can add noise (only Euler-Maruyama). */
    public boolean stochastic() {
        return this == EM;
    }

    @Override public String toString() {
        return cliName;
    }
}
