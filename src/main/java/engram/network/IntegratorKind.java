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

    /**
     * For a fixed-step explicit method, the largest {@code dt / tau} at which it keeps the decay {@code x' = -x / tau}
     * from growing: the real stability interval of Euler (and Euler-Maruyama) is (-2, 0], RK4's reaches -2.785. The
     * coupling can only tighten it. Infinite for the adaptive methods, which choose their own steps.
     */
    public double decayStabilityLimit() {
        return switch (this) {
            case EULER, EM -> 2;
            case RK4 -> 2.785;
            default -> Double.POSITIVE_INFINITY;
        };
    }

    @Override public String toString() {
        return cliName;
    }
}
