package engram.claim.cases;

import engram.claim.Draw;

/** The membrane time constant tau of a generated case: one named draw, so its range is stated once. */
public final class TimeConstant {

    private TimeConstant() {
    }

    /** tau in [0.5, 2]: the equations scale time by tau, so a claim that holds for one tau holds for all. */
    public static double draw(Draw d) {
        return d.real("tau", 0.5, 2);
    }
}
