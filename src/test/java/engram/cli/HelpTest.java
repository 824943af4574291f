package engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command answers --help (options, an example, the exit codes) and --version; engram help COMMAND works too. */
class HelpTest {

    @Test
    void everyCommandAnswersHelpAndVersion() {
        List<String> failures = new ArrayList<>();
        for (String command : EngramCli.commandLine().getSubcommands().keySet()) {
            if (command.equals("help") || command.equals("generate-completion")) {
                continue;
            }
            CliTest.Run help = CliTest.run(command, "--help");
            if (help.code() != 0 || !help.out().contains("Usage: engram " + command) || !help.out().contains("Example:")
                    || !help.out().contains("Exit codes")) {
                failures.add(command + " --help: exit " + help.code() + ", " + help.out().lines().findFirst().orElse("")
                        + help.err());
            }
            CliTest.Run version = CliTest.run(command, "--version");
            if (version.code() != 0 || !version.out().startsWith("engram ")) {
                failures.add(command + " --version: exit " + version.code());
            }
            CliTest.Run viaHelp = CliTest.run("help", command);
            if (viaHelp.code() != 0 || !viaHelp.out().contains("Usage: engram " + command)) {
                failures.add("help " + command + ": exit " + viaHelp.code());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(EngramCli.EXAMPLES.keySet()).as("an example for every command")
                .containsAll(EngramCli.commandLine().getSubcommands().keySet().stream()
                        .filter(c -> !c.equals("help") && !c.equals("generate-completion")).toList());
    }

    @Test
    void aBashCompletionScriptIsGenerated() {
        CliTest.Run r = CliTest.run("generate-completion");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("complete -F").contains("false-failures").contains("capacity-theory");
    }
}
