package engram.cli;

import engram.analysis.IdpEquilibria;
import engram.certify.Certificate;
import engram.certify.Certifier;
import engram.certify.ProofNetwork;
import engram.check.GivenNetwork;
import engram.check.NetworkCheck;
import engram.memory.PatternSet;
import engram.report.AtomicFiles;
import engram.report.JsonFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram certify}: interval-arithmetic proofs about a user's network (docs/theory.md section 8): a rigorous
 * bound on ||W||_2 and whether the contraction condition holds, and for each pattern the equilibrium it leads to:
 * exactly one in a box (Krawczyk), its stability with a decay rate, a ball in its basin. Verdicts are proven, refuted
 * or undecided (with the reason). {@code --certificates DIR} writes the proof for {@code engram verify-certificate}.
 */
@Command(name = "certify", description = "Prove (interval arithmetic) contraction, equilibria, stability and basins of "
        + "your network.", sortOptions = false)
final class CertifyCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Mixin NetworkOptions network;

    @Option(names = "--certificates", paramLabel = "DIR", description = "Write the proof as DIR/certificate.json.")
    Path certificates;

    /** One equilibrium's verdicts, as the JSON contract names them (pattern counts from 1). */
    record EquilibriumOut(int pattern, String exists, double radius, String stable, String stabilityRoute,
            double decayRate, double basinRadius, String certificate, String reason) {
    }

    /** The command's JSON. */
    record Result(int n, String model, double spectralNormUpper, double spectralNormLower, String contracting,
            String reason, List<EquilibriumOut> equilibria, double seconds) {
    }

    @Override public Integer call() throws Exception {
        Path file = certificates == null ? null : certificates.resolve("certificate.json");
        if (certificates != null) {
            AtomicFiles.checkDirectory(certificates, "--certificates");
        }
        GivenNetwork g = network.read(true);
        if ((long) g.n() * g.n() * g.n() > 8_000_000_000L) {
            throw new IllegalArgumentException("--couplings: n = " + g.n() + " is above 2000, the largest network a "
                    + "proof handles in reasonable time (its interval products cost n^3)");
        }
        Result r = prove(g, network, global.seed, file);
        print(r);
        return EngramCli.OK;
    }

    /** Every proof about g (and its patterns' equilibria); the certificate goes to {@code file} unless null. */
    static Result prove(GivenNetwork g, NetworkOptions network, long seed, Path file) throws java.io.IOException {
        long start = System.nanoTime();
        Progress progress = new Progress("certify");
        progress.at(0, "searching the equilibria of " + g.p() + " patterns");
        ProofNetwork net = g.proofNetwork();
        List<double[]> states = g.p() == 0 ? List.of() : network.idp() ? idpStates(g, network) : NetworkCheck.restingStates(g,
                seed);
        progress.at(0.2, "proving");
        Certifier.Outcome o = Certifier.certify(net, states);
        List<String> reasons = new ArrayList<>(o.equilibriumReasons());
        if (network.idp()) {
            for (int k = 0; k < states.size(); k++) {
                if (states.get(k) == null) {
                    reasons.set(k, "the closed form predicts no equilibrium along this pattern (alpha psi'(0) = "
                            + network.alphas.get(k) * g.activation().derivative(0) + " <= 1); non-existence is not proven");
                }
            }
        }
        Certificate c = o.certificate();
        if (file != null) {
            AtomicFiles.write(file, JsonFormat.exact(c) + "\n");
        }
        List<EquilibriumOut> eq = new ArrayList<>();
        for (int k = 0; k < c.equilibria().size(); k++) {
            Certificate.Equilibrium e = c.equilibria().get(k);
            eq.add(new EquilibriumOut(e.pattern(), e.exists(), e.radius(), e.stable(), e.stabilityRoute(), e.decayRate(),
                    e.basinRadius(), file == null ? null : file.toString(), reasons.get(k)));
        }
        Result r = new Result(g.n(), network.idp() ? "idp" : net.model(), c.contraction().spectralNormUpper(),
                c.contraction().spectralNormLower(), c.contraction().contracting(), o.contractionReason(), eq,
                (System.nanoTime() - start) / 1e9);
        return r;
    }

    /** IDP: the closed form's equilibrium c xi_mu polished by Newton, where the closed form says one exists. */
    private static List<double[]> idpStates(GivenNetwork g, NetworkOptions network) {
        double[] alpha = network.alphas.stream().mapToDouble(Double::doubleValue).toArray();
        PatternSet xi = new PatternSet(g.n(), g.p(), g.patterns(), "given");
        List<double[]> out = new ArrayList<>();
        for (IdpEquilibria.Memory m : IdpEquilibria.analyze(xi, alpha, g.activation()).memories()) {
            out.add(m.exists() ? m.state() : null);
        }
        return out;
    }

    private void print(Result r) {
        if (global.json) {
            System.out.println(JsonFormat.compact(r));
            return;
        }
        print(r, System.out);
        if (certificates != null) {
            System.out.println("Certificate written to " + certificates.resolve("certificate.json"));
        }
    }

    /** The proofs as text, one line for contraction and one per equilibrium. */
    static void print(Result r, java.io.PrintStream out) {
        out.printf(Locale.ROOT, "n = %d, %s model: ||W||_2 in [%.10g, %.10g]; contraction %s%s%n", r.n(), r.model(),
                r.spectralNormLower(), r.spectralNormUpper(), r.contracting(), r.reason() == null ? "" : " (" + r.reason() + ")");
        for (EquilibriumOut e : r.equilibria()) {
            out.printf(Locale.ROOT, "pattern %d: exists %s (radius %.3g), stable %s (decay rate %.6g), basin radius "
                    + "%.4g%s%n", e.pattern(), e.exists(), e.radius(), e.stable(), e.decayRate(), e.basinRadius(),
                    e.reason() == null ? "" : "; " + e.reason());
        }
    }

}
