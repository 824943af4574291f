package engram.model;

import java.util.random.RandomGenerator;

/** The order of asynchronous updates: every unit once per sweep, in a fresh uniformly random order. */
final class UpdateOrder {

    private UpdateOrder() {
    }

    /** Fisher-Yates shuffle of {@code order} in place. */
    static void shuffle(int[] order, RandomGenerator rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }
}
