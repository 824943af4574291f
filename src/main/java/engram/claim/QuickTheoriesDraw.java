package engram.claim;

import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Drives a library-neutral {@link CaseSpace} from QuickTheories: every value is one constrained draw with its shrink
 * point at the minimum, so QuickTheories shrinks cases toward small N and simple values. With {@link ClaimRunner},
 * the only code that knows about QuickTheories: claims and generators stay library-neutral.
 */
public final class QuickTheoriesDraw implements Draw {

    private static final long REAL_RESOLUTION = 1_000_000;

    private final RandomnessSource source;

    private QuickTheoriesDraw(RandomnessSource source) {
        this.source = source;
    }

    public static <C> Gen<C> gen(CaseSpace<C> space) {
        return in -> space.draw(new QuickTheoriesDraw(in));
    }

    @Override public int integer(String name, int min, int max) {
        return (int) source.next(Constraint.between(min, max).withShrinkPoint(min));
    }

    @Override public double real(String name, double min, double max) {
        long k = source.next(Constraint.between(0, REAL_RESOLUTION).withShrinkPoint(0));
        return min + (max - min) * k / REAL_RESOLUTION;
    }

    @Override public long seed() {
        return source.next(Constraint.between(0, Integer.MAX_VALUE).withShrinkPoint(0));
    }
}
