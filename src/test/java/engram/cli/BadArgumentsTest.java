package engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command, every option with a value, every kind of bad value: a word where a number or a choice is expected,
 * NaN and infinity for reals, an unknown option. Each must exit 2 with one line on stderr naming an option, no stack
 * trace, nothing on stdout, and no file left behind (outputs are pointed into a temporary directory that must stay
 * empty). The option list comes from the command line's own model, so a new option is covered when it is added.
 */
class BadArgumentsTest {

    /** Options that take a path, a list or free text, and options whose every value is valid. */
    private static final List<String> SKIPPED = List.of("--out", "--params", "--history", "--baseline", "--claim",
            "--seed", "--shard", "--depth", "--json", "--mutations", "--false-failures");

    record Case(String command, List<String> args) {
    }

    static List<Case> cases(Path out) {
        CommandLine root = EngramCli.commandLine();
        List<Case> cases = new ArrayList<>();
        for (var e : root.getSubcommands().entrySet()) {
            String command = e.getKey();
            if (command.equals("merge")) {
                continue; // needs report directories as arguments; its options are covered by report's
            }
            if (command.equals("help") || command.equals("generate-completion")) {
                continue; // picocli's own: they take no options of Engram's
            }
            for (CommandLine.Model.OptionSpec o : e.getValue().getCommandSpec().options()) {
                String name = o.longestName();
                if (o.arity().max() == 0 || SKIPPED.contains(name) || o.usageHelp() || o.versionHelp()) {
                    continue;
                }
                Class<?> type = o.type().isArray() ? o.type().getComponentType() : o.type();
                if (Collection.class.isAssignableFrom(type) && !o.auxiliaryTypes()[0].equals(String.class)) {
                    type = o.auxiliaryTypes()[0];
                }
                List<String> bad = new ArrayList<>();
                if (type == double.class || type == Double.class) {
                    bad.addAll(List.of("abc", "NaN", "Infinity"));
                } else if (type == int.class || type == Integer.class || type == long.class || type.isEnum()) {
                    bad.add("abc");
                } else {
                    continue;
                }
                for (String value : bad) {
                    List<String> args = new ArrayList<>(List.of(command, name, value));
                    cases.add(new Case(command, withOutput(args, e.getValue(), out)));
                }
            }
            cases.add(new Case(command, withOutput(new ArrayList<>(List.of(command, "--no-such-option", "1")),
                    e.getValue(), out)));
        }
        return cases;
    }

    /** Points the command's outputs into {@code out} and supplies its required options with valid values. */
    private static List<String> withOutput(List<String> args, CommandLine cmd, Path out) {
        var spec = cmd.getCommandSpec();
        if (spec.findOption("--out") != null) {
            args.addAll(List.of("--out", out.resolve("out-" + args.get(0)).toString()));
        }
        if (spec.findOption("--history") != null) {
            args.add("--no-history");
        }
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            if (o.required() && !args.contains(o.longestName())) {
                args.addAll(List.of(o.longestName(), switch (o.longestName()) {
                    case "--activation" -> "sign";
                    default -> "100";
                }));
            }
        }
        return args;
    }

    @Test
    void everyBadValueOfEveryOptionExitsTwoWithOneLineAndLeavesNoFile(@TempDir Path out) throws Exception {
        List<Case> cases = cases(out);
        assertThat(cases).hasSizeGreaterThan(100);
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            String shown = String.join(" ", c.args());
            CliTest.Run r = CliTest.run(c.args().toArray(String[]::new));
            List<Path> left;
            try (var files = Files.list(out)) {
                left = files.toList();
            }
            boolean ok = r.code() == 2 && r.out().isEmpty() && r.err().trim().lines().count() == 1
                    && r.err().startsWith("engram: error: ") && !r.err().contains("Exception") && left.isEmpty();
            if (!ok) {
                failures.add(shown + " -> exit " + r.code() + ", stderr " + r.err().trim().lines().findFirst().orElse("")
                        + (left.isEmpty() ? "" : ", left " + left));
            }
            for (Path p : left) {
                try (var walk = Files.walk(p)) {
                    for (Path q : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                        Files.delete(q);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
