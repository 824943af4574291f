package engram.claim;

/** Describes how to draw a case (a small record of parameters) from a {@link Draw}. */
@FunctionalInterface
public interface CaseSpace<C> {
    C draw(Draw draw);
}
