package engram.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

/**
 * What {@code engram check} found on a given network (the JSON contract of the command): the measured hypotheses,
 * every catalogue claim as applicable or not (with the hypothesis that decides it), the verdict and worst margin of
 * each one run, one entry per given pattern, and notes with the analytic conditions that apply.
 */
public record CheckReport(int n, String model, boolean symmetric, double asymmetry, boolean zeroDiagonal, double spectralNorm,
        double lipschitzBound, boolean contracting, long seed, List<ClaimCheck> claims, List<Equilibrium> equilibria,
        List<String> notes) {

    /** One catalogue claim on this network. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClaimCheck(String id, boolean applicable, String reason, String verdict, Double worstMargin,
            String detail) {
    }

    /** The equilibrium found from one given pattern. */
    public record Equilibrium(int pattern, boolean converged, double residual, double maxRealEigenvalue, boolean stable,
            double returnFraction) {
    }

    /** Whether every applicable claim holds. */
    public boolean allHold() {
        return claims.stream().filter(ClaimCheck::applicable).allMatch(c -> "HOLDS".equals(c.verdict()));
    }

    /** Throws an AssertionError naming every failing claim, its worst case and the seed (for users' own tests). */
    public void assertHolds() {
        StringBuilder sb = new StringBuilder();
        for (ClaimCheck c : claims) {
            if (c.applicable() && !"HOLDS".equals(c.verdict())) {
                sb.append("\n  ").append(c.id()).append(": ").append(c.verdict()).append(", worst margin ")
                        .append(c.worstMargin()).append(": ").append(c.detail());
            }
        }
        if (sb.length() > 0) {
            throw new AssertionError("Engram: claims fail on this network (n = " + n + ", seed " + seed
                    + "; re-run with the same seed to reproduce):" + sb);
        }
    }

    /** The one-screen human summary. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Network: %s model, n = %d; W %s (largest |W - W^T| %.3g), %s diagonal%n",
                model, n, symmetric ? "symmetric" : "NOT symmetric", asymmetry, zeroDiagonal ? "zero" : "non-zero"));
        sb.append(String.format(Locale.ROOT, "||W||_2 = %.6g, Lip(psi) ||W||_2 = %.6g: %s%n", spectralNorm, lipschitzBound,
                contracting ? "contracting (one globally stable equilibrium)" : "not contracting"));
        sb.append("Claims:\n");
        for (ClaimCheck c : claims) {
            if (c.applicable()) {
                sb.append(String.format(Locale.ROOT, "  %-28s %-6s worst margin %.3g  (%s)%n", c.id(), c.verdict(),
                        c.worstMargin(), c.reason()));
            }
        }
        long skipped = claims.stream().filter(c -> !c.applicable()).count();
        sb.append("  ").append(skipped).append(" claims not applicable (see --json for each reason)\n");
        for (Equilibrium e : equilibria) {
            sb.append(String.format(Locale.ROOT, "Pattern %d: %s, residual %.2g, largest real eigenvalue %.4g (%s), "
                    + "noisy cues returning %.0f%%%n", e.pattern(), e.converged() ? "equilibrium found" : "NOT converged",
                    e.residual(), e.maxRealEigenvalue(), e.stable() ? "stable" : "unstable", 100 * e.returnFraction()));
        }
        notes.forEach(note -> sb.append("Note: ").append(note).append('\n'));
        sb.append(allHold() ? "Every applicable claim holds.\n" : "SOME APPLICABLE CLAIM FAILS.\n");
        return sb.toString();
    }
}
