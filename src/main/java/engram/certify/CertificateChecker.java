package engram.certify;

import engram.interval.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-checks a {@link Certificate} against a network with the interval steps of {@link Proofs} alone (interval products
 * and verified Cholesky factorisations): no Newton, no eigensolver, no search. Every stated verdict and number must follow from the recorded data: a box that Krawczyk's
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
        if (cert.contraction() == null) {
            failures.add("the certificate has no spectral-norm bound (contraction)");
            return failures;
        }
        try {
            contraction(cert.contraction(), net, failures);
        } catch (IllegalArgumentException bad) {
            failures.add("contraction: " + bad.getMessage());
        }
        // the norm-bound routes rest on the upper bound, so only a re-proven one may be used
        double normUpper = failures.isEmpty() ? cert.contraction().spectralNormUpper() : Double.POSITIVE_INFINITY;
        for (Certificate.Equilibrium e : cert.equilibria() == null ? List.<Certificate.Equilibrium>of() : cert.equilibria()) {
            try {
                equilibrium(e, normUpper, net, failures);
            } catch (IllegalArgumentException | ArithmeticException bad) {
                failures.add("pattern " + e.pattern() + ": " + bad.getMessage());
            }
        }
        return failures;
    }

    private static void contraction(Certificate.Contraction c, ProofNetwork net, List<String> failures) {
        double upper = c.spectralNormUpper();
        if (Double.isFinite(upper) && !Proofs.normBelow(net, upper)) {
            failures.add("spectralNormUpper " + upper + " is not re-proven (no Cholesky proof of ||W||_2 below it)");
        }
        double lower = Proofs.normLowerBound(net, Certificate.decode(c.top(), net.n(), "contraction top vector"));
        if (!(lower >= c.spectralNormLower())) {
            failures.add("spectralNormLower " + c.spectralNormLower() + " is above the re-proven bound " + lower);
        }
        String verdict = Certifier.contractionVerdict(net, upper, c.spectralNormLower());
        if (!Certifier.UNDECIDED.equals(c.contracting()) && !verdict.equals(c.contracting())) {
            failures.add("contracting " + c.contracting() + " does not follow from the bounds (" + verdict + ")");
        }
    }

    private static void equilibrium(Certificate.Equilibrium e, double normUpper, ProofNetwork net, List<String> failures) {
        if (!Certifier.PROVEN.equals(e.exists())) {
            if (Certifier.PROVEN.equals(e.stable()) || Certifier.REFUTED.equals(e.stable()) || e.basinRadius() > 0) {
                failures.add("pattern " + e.pattern() + ": a stability or basin verdict without a proven equilibrium");
            }
            if (Certifier.REFUTED.equals(e.exists())) {
                String why = !net.lowRank() ? "non-existence is proven only for low-rank networks"
                        : e.pattern() < 1 || e.pattern() > net.p() ? "no pattern " + e.pattern()
                        : LowRankProofs.noEquilibriumAlong(net, e.pattern() - 1);
                if (why != null) {
                    failures.add("pattern " + e.pattern() + ": non-existence does not follow (" + why + ")");
                }
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
        String mismatch = net.lowRank() ? (Certifier.INVERSE.equals(e.preconditioner()) || Certifier.SYMMETRISED.equals(
                e.stabilityRoute()) || Certifier.LOG_NORM.equals(e.stabilityRoute()) || Certifier.LOG_NORM.equals(
                e.basinRoute()) ? "a dense-W route on a low-rank network" : null) : Certifier.WOODBURY.equals(
                e.preconditioner()) || Certifier.REDUCED.equals(e.stabilityRoute()) ? "a low-rank route on a dense W" : null;
        if (mismatch != null) {
            failures.add("pattern " + e.pattern() + ": " + mismatch);
            return;
        }
        double[] c = switch (String.valueOf(e.preconditioner())) {
            case Certifier.IDENTITY -> null;
            case Certifier.INVERSE -> Certificate.decode(e.inverse(), n * n, "inverse");
            case Certifier.WOODBURY -> Certificate.decode(e.inverse(), net.p() * net.p(), "Woodbury matrix");
            default -> throw new IllegalArgumentException("preconditioner " + e.preconditioner() + " is not identity, "
                    + "inverse or woodbury");
        };
        double ratio = Proofs.krawczykRatio(net, center, box, c);
        if (!(ratio < 1)) {
            failures.add("pattern " + e.pattern() + ": Krawczyk's test fails on the box (ratio " + ratio + ")");
            return;
        }
        double radius = Interval.of(box).mul(Interval.of(n).sqrt()).hi();
        if (!(e.radius() >= radius)) {
            failures.add("pattern " + e.pattern() + ": radius " + e.radius() + " is below the box's " + radius);
        }
        stability(e, normUpper, net, center, box, failures);
        if (e.basinRadius() > 0 && !basinHolds(e, normUpper, net, center, box + e.basinRadius())) {
            failures.add("pattern " + e.pattern() + ": the logarithmic norm is not proven negative over the basin ball of "
                    + "radius " + e.basinRadius() + " (route " + e.basinRoute() + ")");
        }
    }

    private static boolean basinHolds(Certificate.Equilibrium e, double normUpper, ProofNetwork net, double[] center,
            double r) {
        return switch (String.valueOf(e.basinRoute())) {
            case Certifier.NORM_BOUND -> Proofs.normBoundMargin(net, center, r, normUpper) > 0;
            case Certifier.LOG_NORM -> Certifier.contracts(net, center, r);
            default -> false;
        };
    }

    private static void stability(Certificate.Equilibrium e, double normUpper, ProofNetwork net, double[] center,
            double box, List<String> failures) {
        String route = String.valueOf(e.stabilityRoute());
        if (Certifier.SYMMETRISED.equals(route) && !net.symmetric()) {
            failures.add("pattern " + e.pattern() + ": the symmetrised route needs a symmetric W");
            return;
        }
        if (Certifier.PROVEN.equals(e.stable())) {
            double kappa = Interval.of(e.decayRate()).mul(Interval.of(net.tau())).hi();
            boolean holds = e.decayRate() > 0 && switch (route) {
                case Certifier.NORM_BOUND -> Proofs.normBoundMargin(net, center, box, normUpper) >= kappa;
                case Certifier.SYMMETRISED -> Proofs.negativeDefiniteBelow(Proofs.symmetrised(net, center, box), kappa);
                case Certifier.LOG_NORM -> Proofs.negativeDefiniteBelow(Proofs.symmetricPart(net, center, box), kappa);
                case Certifier.REDUCED -> (net.p() == net.n() || kappa < 1) && Proofs.negativeDefiniteBelow(LowRankProofs.reducedJacobian(net,
                        center, box), kappa);
                default -> false;
            };
            if (!holds) {
                failures.add("pattern " + e.pattern() + ": stable with decay rate " + e.decayRate() + " does not follow by "
                        + "the route " + route);
            }
        } else if (Certifier.REFUTED.equals(e.stable())) {
            double lower = Certifier.SYMMETRISED.equals(route) ? Proofs.symmetrised(net, center, box).rayleighLowerBound(
                    Certificate.decode(e.unstableVector(), net.n(), "unstable vector"))
                    : Certifier.REDUCED.equals(route) && LowRankProofs.exact(net) ? LowRankProofs.reducedJacobian(net,
                    center, box).rayleighLowerBound(Certificate.decode(e.unstableVector(), net.p(), "unstable vector"))
                    : Double.NaN;
            if (!(lower > 0)) {
                failures.add("pattern " + e.pattern() + ": unstable does not follow (Rayleigh bound " + lower + ")");
            }
        }
    }
}
