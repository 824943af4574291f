package engram.certify;

import java.util.Base64;
import java.util.List;

/**
 * What a proof rests on, enough for {@link CertificateChecker} to re-check it with interval arithmetic alone. Arrays
 * are the exact IEEE bits, little-endian, in base64; matrices are n x n row-major. Verdicts are "proven", "refuted" or
 * "undecided".
 *
 * @param network the SHA-256 of the network ({@link ProofNetwork#hash()})
 * @param contraction the spectral-norm bounds and the contraction verdict
 * @param equilibria one proof per pattern
 */
public record Certificate(String format, String network, String model, int n, String activation, double tau,
        Contraction contraction, List<Equilibrium> equilibria) {

    public static final String FORMAT = "engram-certificate-2";

    /**
     * {@code ||W||_2 < spectralNormUpper} (a verified Cholesky factorisation re-proves it), and
     * {@code ||W||_2 >= spectralNormLower} from {@code ||W top|| / ||top||}.
     */
    public record Contraction(String contracting, double spectralNormUpper, double spectralNormLower, String top) {
    }

    /**
     * One equilibrium: exactly one in the box {@code center +- boxRadius} (Krawczyk with the preconditioner
     * {@code identity}, meaning -I, or {@code inverse}, the recorded matrix), so within the Euclidean {@code radius} of
     * center; stable with {@code decayRate} by {@code stabilityRoute} ({@code norm-bound}: ||W||_2 max D < 1;
     * {@code symmetrised} or {@code logarithmic-norm}: a verified Cholesky factorisation of {@code -(S + decayRate tau
     * I)}), or unstable by the positive Rayleigh quotient of {@code unstableVector}; every state within the Euclidean
     * {@code basinRadius} of it converges to it ({@code basinRoute}: the logarithmic norm is negative there by the norm
     * bound or a Cholesky factorisation).
     */
    public record Equilibrium(int pattern, String exists, String center, double boxRadius, double radius,
            String preconditioner, String inverse, String stable, String stabilityRoute, double decayRate,
            String unstableVector, double basinRadius, String basinRoute) {
    }

    static String encode(double[] a) {
        return a == null ? null : Base64.getEncoder().encodeToString(ProofNetwork.bytes(a));
    }

    static double[] decode(String s, int length, String what) {
        if (s == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        double[] a;
        try {
            a = ProofNetwork.doubles(Base64.getDecoder().decode(s));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64 doubles: " + e.getMessage());
        }
        if (a.length != length) {
            throw new IllegalArgumentException(what + " has " + a.length + " numbers, expected " + length);
        }
        return a;
    }
}
