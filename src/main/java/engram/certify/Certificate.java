package engram.certify;

import java.util.Base64;
import java.util.List;

/**
 * What a proof rests on, enough for {@link CertificateChecker} to re-check it with interval arithmetic alone. Arrays
 * are the exact IEEE bits, little-endian, in base64; matrices are n x n row-major, eigenvector matrices hold the
 * vectors as columns. Verdicts are "proven", "refuted" or "undecided".
 *
 * @param network the SHA-256 of the network ({@link ProofNetwork#hash()})
 * @param contraction the spectral-norm bounds and the contraction verdict
 * @param equilibria one proof per pattern
 */
public record Certificate(String format, String network, String model, int n, String activation, double tau,
        Contraction contraction, List<Equilibrium> equilibria) {

    public static final String FORMAT = "engram-certificate-1";

    /**
     * {@code ||W||_2 <= spectralNormUpper} from approximate eigenvectors {@code vectors} of W^T W, and
     * {@code ||W||_2 >= spectralNormLower} from the Rayleigh quotient of {@code top}.
     */
    public record Contraction(String contracting, double spectralNormUpper, double spectralNormLower, String vectors,
            String top) {
    }

    /**
     * One equilibrium: exactly one in the box {@code center +- boxRadius} (Krawczyk with the matrix {@code inverse}),
     * so within the Euclidean {@code radius} of center; its stability from {@code stabilityVectors} (an upper bound on
     * the largest eigenvalue, giving {@code decayRate}) or {@code unstableVector} (a positive Rayleigh quotient); every
     * state within the Euclidean {@code basinRadius} of it converges to it ({@code basinVectors} bound the logarithmic
     * norm there).
     */
    public record Equilibrium(int pattern, String exists, String center, double boxRadius, double radius, String inverse,
            String stable, String stabilityRoute, double decayRate, String stabilityVectors, String unstableVector,
            double basinRadius, String basinVectors) {
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
