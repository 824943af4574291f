package engram.cli;

import engram.landscape.Basins;
import engram.landscape.Saddles;
import engram.memory.PatternSet;
import engram.model.VoltageModel;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Two memories of a user's network, {@code --from} and {@code --to} (columns of --patterns, from 1), as landscape and
 * transitions take them (a picocli mixin): their checks, and the two memories integrated to rest with the saddle
 * between them.
 */
final class MemoryPair {

    @Option(names = "--from", defaultValue = "1", description = "The first memory, a column of --patterns counted from 1 "
            + "(default ${DEFAULT-VALUE}).")
    int from;

    @Option(names = "--to", defaultValue = "2", description = "The second memory (default ${DEFAULT-VALUE}).")
    int to;

    /** Refuses fewer than two patterns, an index out of range, or the same memory twice ({@code command} names who asks). */
    void check(PatternSet xi, String command) {
        if (xi == null || xi.p() < 2) {
            throw new IllegalArgumentException("--patterns: " + command + " needs at least two patterns");
        }
        Ranges.within("--from", from, 1, xi.p());
        Ranges.within("--to", to, 1, xi.p());
        if (from == to) {
            throw new IllegalArgumentException("--from and --to must name two different memories, got " + from + " twice");
        }
    }

    /** The two memories at rest (residual 1e-12), and the network's Lipschitz bound that sized the steps. */
    record Ends(double[] from, double[] to, double lip) {
    }

    Ends rest(VoltageModel model, PatternSet xi, long seed) {
        double lip = Basins.lipschitzBound(model, seed);
        double[][] ends = Basins.rest(model, List.of(xi.pattern(from - 1), xi.pattern(to - 1)), 1e-12, lip);
        if (ends[0] == null || ends[1] == null) {
            throw new IllegalArgumentException("--from, --to: a memory does not come to rest within 1000 time constants");
        }
        return new Ends(ends[0], ends[1], lip);
    }

    /** The minimum-energy path between the two memories at rest (the string method of engram landscape). */
    Saddles.Result path(VoltageModel model, Ends ends, int images, int iterations, long seed) {
        return Saddles.between(model, ends.from(), ends.to(), new Saddles.Settings(images, Saddles.step(ends.lip()),
                iterations, seed));
    }
}
