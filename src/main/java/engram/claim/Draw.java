package engram.claim;

import java.util.List;

/**
 * The only source of randomness a {@link CaseSpace} may use to describe a case. Every draw is named after the case
 * parameter it sets and states its range: that range is the one place where a claim's case ranges are written
 * ({@link CaseRanges} reads them back for the report and the catalogue). Implementations decide where values come
 * from: {@link RandomDraw} (a seeded generator, used for control cases) or a property-testing engine, which can then
 * shrink every value toward its minimum. Keeping cases behind this interface keeps generators library-neutral.
 */
public interface Draw {

    /** An integer in [min, max]; shrinks toward min. */
    int integer(String name, int min, int max);

    /** A real in [min, max]; shrinks toward min. */
    double real(String name, double min, double max);

    /** A seed for the case's own bulk randomness (matrices, initial states); shrinks toward 0. */
    long seed();

    /** One of the options; shrinks toward the first. */
    default <T> T choice(String name, List<T> options) {
        return options.get(integer(name, 0, options.size() - 1));
    }
}
