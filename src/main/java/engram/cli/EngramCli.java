package engram.cli;

import engram.Engram;
import engram.Heap;
import engram.activation.ActivationKind;
import engram.analysis.RandomMatrices;
import engram.kernel.Kernels;
import engram.memory.MemoryKind;
import engram.network.CouplingRule;
import engram.network.IntegratorKind;
import engram.network.ModelKind;
import engram.report.TextFiles;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.TreeSet;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code java -jar engram.jar <command>}. Exit codes: 0 all checked claims hold, 1 a checked claim fails,
 * 2 bad input (one line on stderr naming the parameter and its valid range), 3 internal error.
 */
@Command(name = "engram", mixinStandardHelpOptions = true, versionProvider = EngramCli.Version.class,
        description = "Executable, falsifiable checks of associative-memory theory.",
        subcommands = {ClaimsCommand.class, SimulateCommand.class, ReportCommand.class, FrStabilityCommand.class,
                FrPhaseCommand.class, IdpEquilibriaCommand.class, IdpRetrievalCommand.class, MemoryDynamicsCommand.class,
                SpectrumCommand.class, CapacityCommand.class, CapacityTheoryCommand.class, MergeCommand.class,
                FalseFailuresCommand.class, CheckCommand.class, CertifyCommand.class, VerifyCertificateCommand.class,
                BenchCommand.class, BasinsCommand.class, LandscapeCommand.class, ContinueCommand.class,
                TransitionsCommand.class})
