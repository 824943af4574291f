package engram.analysis;

import engram.memory.PatternSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct rows of a memory set (a unit's values across the P memories) with how many units share each. Networks
 * whose state and gains depend on a unit only through its row (rescaled memories, their fields and gains) can be
 * summed over these R rows instead of over the N units; for structured memory sets R is far below N (the common-core
 * set of theory.md: R = P + 2).
 */
public final class RowGroups {

    private final int p;
    private final double[] values;
    private final int[] counts;

    private RowGroups(int p, double[] values, int[] counts) {
        this.p = p;
        this.values = values;
        this.counts = counts;
    }

    public static RowGroups of(PatternSet xi) {
        int n = xi.n(), p = xi.p();
        Map<List<Double>, Integer> index = new HashMap<>();
        List<double[]> rows = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Double> key = new ArrayList<>(p);
            double[] row = new double[p];
            for (int mu = 0; mu < p; mu++) {
                row[mu] = xi.get(i, mu);
                key.add(row[mu]);
            }
            Integer k = index.get(key);
            if (k == null) {
                index.put(key, rows.size());
                rows.add(row);
                counts.add(1);
            } else {
                counts.set(k, counts.get(k) + 1);
            }
        }
        double[] v = new double[rows.size() * p];
        int[] c = new int[rows.size()];
        for (int k = 0; k < c.length; k++) {
            System.arraycopy(rows.get(k), 0, v, k * p, p);
            c[k] = counts.get(k);
        }
        return new RowGroups(p, v, c);
    }

    /** The number of distinct rows. */
    public int count() {
        return counts.length;
    }

    /** How many units have row k. */
    public int count(int k) {
        return counts[k];
    }

    /** Memory mu's value in row k. */
    public double value(int k, int mu) {
        return values[k * p + mu];
    }
}
