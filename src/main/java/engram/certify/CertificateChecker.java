package engram.certify;

import engram.interval.Interval;
import engram.interval.IntervalMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-checks a {@link Certificate} against a network with the interval steps of {@link Proofs} alone: no Newton, no
 * eigensolver, no search. Every stated verdict and number must follow from the recorded data: a box that Krawczyk's
 * test does not prove, a radius below what the box gives, a decay rate above the recomputed bound, a basin ball
 * where the logarithmic norm is not proven negative, a spectral-norm bound below the recomputed one, or another
 * network (its hash) is a rejection.
 */
public final class CertificateChecker {

    private CertificateChecker() {
    }

    /** Why the certificate is not a proof about {@code net}; empty when every stated verdict is re-proven. */
    public static List<String> check(Certificate cert, ProofNetwork net) {
        List<String> failures = new ArrayList<>();
        if (!Certificate.FORMAT.equals(cert.format())) {
            failures.add("format " + cert.format() + " is not " + Certificate.FORMAT);
            return failures;
        }
        if (!net.hash().equals(cert.network())) {
            failures.add("the certificate is about another network (hash " + cert.network() + ", this one " + net.hash() + ")");
            return failures;
        }
        if (cert.contraction() != null) {
            contraction(cert.contraction(), net, failures);
        }
        for (Certificate.Equilibrium e : cert.equilibria() == null ? List.<Certificate.Equilibrium>of() : cert.equilibria()) {
            try {
                equilibrium(e, net, failures);
            } catch (IllegalArgumentException | ArithmeticException bad) {
                failures.add("pattern " + e.pattern() + ": " + bad.getMessage());
            }
        }
        return failures;
    }

    private static void contraction(Certificate.Contraction c, ProofNetwork net, List<String> failures) {
        int n = net.n();
        IntervalMatrix gram = Proofs.gram(net);
        double upper = Proofs.sqrtUp(gram.symmetricUpperBound(Certificate.decode(c.vectors(), n * n, "contraction vectors")));
        double lower = Proofs.sqrtDown(gram.rayleighLowerBound(Certificate.decode(c.top(), n, "contraction top vector")));
        if (!(upper <= c.spectralNormUpper())) {
            failures.add("spectralNormUpper " + c.spectralNormUpper() + " is below the re-proven bound " + upper);
        }
        if (!(lower >= c.spectralNormLower())) {
            failures.add("spectralNormLower " + c.spectralNormLower() + " is above the re-proven bound " + lower);
        }
        String verdict = Certifier.contractionVerdict(net, c.spectralNormUpper(), c.spectralNormLower());
        if (!Certifier.UNDECIDED.equals(c.contracting()) && !verdict.equals(c.contracting())) {
            failures.add("contracting " + c.contracting() + " does not follow from the bounds (" + verdict + ")");
        }
    }

    private static void equilibrium(Certificate.Equilibrium e, ProofNetwork net, List<String> failures) {
        if (!Certifier.PROVEN.equals(e.exists())) {
            if (Certifier.PROVEN.equals(e.stable()) || Certifier.REFUTED.equals(e.stable()) || e.basinRadius() > 0) {
                failures.add("pattern " + e.pattern() + ": a stability or basin verdict without a proven equilibrium");
            }
            return;
        }
        int n = net.n();
        double[] center = Certificate.decode(e.center(), n, "center");
        double box = e.boxRadius();
        if (!(box > 0) || !Double.isFinite(box)) {
            failures.add("pattern " + e.pattern() + ": box radius " + box + " is not positive");
            return;
        }
        double ratio = Proofs.krawczykRatio(net, center, box, Certificate.decode(e.inverse(), n * n, "inverse"));
        if (!(ratio < 1)) {
            failures.add("pattern " + e.pattern() + ": Krawczyk's test fails on the box (ratio " + ratio + ")");
            return;
        }
        double radius = Interval.of(box).mul(Interval.of(n).sqrt()).hi();
        if (!(e.radius() >= radius)) {
            failures.add("pattern " + e.pattern() + ": radius " + e.radius() + " is below the box's " + radius);
        }
        stability(e, net, center, box, failures);
        if (e.basinRadius() > 0 && !Certifier.contracts(net, center, box + e.basinRadius(),
                Certificate.decode(e.basinVectors(), n * n, "basin vectors"))) {
            failures.add("pattern " + e.pattern() + ": the logarithmic norm is not proven negative over the basin ball of "
                    + "radius " + e.basinRadius());
        }
    }

    private static void stability(Certificate.Equilibrium e, ProofNetwork net, double[] center, double box,
            List<String> failures) {
        int n = net.n();
        boolean symmetrised = "symmetrised".equals(e.stabilityRoute());
        if (symmetrised && !net.symmetric()) {
            failures.add("pattern " + e.pattern() + ": the symmetrised route needs a symmetric W");
            return;
        }
        if (Certifier.PROVEN.equals(e.stable())) {
            IntervalMatrix m = symmetrised ? Proofs.symmetrised(net, center, box) : Proofs.symmetricPart(net, center, box);
            double upper = m.symmetricUpperBound(Certificate.decode(e.stabilityVectors(), n * n, "stability vectors"));
            double decay = upper < 0 ? Proofs.divide(-upper, net.tau(), false) : 0;
            if (!(upper < 0) || !(e.decayRate() <= decay)) {
                failures.add("pattern " + e.pattern() + ": stable with decay rate " + e.decayRate()
                        + " does not follow (re-proven largest eigenvalue bound " + upper + ")");
            }
        } else if (Certifier.REFUTED.equals(e.stable())) {
            double lower = symmetrised ? Proofs.symmetrised(net, center, box).rayleighLowerBound(
                    Certificate.decode(e.unstableVector(), n, "unstable vector")) : Double.NaN;
            if (!(lower > 0)) {
                failures.add("pattern " + e.pattern() + ": unstable does not follow (Rayleigh bound " + lower + ")");
            }
        }
    }
}
