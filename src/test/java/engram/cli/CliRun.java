package engram.cli;

/** {@link CliTest#run} for tests in other packages: exit code, stdout and stderr of one in-process command. */
public record CliRun(int code, String out, String err) {

    public static CliRun of(String... args) {
        CliTest.Run r = CliTest.run(args);
        return new CliRun(r.code(), r.out(), r.err());
    }
}
