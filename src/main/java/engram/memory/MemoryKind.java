package engram.memory;

import java.util.random.RandomGenerator;

/**
 * The memory sets Engram generates, by their command-line names: {@code +-1} random or Hadamard memories, and 0/1
 * memories with activity q (sparse random, the balanced common-core set of theory.md section 2, or correlated with
 * pairwise co-activity r).
 */
public enum MemoryKind {
    RANDOM("random"), HADAMARD("hadamard"), SPARSE("sparse"), BALANCED("balanced"), CORRELATED("correlated");

    private final String cliName;

    MemoryKind(String cliName) {
        this.cliName = cliName;
    }

    /** Whether the memories are +-1 (else 0/1 with activity q). */
    public boolean bipolar() {
        return this == RANDOM || this == HADAMARD;
    }

    /**
     * The memory set; p is ignored by {@link #BALANCED} (P = floor(1 + 1/q)), q by the +-1 kinds, r by all but
     * {@link #CORRELATED}; rng is drawn from by the random kinds only.
     */
    public PatternSet build(int n, int p, double q, double r, RandomGenerator rng) {
        return switch (this) {
            case RANDOM -> Patterns.randomBinary(n, p, rng);
            case HADAMARD -> Patterns.hadamard(n, p);
            case SPARSE -> Patterns.sparse(n, p, q, rng);
            case BALANCED -> Patterns.commonCore(n, q);
            case CORRELATED -> Patterns.correlated(n, p, q, r);
        };
    }

    /** The co-activity a firing-rate design of these memories assumes: r for correlated memories, else q. */
    public double coActivity(double q, double r) {
        return this == CORRELATED ? r : q;
    }

    @Override public String toString() {
        return cliName;
    }
}