public final class EngramCli implements Runnable {

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            return new String[] {"engram " + Engram.VERSION + " (kernels: " + Kernels.get().name() + ", Java "
                    + System.getProperty("java.version") + ")"};
        }
    }

    public static final int OK = 0;

    /** One example per command, shown at the end of its --help. */
    static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("claims", "java -jar target/engram.jar claims --json"),
            Map.entry("simulate", "java -jar target/engram.jar simulate --model voltage --n 200 --p 5 --gain 2 "
                    + "--t 10 --dt 0.01 --integrator rk4 --cue 2 --cue-noise 0.3 --out trace.csv --json"),
            Map.entry("report", "java -jar target/engram.jar report --claim rate.positivity --out /tmp/r --seed 7"),
            Map.entry("fr-stability", "java -jar target/engram.jar fr-stability --activation sigmoid --rho 4.8 "
                    + "--threshold 0.2 --a -0.3 --b 0.95 --n 1000 --q 0.2 --memories balanced --json"),
            Map.entry("fr-phase", "java -jar target/engram.jar fr-phase --json"),
            Map.entry("idp-equilibria", "java -jar target/engram.jar idp-equilibria --n 64 --patterns hadamard "
                    + "--alphas 3,2,0.5,1.2 --activation tanh --json"),
            Map.entry("idp-retrieval", "java -jar target/engram.jar idp-retrieval --json"),
            Map.entry("memory-dynamics", "java -jar target/engram.jar memory-dynamics --nv 50 --nh 4 --tau 250 "
                    + "--beta 2 --sigma 0.4 --steps 2000 --out fig1 --json"),
            Map.entry("spectrum", "java -jar target/engram.jar spectrum --nv 1000 --nh 500 --entries rademacher "
                    + "--out spec --json"),
            Map.entry("capacity", "java -jar target/engram.jar capacity --activation sign --n 500,1000,2000 "
                    + "--trials 40 --json"),
            Map.entry("capacity-theory", "java -jar target/engram.jar capacity-theory --activation tanh --gain 5 "
                    + "--json"),
            Map.entry("merge", "java -jar target/engram.jar merge s1 s2 s3 s4 --out reports/latest"),
            Map.entry("false-failures", "java -jar target/engram.jar false-failures --seeds 200"),
            Map.entry("bench", "java -jar target/engram.jar bench --json"),
            Map.entry("check", "java -jar target/engram.jar check --couplings W.npy --patterns Xi.npy --model "
                    + "voltage --activation tanh --gain 2 --json"),
            Map.entry("certify", "java -jar target/engram.jar certify --couplings W.npy --patterns Xi.npy --gain 4 "
                    + "--certificates proofs --json"),
            Map.entry("basins", "java -jar target/engram.jar basins --couplings W.npy --patterns Xi.npy --gain 4 "
                    + "--out reports/basins --json"),
            Map.entry("continue", "java -jar target/engram.jar continue --model idp --patterns H.npy --alphas 0.5,0.7,0.3,0.3 "
                    + "--parameter alpha1 --from 0.4 --to 2 --start 0 --out reports/continue --json"),
            Map.entry("transitions", "java -jar target/engram.jar transitions --model modern --patterns P.npy --beta 2 "
                    + "--paths 300 --out reports/transitions --json"),
            Map.entry("landscape", "java -jar target/engram.jar landscape --couplings W.npy --patterns Xi.npy --gain 4 "
                    + "--from 1 --to 2 --out reports/landscape --json"),
            Map.entry("verify-certificate", "java -jar target/engram.jar verify-certificate proofs/certificate.json "
                    + "--couplings W.npy --gain 4"));
    public static final int CLAIM_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    @Override public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required: claims, simulate, report, merge, fr-stability, fr-phase, idp-equilibria, "
                + "idp-retrieval, memory-dynamics, spectrum, capacity, capacity-theory, false-failures, check, certify, verify-certificate, basins, landscape or bench (engram help COMMAND, "
                + "or COMMAND --help)");
    }

    /** The command line; {@code --params FILE} given to simulate supplies its option defaults. */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new EngramCli());
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        cl.addSubcommand("generate-completion", new AutoComplete.GenerateCompletion());
        for (var e : cl.getSubcommands().entrySet()) {
            CommandLine.Model.CommandSpec spec = e.getValue().getCommandSpec();
            if (e.getKey().equals("help") || e.getKey().equals("generate-completion")) {
                continue;
            }
            spec.mixinStandardHelpOptions(true);
            spec.versionProvider(new Version());
            String example = EXAMPLES.get(e.getKey());
            if (example != null) {
                spec.usageMessage().footer("", "Example:", "  " + example, "",
                        "Exit codes: 0 all holds, 1 a checked claim fails, 2 bad input, 3 internal error.");
            }
        }
        registerConverters(cl);
        applyParameterFile(cl, args);
        cl.setParameterExceptionHandler((ex, rest) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("engram: error: " + oneLine(ex.getMessage()));
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, command, parsed) -> {
            PrintWriter err = command.getErr();
            if (ex instanceof IllegalArgumentException) {
                err.println("engram: error: " + oneLine(ex.getMessage()));
                err.flush();
                return BAD_INPUT;
            }
            err.println("engram: internal error: " + oneLine(String.valueOf(ex)));
            err.flush();
            return INTERNAL;
        });
        return cl;
    }

    /** Finite numbers only, activations and the enums by their names. */
    private static void registerConverters(CommandLine cl) {
        cl.registerConverter(ActivationKind.class, value -> {
            try {
                return ActivationKind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
        CommandLine.ITypeConverter<Double> finite = value -> {
            double v;
            try {
                v = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a number");
            }
            if (!Double.isFinite(v)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a finite number");
            }
            return v;
        };
        cl.registerConverter(Double.class, finite);
        cl.registerConverter(double.class, finite);
        cl.registerConverter(ModelKind.class, named(ModelKind.class));
        cl.registerConverter(MemoryKind.class, named(MemoryKind.class));
        cl.registerConverter(CouplingRule.class, named(CouplingRule.class));
        cl.registerConverter(IntegratorKind.class, named(IntegratorKind.class));
        cl.registerConverter(RandomMatrices.Entries.class, named(RandomMatrices.Entries.class));
    }

    /** {@code --params FILE}: simulate's option defaults from a properties file whose keys are all its options. */
    private static void applyParameterFile(CommandLine cl, String... args) {
        for (int i = 0; i < args.length; i++) {
            String file = args[i].equals("--params") && i + 1 < args.length ? args[i + 1]
                    : args[i].startsWith("--params=") ? args[i].substring("--params=".length()) : null;
            if (file != null) {
                File f = new File(file);
                if (!f.isFile()) {
                    throw new IllegalArgumentException("--params must name a readable properties file, got '" + file + "'");
                }
                CommandLine simulate = cl.getSubcommands().get("simulate");
                checkParameterKeys(f, simulate);
                simulate.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(f));
            }
        }
    }

    /** Refuses a parameter file with a key that is no option of the command (a typo would otherwise be ignored). */
    static void checkParameterKeys(File file, CommandLine command) {
        Properties props = new Properties();
        String text = TextFiles.read(file.toPath(), "--params");
        try {
            props.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--params " + file + ": not a properties file (" + e.getMessage() + ")");
        }
        TreeSet<String> valid = new TreeSet<>();
        for (CommandLine.Model.OptionSpec o : command.getCommandSpec().options()) {
            String name = o.longestName().replaceFirst("^-+", "");
            if (!name.equals("params") && !name.equals("help") && !name.equals("version")) {
                valid.add(name);
            }
        }
        TreeSet<String> unknown = new TreeSet<>(props.stringPropertyNames());
        unknown.removeAll(valid);
        if (!unknown.isEmpty()) {
            String listed = String.join(", ", unknown.stream().limit(5).toList()) + (unknown.size() > 5 ? ", ..." : "");
            throw new IllegalArgumentException("--params " + file + ": unknown key" + (unknown.size() > 1 ? "s " : " ")
                    + (listed.length() > 120 ? listed.substring(0, 120) + "..." : listed) + "; valid keys: "
                    + String.join(", ", valid));
        }
    }

    /** Converts an option value to the enum constant whose command-line name (toString) it is. */
    static <E extends Enum<E>> CommandLine.ITypeConverter<E> named(Class<E> type) {
        return value -> {
            for (E e : type.getEnumConstants()) {
                if (e.toString().equalsIgnoreCase(value.trim())) {
                    return e;
                }
            }
            throw new CommandLine.TypeConversionException("expected one of "
                    + Arrays.toString(type.getEnumConstants()) + " but was '" + value + "'");
        };
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    public static void main(String[] args) {
        OptionalInt child = SimdLauncher.relaunchIfUseful(args);
        if (child.isPresent()) {
            System.exit(child.getAsInt());
        }
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args));
    }

    /**
     * Runs one command line and returns its exit code. Errors of the JVM end the run with one line too: an
     * OutOfMemoryError (an estimate should have refused the sizes first) or a StackOverflowError is an internal error,
     * exit 3, never a stack trace.
     */
    static int run(String... args) {
        try {
            CommandLine cl = commandLine(args);
            if (args.length > 0 && !args[0].startsWith("-") && !cl.getSubcommands().containsKey(args[0])) {
                // before picocli sees a --help further on and answers it with the top-level help and exit 0
                throw new IllegalArgumentException("unknown command '" + args[0] + "'; the commands are "
                        + String.join(", ", cl.getSubcommands().keySet()));
            }
            if (args.length > 0 && (args[0].equals("generate-completion") || args[0].equals("help"))
                    && Arrays.asList(args).contains("--json")) {
                throw new IllegalArgumentException(args[0] + " prints " + (args[0].equals("help") ? "a command's help"
                        : "a bash completion script") + ", never JSON: --json does not apply");
            }
            return cl.execute(args);
        } catch (IllegalArgumentException e) {
            System.err.println("engram: error: " + oneLine(e.getMessage()));
            return BAD_INPUT;
        } catch (OutOfMemoryError e) {
            System.err.println("engram: internal error: out of memory (" + Heap.size(Runtime.getRuntime().maxMemory())
                    + " of heap): the sizes given need more; raise it with java -Xmx or choose smaller sizes");
            return INTERNAL;
        } catch (StackOverflowError e) {
            System.err.println("engram: internal error: stack overflow");
            return INTERNAL;
        }
    }
}
