package engram.claim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Reads a {@link CaseSpace}'s ranges back from its named draws, so that the ranges a claim draws from are written once
 * (in the code) and rendered everywhere else (the report, {@code claims --json}). The space is drawn from repeatedly
 * with seeded values and every named draw's stated range is recorded: the union of the ranges seen for a name
 * (conditional draws contribute the ranges of the branches taken), and for choices the options.
 */
public final class CaseRanges implements Draw {

    /** Draws per description: enough to visit every branch of the case spaces in this project. */
    private static final int SAMPLES = 400;

    private final RandomDraw values;
    private final Map<String, double[]> numeric = new LinkedHashMap<>();
    private final Map<String, Boolean> integral = new LinkedHashMap<>();
    private final Map<String, Set<String>> options = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();

    private CaseRanges(long seed) {
        this.values = new RandomDraw(new SplittableRandom(seed));
    }

    /** {@code name in [min, max]} and {@code name in {a, b}} parts, in the order the space first draws them. */
    public static List<String> describe(CaseSpace<?> space) {
        CaseRanges r = new CaseRanges(1);
        for (int k = 0; k < SAMPLES; k++) {
            space.draw(r);
        }
        List<String> out = new ArrayList<>();
        for (String name : r.order) {
            if (name.equals(SEED)) {
                out.add(SEED);
            } else if (r.options.containsKey(name)) {
                out.add(name + " in {" + String.join(", ", r.options.get(name)) + "}");
            } else {
                double[] mm = r.numeric.get(name);
                out.add(mm[0] == mm[1] ? name + " = " + fmt(mm[0], r.integral.get(name))
                        : name + " in [" + fmt(mm[0], r.integral.get(name)) + ", " + fmt(mm[1], r.integral.get(name)) + "]");
            }
        }
        return out;
    }

    /** The description as one line. */
    public static String text(CaseSpace<?> space) {
        return String.join("; ", describe(space));
    }

    private static String fmt(double v, boolean integer) {
        return integer ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "")
                .replaceAll("\\.?0+e", "e");
    }

    private void record(String name, double min, double max, boolean isInteger) {
        if (!order.contains(name)) {
            order.add(name);
        }
        numeric.merge(name, new double[] {min, max}, (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        integral.merge(name, isInteger, Boolean::logicalAnd);
    }

    @Override public int integer(String name, int min, int max) {
        record(name, min, max, true);
        return values.integer(name, min, max);
    }

    @Override public double real(String name, double min, double max) {
        record(name, min, max, false);
        return values.real(name, min, max);
    }

    /** Seeds are listed once, as "a random seed" (memories, matrices, starts and noise are drawn from it). */
    @Override public long seed() {
        if (!order.contains(SEED)) {
            order.add(SEED);
            options.put(SEED, new LinkedHashSet<>());
        }
        return values.seed();
    }

    private static final String SEED = "a random seed";

    @Override public <T> T choice(String name, List<T> choices) {
        if (!order.contains(name)) {
            order.add(name);
        }
        Set<String> seen = options.computeIfAbsent(name, k -> new LinkedHashSet<>());
        for (T t : choices) {
            seen.add(String.valueOf(t));
        }
        return choices.get(values.integer(name, 0, choices.size() - 1));
    }
}
