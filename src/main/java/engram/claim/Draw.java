package engram.claim;

/**
 * The only source of randomness a {@link CaseSpace} may use to describe a case. Implementations decide where values
 * come from: {@link RandomDraw} (a seeded generator, used by the report and CLI) or a property-testing engine, which
 * can then shrink every value toward its minimum. Keeping cases behind this interface keeps generators
 * library-neutral.
 */
public interface Draw {

    /** An integer in [min, max]; shrinks toward min. */
    int integer(int min, int max);

    /** A real in [min, max]; shrinks toward min. */
    double real(double min, double max);

    /** A seed for the case's own bulk randomness (matrices, initial states); shrinks toward 0. */
    long seed();

    /** One of the options; shrinks toward the first. */
    default <T> T choice(java.util.List<T> options) {
        return options.get(integer(0, options.size() - 1));
    }
}
