package engram.cli;

import engram.Engram;
import picocli.CommandLine.Option;

/** Options every command takes. */
public final class GlobalOptions {

    @Option(names = "--seed", description = "Seed of every random draw (default: ${DEFAULT-VALUE}).",
            defaultValue = Engram.DEFAULT_SEED_TEXT)
    long seed;

    @Option(names = "--json", description = "Print one JSON object on stdout and nothing else there.")
    boolean json;
}
