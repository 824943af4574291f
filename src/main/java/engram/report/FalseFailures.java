package engram.report;

import engram.claim.CatalogueEntry;
import engram.claim.Claim;
import engram.claim.ClaimResult;
import engram.claim.ClaimRunner;
import engram.claim.Depth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * Measured false-failure rates of the statistical claims (those whose catalogue entry states a
 * {@code false-failure-rate.per-case}): each claim's hypothesis cases are run at one depth for seeds {@code first ..
 * first + seeds - 1} on the code as it is, and every FAILS counts. The stated rate per run is
 * {@code 1 - (1 - p)^cases} for the claim's per-case bound p and its number of cases at that depth. A claim is
 * <b>consistent</b> with its stated rate unless so many failures would be rarer than {@link #ALARM} under it (binomial
 * upper tail); the 95% Clopper-Pearson upper bound says how small a rate the run can vouch for (with 0 failures in 200
 * runs, 1.8%). {@link #familyWise} is the whole report's: a seed fails when any statistical claim fails there (stated:
 * one minus the product of the claims' pass probabilities, at most their sum). Written by {@code engram
 * false-failures} to {@code reports/false-failures.json} (quick) and {@code reports/false-failures-deep.json}; the
 * report shows measured beside stated.
 */
public record FalseFailures(long firstSeed, int seeds, String depth, String date, String commit, List<Rate> claims,
        Rate familyWise) {

    /** The file {@code engram false-failures} writes for a depth, under {@code reports/}. */
    public static Path defaultFile(Depth depth) {
        return Path.of("reports", depth == Depth.DEEP ? "false-failures-deep.json" : "false-failures.json");
    }

    /** Files written before depths were recorded are quick-depth measurements. */
    public FalseFailures {
        depth = depth == null ? "quick" : depth;
    }

    /** A binomial tail below this marks the measured rate inconsistent with the stated one. */
    public static final double ALARM = 1e-3;

    /** One claim's stated and measured rate. */
    public record Rate(String id, double stated, int runs, int failures, int inconclusive, double measured,
            double upper95, double tail, boolean consistent, List<Long> failingSeeds) {
    }

    public boolean allConsistent() {
        return claims.stream().allMatch(Rate::consistent) && (familyWise == null || familyWise.consistent());
    }

    static Rate rate(String id, double stated, int runs, int failures, int inconclusive, List<Long> failing) {
        // the Clopper-Pearson upper bound (two-sided 95%): the 0.975 quantile of Beta(k + 1, n - k)
        double upper = runs == 0 || failures >= runs ? 1
                : new BetaDistribution(failures + 1, runs - failures).inverseCumulativeProbability(0.975);
        // P(X >= failures) under the stated rate
        double tail = failures == 0 ? 1 : 1 - new BinomialDistribution(runs, stated).cumulativeProbability(failures - 1);
        return new Rate(id, stated, runs, failures, inconclusive, runs == 0 ? 0 : (double) failures / runs, upper, tail,
                tail >= ALARM, failing);
    }

    /**
     * The stated family-wise rate of a report at {@code depth}: the probability that some statistical claim among
     * {@code claims} fails, {@code 1 - prod (1 - rate_c)}, the claims' cases being drawn independently.
     */
    public static double statedFamilyWise(List<Claim<?>> claims, Depth depth) {
        double pass = 1;
        for (Claim<?> c : claims) {
            pass *= 1 - c.entry().falseFailureRate(depth.examples(c));
        }
        return 1 - pass;
    }

    /**
     * Measures every claim in {@code claims} that states a rate, at {@code depth}, over {@code seeds} seeds on
     * {@code threads} threads.
     */
    public static FalseFailures measure(List<Claim<?>> claims, long firstSeed, int seeds, int threads, Depth depth,
            Consumer<String> progress) throws InterruptedException {
        Set<Long> anyFailing = new TreeSet<>();
        List<Claim<?>> statistical = new ArrayList<>();
        List<Rate> out = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "engram-false-failures");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Claim<?> c : claims) {
                CatalogueEntry e = c.entry();
                if (!e.statistical()) {
                    continue;
                }
                long start = System.nanoTime();
                AtomicInteger inconclusive = new AtomicInteger();
                List<Future<ClaimResult>> runs = new ArrayList<>();
                for (int k = 0; k < seeds; k++) {
                    long seed = firstSeed + k;
                    runs.add(pool.submit(() -> ClaimRunner.runHypotheses(c, seed, depth.examples(c))));
                }
                List<Long> failing = new ArrayList<>();
                for (Future<ClaimResult> f : runs) {
                    ClaimResult r;
                    try {
                        r = f.get();
                    } catch (ExecutionException ex) {
                        throw new IllegalStateException(c.id() + ": a run threw " + ex.getCause(), ex.getCause());
                    }
                    if (r.verdict() == ClaimResult.Verdict.FAILS) {
                        failing.add(r.seed());
                    } else if (r.verdict() == ClaimResult.Verdict.INCONCLUSIVE) {
                        inconclusive.incrementAndGet();
                    }
                }
                Rate rate = rate(c.id(), e.falseFailureRate(depth.examples(c)), seeds, failing.size(), inconclusive.get(),
                        failing);
                out.add(rate);
                statistical.add(c);
                anyFailing.addAll(failing);
                progress.accept(String.format(Locale.ROOT,
                        "%-30s %d of %d runs fail (stated rate %.2g, 95%% upper bound %.3g)%s, %.1f s", c.id(),
                        rate.failures(), seeds, rate.stated(), rate.upper95(), rate.consistent() ? "" : " INCONSISTENT",
                        (System.nanoTime() - start) / 1e9));
            }
        } finally {
            pool.shutdownNow();
        }
        String name = depth.name().toLowerCase(Locale.ROOT);
        Provenance p = Provenance.collect(firstSeed, name, "all", 0, Map.of());
        Rate family = rate("family-wise", statedFamilyWise(statistical, depth), seeds, anyFailing.size(), 0,
                new ArrayList<>(anyFailing));
        return new FalseFailures(firstSeed, seeds, name, p.date(), p.commit(), out, family);
    }

    public static FalseFailures read(Path file, String option) {
        FalseFailures f;
        try {
            f = JsonFormat.read(TextFiles.read(file, option), FalseFailures.class);
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(option) ? e
                    : new IllegalArgumentException(option + " " + file + ": not a false-failure measurement ("
                            + TextFiles.firstLine(e.getMessage()) + ")");
        }
        if (f == null || f.claims() == null || f.claims().stream().anyMatch(r -> r == null || r.id() == null)) {
            throw new IllegalArgumentException(option + " " + file + ": not a false-failure measurement (no claims)");
        }
        return f;
    }

    /**
     * The HTML section: per statistical claim, the stated per-case bound and the stated rate per run at each depth,
     * then each measurement (stated against measured), and the report's family-wise rate.
     */
    static String html(List<FalseFailures> measured, List<Claim<?>> statistical) {
        StringBuilder h = new StringBuilder("<h2>Statistical claims: false-failure rates</h2>\n<p>")
                .append(statistical.size()).append(" claims have a random verdict. Stated: the probability that a run "
                        + "fails on correct code, from each claim's per-case bound (catalogue) and its number of cases. "
                        + "Family-wise: that some statistical claim fails.</p>\n<table><tr><th>claim</th>"
                        + "<th>per case</th><th>per quick run</th><th>per deep run</th></tr>\n");
        for (Claim<?> c : statistical) {
            CatalogueEntry e = c.entry();
            h.append("<tr><td><code>").append(ReportWriter.esc(c.id())).append("</code></td><td>")
                    .append(fmt(e.falseFailurePerCase())).append("</td><td>")
                    .append(fmt(e.falseFailureRate(Depth.QUICK.examples(c)))).append("</td><td>")
                    .append(fmt(e.falseFailureRate(Depth.DEEP.examples(c)))).append("</td></tr>\n");
        }
        h.append("<tr><td>family-wise</td><td></td><td>").append(fmt(statedFamilyWise(statistical, Depth.QUICK)))
                .append("</td><td>").append(fmt(statedFamilyWise(statistical, Depth.DEEP))).append("</td></tr>\n</table>\n");
        if (measured.isEmpty()) {
            return h.append("<p>Not measured here: <code>engram false-failures --seeds 200</code> writes "
                    + "<code>reports/false-failures.json</code>, <code>--depth deep</code> "
                    + "<code>reports/false-failures-deep.json</code>.</p>\n").toString();
        }
        for (FalseFailures f : measured) {
            h.append("<p>Measured at ").append(ReportWriter.esc(f.depth())).append(" depth over seeds ")
                    .append(f.firstSeed()).append(" to ").append(f.firstSeed() + f.seeds() - 1).append(" (")
                    .append(ReportWriter.esc(f.date())).append(", commit <code>")
                    .append(ReportWriter.esc(f.commit().length() > 12 ? f.commit().substring(0, 12) : f.commit()))
                    .append("</code>). Inconsistent: so many failures have probability below ").append(ALARM)
                    .append(" under the stated rate.</p>\n<table><tr><th>claim</th><th>stated rate per run</th>"
                            + "<th>failures / runs</th><th>measured</th><th>95% upper bound</th><th>consistent</th></tr>\n");
            List<Rate> rows = new ArrayList<>(f.claims());
            if (f.familyWise() != null) {
                rows.add(f.familyWise());
            }
            for (Rate r : rows) {
                h.append("<tr><td>").append(r.id().equals("family-wise") ? "family-wise"
                        : "<code>" + ReportWriter.esc(r.id()) + "</code>").append("</td><td>").append(fmt(r.stated()))
                        .append("</td><td>").append(r.failures()).append(" / ").append(r.runs()).append("</td><td>")
                        .append(fmt(r.measured())).append("</td><td>").append(fmt(r.upper95())).append("</td><td class=\"")
                        .append(r.consistent() ? "HOLDS\">yes" : "FAILS\">NO").append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
