package engram.cli;

import java.io.File;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Options that name one output file. A path is converted without its trailing separator, so {@code --out dir/} would
 * otherwise write a file called {@code dir}: the text as typed is looked at, and a name ending in a separator is refused.
 */
final class FileOptions {

    private FileOptions() {
    }

    /** {@code value}, after checking that {@code option}'s text as typed does not end in a separator. */
    static Path file(CommandSpec spec, String option, Path value) {
        var matched = spec.commandLine().getParseResult().matchedOption(option);
        if (matched != null) {
            for (String text : matched.stringValues()) {
                if (text.endsWith("/") || text.endsWith(File.separator)) {
                    throw new IllegalArgumentException(option + " " + text + " names a directory (it ends with a "
                            + "separator); " + option + " takes a file name");
                }
            }
        }
        return value;
    }
}
