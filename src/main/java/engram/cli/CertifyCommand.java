package engram.cli;

import engram.analysis.IdpEquilibria;
import engram.certify.Certificate;
import engram.certify.Certifier;
import engram.certify.ProofNetwork;
import engram.check.GivenNetwork;
import engram.check.NetworkCheck;
import engram.report.AtomicFiles;
import engram.report.JsonFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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
        long start = System.nanoTime();
        Result r;
        if (network.idp()) {
            NetworkOptions.Idp idp = network.readIdp();
            r = proveIdp(idp, file, start);
        } else {
            GivenNetwork g = network.read();
            if ((long) g.n() * g.n() > 25_000_000L) {
                throw new IllegalArgumentException("--couplings: n = " + g.n() + " is above 5000, the largest dense W a "
                        + "proof handles (give a low-rank network as --model idp --patterns --alphas)");
            }
            r = prove(g, global.seed, file, start);
        }
        print(r);
        return EngramCli.OK;
    }

    /** Every proof about g and its patterns' equilibria (found by integration to rest and Newton). */
    static Result prove(GivenNetwork g, long seed, Path file, long start) throws IOException {
        List<double[]> states = g.p() == 0 ? List.of() : NetworkCheck.restingStates(g, seed);
        return prove(g.proofNetwork(), states, new ArrayList<>(Collections.nCopies(states.size(), null)), file, start);
    }

    /**
     * Every proof about net, one equilibrium per state (null: none), {@code notes} the reasons to give where a state is
     * missing; the certificate goes to {@code file} unless null; {@code seconds} counts from {@code start} (nanoTime).
     */
    static Result prove(ProofNetwork net, List<double[]> states, List<String> notes, Path file, long start)
            throws IOException {
        Progress progress = new Progress("certify");
        progress.at(0.2, "proving");
        Certifier.Outcome o = Certifier.certify(net, states);
        List<String> reasons = new ArrayList<>(o.equilibriumReasons());
        for (int k = 0; k < states.size(); k++) {
            if (states.get(k) == null && notes.get(k) != null && Certifier.UNDECIDED.equals(o.certificate().equilibria()
                    .get(k).exists())) {
                reasons.set(k, notes.get(k) + (reasons.get(k) == null ? "" : ": " + reasons.get(k)));
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
        return new Result(net.n(), net.model(), c.contraction().spectralNormUpper(), c.contraction().spectralNormLower(),
                c.contraction().contracting(), o.contractionReason(), eq, (System.nanoTime() - start) / 1e9);
    }

    /**
     * IDP: the proofs about each memory, starting from the closed form's equilibrium c xi_mu polished by Newton
     * (Woodbury), where the closed form says one exists.
     */
    private static Result proveIdp(NetworkOptions.Idp idp, Path file, long start) throws IOException {
        List<double[]> states = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double slope = idp.net().activation().derivative(0);
        for (IdpEquilibria.Memory m : IdpEquilibria.analyze(idp.patterns(), idp.alphas(), idp.net().activation())
                .memories()) {
            states.add(m.exists() ? m.state() : null);
            notes.add(m.predictedExists() ? "Newton from the closed form's c xi did not converge" : "the closed form "
                    + "predicts no equilibrium along this pattern (alpha psi'(0) = " + m.alpha() * slope + " <= 1), but "
                    + "non-existence is not proven");
        }
        return prove(idp.net(), states, notes, file, start);
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
    static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "n = %d, %s model: ||W||_2 in [%.10g, %.10g]; contraction %s%s%n", r.n(), r.model(),
                r.spectralNormLower(), r.spectralNormUpper(), r.contracting(), r.reason() == null ? "" : " (" + r.reason() + ")");
        for (EquilibriumOut e : r.equilibria()) {
            out.printf(Locale.ROOT, "pattern %d: exists %s (radius %.3g), stable %s (decay rate %.6g), basin radius "
                    + "%.4g%s%n", e.pattern(), e.exists(), e.radius(), e.stable(), e.decayRate(), e.basinRadius(),
                    e.reason() == null ? "" : "; " + e.reason());
        }
    }

}
