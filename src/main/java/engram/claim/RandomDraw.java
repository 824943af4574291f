package engram.claim;

import java.util.SplittableRandom;

/** A {@link Draw} from a seeded {@link SplittableRandom}. */
public final class RandomDraw implements Draw {

    private final SplittableRandom rng;

    public RandomDraw(SplittableRandom rng) {
        this.rng = rng;
    }

    @Override public int integer(String name, int min, int max) {
        return min == max ? min : min + rng.nextInt(max - min + 1);
    }

    @Override public double real(String name, double min, double max) {
        return min + (max - min) * rng.nextDouble();
    }

    @Override public long seed() {
        return rng.nextInt(Integer.MAX_VALUE);
    }
}
