package engram.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class GlobalOptions {

    public static final long DEFAULT_SEED = 20261123L;

    @Option(names = "--seed", description = "Seed of every random draw (default: ${DEFAULT-VALUE}).", defaultValue = "20261123")
    long seed;

    @Option(names = "--json", description = "Print one JSON object on stdout and nothing else there.")
    boolean json;
}
