package engram.claim;

/**
 * A theoretical claim made executable. {@link #hypotheses()} draws cases inside the theorem's hypotheses, where
 * {@link #evaluate} must hold; {@link #control()} draws cases outside them (asymmetric W, gain above the bound, a
 * mutated integrator...), where the same check must find at least one violation, so that it is shown able to fail.
 *
 * @param <C> the case: a small record whose toString is a readable, reproducible counterexample
 */
public interface Claim<C> {

    /** Stable id, the key of the catalogue entry {@code properties/<id>.properties}. */
    String id();

    CaseSpace<C> hypotheses();

    CaseSpace<C> control();

    Evaluation evaluate(C c);

    /** Cases per quick run (tests and {@code report --depth quick}); deep runs use ten times more. */
    default int examples() {
        return 20;
    }

    /** At most this many control cases are drawn looking for a violation. */
    default int controlBudget() {
        return 40;
    }
}
