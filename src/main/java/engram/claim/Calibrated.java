package engram.claim;

/**
 * A claim whose hypotheses end at a continuous boundary (symmetry of W, a gain or contraction bound, a step-size limit,
 * a coefficient of the method): {@link #at} draws cases at a given departure from that boundary (0 on it, inside the
 * hypotheses; positive outside), so that {@link Sensitivity} can find by bisection the smallest departure at which the
 * check detects a violation. Departures are relative (dimensionless): 1 is a departure as large as the quantity the
 * boundary bounds (an antisymmetric part as large as W's symmetric part, a gain twice the bound).
 */
public interface Calibrated<C> {

    /** What the departure is, with its unit, e.g. "k - 1, with k = Lip(psi) ||W||_2". */
    String departure();

    /** The smallest departure the claim's negative control draws (its control is this far out, or further). */
    double controlDeparture();

    /** The largest departure searched; a check that detects nothing up to here is reported as insensitive. */
    default double maxDeparture() {
        return 2 * controlDeparture();
    }

    /** Cases at exactly {@code departure} from the boundary, everything else drawn as in the control. */
    CaseSpace<C> at(double departure);
}
