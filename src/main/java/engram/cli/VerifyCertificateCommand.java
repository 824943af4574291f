package engram.cli;

import engram.certify.Certificate;
import engram.certify.CertificateChecker;
import engram.certify.ProofNetwork;
import engram.report.JsonFormat;
import engram.report.TextFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code engram verify-certificate CERT.json}: re-checks a certificate written by {@code engram certify} against the
 * network the options describe, with interval arithmetic alone (no Newton, no eigensolver, no search). Exit 0 when
 * every stated verdict is re-proven, 1 when the certificate is rejected (one line says which check failed), 2 on a
 * bad file.
 */
@Command(name = "verify-certificate", description = "Re-check a certificate from engram certify against your network.",
        sortOptions = false)
final class VerifyCertificateCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;

    @Parameters(index = "0", paramLabel = "CERT.json", description = "The certificate (engram certify --certificates).")
    Path file;

    @Mixin NetworkOptions network;

    /** The command's JSON. */
    record Result(String certificate, boolean valid, List<String> failures) {
    }

    @Override public Integer call() throws Exception {
        String text = TextFiles.read(file, "CERT.json");
        Certificate cert;
        try {
            cert = JsonFormat.read(text, Certificate.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CERT.json " + file + " is not a certificate: "
                    + TextFiles.firstLine(e.getMessage()));
        }
        if (cert == null || cert.format() == null) {
            throw new IllegalArgumentException("CERT.json " + file + " is not a certificate (no format field)");
        }
        ProofNetwork net = network.readProofNetwork();
        List<String> failures;
        try {
            failures = CertificateChecker.check(cert, net);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CERT.json " + file + ": " + e.getMessage());
        }
        if (global.json) {
            System.out.println(JsonFormat.compact(new Result(file.toString(), failures.isEmpty(), failures)));
        } else if (failures.isEmpty()) {
            System.out.println("valid: every verdict in " + file + " is re-proven for this network");
        }
        if (!failures.isEmpty()) {
            System.err.println("engram verify-certificate: rejected: " + failures.get(0)
                    + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more)" : ""));
            return EngramCli.CLAIM_FAILED;
        }
        return EngramCli.OK;
    }
}
