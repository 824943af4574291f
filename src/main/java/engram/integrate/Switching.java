package engram.integrate;

/**
 * A vector field that is smooth except where one of its switching functions changes sign: the surfaces on which a
 * unit's activation argument sits at one of the activation's {@link engram.activation.Activation#kinks() kinks}.
 * Between sign changes the field is as smooth as its activation's pieces, so an integrator that ends its steps on the
 * surfaces (the oracle does, with event location) keeps its order and its error estimate across a kink.
 */
public interface Switching {

    /** How many switching functions there are (0 for a smooth field). */
    int switchingFunctions();

    /** Every switching function at (t, x), into {@code out} (length {@link #switchingFunctions()}). */
    void switching(double t, double[] x, double[] out);
}
