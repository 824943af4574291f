package engram.claim;

/**
 * A theoretical claim made executable. {@link #hypotheses()} draws cases inside the theorem's hypotheses, where
 * {@link #evaluate} must hold; {@link #control()} draws cases outside them (asymmetric W, gain above the bound, a
 * mutated integrator...), where the same check must find at least one violation, so that it is shown able to fail.
 * Its tolerances are read from its catalogue entry ({@code properties/<id>.properties}), the one place they are
 * written; its case ranges are written once, in the named draws of its case spaces.
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

    /** The least fraction of informative cases for a verdict of HOLDS (the rest are skipped as uninformative). */
    default double minimumInformative() {
        return 0.75;
    }

    /** The catalogue entry's {@code tolerance}. */
    default double tolerance() {
        return Catalogue.tolerance(id(), null);
    }

    /** The catalogue entry's {@code tolerance.<name>}. */
    default double tolerance(String name) {
        return Catalogue.tolerance(id(), name);
    }

    /** The catalogue entry. */
    default CatalogueEntry entry() {
        return Catalogue.entry(id());
    }
}
