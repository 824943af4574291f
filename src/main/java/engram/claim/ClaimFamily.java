package engram.claim;

import engram.figure.Figure;
import java.util.List;

/**
 * A family of claims about one model or one paper (foundation, numerics, firing-rate, ...): it lists its claims in
 * one place and supplies the data of its report figures. The registry concatenates the families; the generated test
 * suite, the report and the command line read the registry.
 */
public interface ClaimFamily {

    /** Short name, the family's package name under {@code engram.theorem}. */
    String name();

    /** One line for the report and the README. */
    String title();

    List<Claim<?>> claims();

    /** The report's figures for this family (they depend only on the seed). */
    default List<Figure> figures(long seed) {
        return List.of();
    }
}
