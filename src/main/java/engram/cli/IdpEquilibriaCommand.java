package engram.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import engram.Heap;
import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.analysis.IdpEquilibria;
import engram.memory.MemoryKind;
import engram.memory.PatternSet;
import engram.model.InputDriven;
import engram.model.MixedInputs;
import engram.report.JsonFormat;
import engram.theorem.Theorems;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram idp-equilibria}: the equilibria of the IDP network (diagonal of W(u) kept) along each memory for the
 * input {@code u = sum_mu alpha_mu xi_mu}, from the dynamics (Newton's method on the full network, Jacobian
 * eigenvalues), with the closed-form conditions for orthogonal memories beside them. For Hadamard memories the two
 * must agree (exit 1 otherwise); for random memories the conditions are reported only.
 */
@Command(name = "idp-equilibria", description = "Equilibria of the input-driven (IDP) network along each memory.")
final class IdpEquilibriaCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Option(names = "--n", defaultValue = "64", description = "Neurons N (hadamard: a power of two) (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--patterns", defaultValue = "hadamard", description = "hadamard | random (default ${DEFAULT-VALUE}).")
    MemoryKind patterns;

    @Option(names = "--alphas", split = ",", required = true,
            description = "The input's weights alpha_1,...,alpha_P: u = sum_mu alpha_mu xi_mu.")
    List<Double> alphas;

    @Option(names = "--activation", defaultValue = "tanh", description = "tanh | algebraic (odd, concave on (0, inf)) (default ${DEFAULT-VALUE}).")
    ActivationKind activation;

    @Option(names = "--gain", defaultValue = "1", description = "Gain g, > 0 (default ${DEFAULT-VALUE}).")
    double gain;

    /** One memory (the keys are the command's contract); the dynamics' fields only where the equilibrium exists. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MemoryOut(int memory, double alpha, double effectiveAlpha, boolean exists, Double c, Double maxRealEigenvalue, Boolean stable,
            Double energyPerNeuron, boolean predictedExists, double predictedC, boolean predictedStable,
            Double predictedEnergyPerNeuron, double residual) {
    }

    /** The JSON output. */
    record Result(int n, String patterns, String activation, double gain, List<MemoryOut> memories, boolean originStable,
            double originMaxRealEigenvalue, boolean originPredictedStable, boolean conditionsApply, boolean consistent,
            double seconds) {
    }

    @Override public Integer call() {
        if (patterns != MemoryKind.HADAMARD && patterns != MemoryKind.RANDOM) {
            throw new IllegalArgumentException("--patterns must be hadamard or random, got '" + patterns + "'");
        }
        if (activation != ActivationKind.TANH && activation != ActivationKind.ALGEBRAIC) {
            throw new IllegalArgumentException("--activation must be tanh or algebraic (odd, concave on (0, inf)), got '"
                    + activation + "'");
        }
        int p = Ranges.listOf("--alphas", alphas, 1000).size();
        Ranges.eachWithin("--alphas", alphas, -1e6, 1e6, 1000);
        if (patterns == MemoryKind.HADAMARD && (n < 2 || Integer.bitCount(n) != 1 || p > n - 1)) {
            throw new IllegalArgumentException("--n must be a power of two above the number of --alphas (" + p
                    + ") for hadamard patterns, got " + n);
        }
        Ranges.within("--n", n, Math.max(2, p), 1 << 20);
        Ranges.within("--gain", gain, 1e-9, 1e9);
        // Newton on the rank-P reduction for each memory: O(N P^2) per iteration, P memories
        Heap.elements("--n " + n + " and " + p + " --alphas", n, p);
        Heap.checkDoubles("--n " + n + " and " + p + " --alphas", 4.0 * n * p);
        Ranges.within("--n x (number of --alphas)^3", (long) n * p * p * p, 1, 20_000_000_000L);
        long started = System.nanoTime();
        PatternSet xi = patterns.build(n, p, 0.5, 0, new SplittableRandom(global.seed));
        double[] weights = alphas.stream().mapToDouble(Double::doubleValue).toArray();
        double[] alpha = InputDriven.alpha(xi, MixedInputs.input(xi, weights));
        Activation psi = activation.of(gain, 0);
        Progress progress = new Progress("idp-equilibria");
        IdpEquilibria.Result r = IdpEquilibria.analyze(xi, alpha, psi,
                done -> progress.at((double) done / p, done + " of " + p + " memories"));
        boolean applies = patterns == MemoryKind.HADAMARD;
        boolean consistent = true;
        // the claim's own margin around the existence and stability boundaries
        double ambiguous = Theorems.byId("idp.orthogonal-equilibria").tolerance("ambiguous");
        List<MemoryOut> out = new ArrayList<>();
        for (IdpEquilibria.Memory m : r.memories()) {
            consistent &= !applies || m.agrees(psi.derivative(0), ambiguous);
            out.add(new MemoryOut(m.index(), weights[m.index()], m.alpha(), m.exists(), m.exists() ? amplitude(m.state()) : null,
                    m.exists() ? m.maxRealEigenvalue() : null, m.exists() ? m.stable() : null,
                    m.exists() ? m.energyPerNeuron() : null, m.predictedExists(), m.c(), m.predictedStable(),
                    m.predictedExists() ? m.predictedEnergyPerNeuron() : null, m.residual()));
        }
        consistent &= !applies || r.originStable() == r.originPredictedStable();
        Result res = new Result(n, patterns.toString(), activation.toString(), gain, out, r.originStable(),
                r.originMaxEigenvalue(), r.originPredictedStable(), applies, consistent, (System.nanoTime() - started) / 1e9);
        if (global.json) {
            System.out.println(JsonFormat.compact(res));
        } else {
            for (MemoryOut m : out) {
                System.out.printf(Locale.ROOT, "memory %d: alpha %.4g, %s%s (predicted: %s)%n", m.memory(), m.effectiveAlpha(),
                        m.exists() ? String.format(Locale.ROOT, "c %.6g, lambda_max %.4g, %s, E/N %.6g", m.c(),
                                m.maxRealEigenvalue(), m.stable() ? "stable" : "unstable", m.energyPerNeuron()) : "no equilibrium",
                        "", m.predictedExists() ? (m.predictedStable() ? "stable" : "unstable") : "none");
            }
            System.out.printf(Locale.ROOT, "origin: lambda_max %.4g, %s (predicted %s)%s%n", r.originMaxEigenvalue(),
                    r.originStable() ? "stable" : "unstable", r.originPredictedStable() ? "stable" : "unstable",
                    applies ? (consistent ? "; conditions agree with the dynamics" : "; CONDITIONS DISAGREE")
                            : " (conditions derived for orthogonal memories: reported only)");
        }
        return consistent ? EngramCli.OK : EngramCli.CLAIM_FAILED;
    }

    /** The mean |x_i| of an equilibrium: its amplitude c when it is c xi_mu. */
    private static double amplitude(double[] x) {
        double s = 0;
        for (double v : x) {
            s += Math.abs(v);
        }
        return s / x.length;
    }
}
