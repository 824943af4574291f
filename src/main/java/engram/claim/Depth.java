package engram.claim;

import java.util.Locale;

/** How hard to look: quick for CI, deep for the nightly sweep (ten times the cases). */
public enum Depth {
    QUICK(1), DEEP(10);

    private final int multiplier;

    Depth(int multiplier) {
        this.multiplier = multiplier;
    }

    public int examples(Claim<?> claim) {
        return claim.examples() * multiplier;
    }

    public static Depth parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "quick" -> QUICK;
            case "deep" -> DEEP;
            default -> throw new IllegalArgumentException("--depth must be quick or deep, got '" + s + "'");
        };
    }
}
