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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.distribution.continuous.BetaDistribution;

/**
 * Measured false-failure rates of the statistical claims (those whose catalogue entry states a
 * {@code false-failure-rate}): each claim's hypothesis cases are run at quick depth for seeds {@code first ..
 * first + seeds - 1} on the code as it is, and every FAILS counts. A claim is <b>consistent</b> with its stated rate
 * unless so many failures would be rarer than {@link #ALARM} under it (binomial upper tail); the 95% Clopper-Pearson
 * upper bound says how small a rate the run can vouch for (with 0 failures in 200 runs, 1.8%). Written by
 * {@code engram false-failures} to {@code reports/false-failures.json}; the report shows measured beside stated.
 */
public record FalseFailures(long firstSeed, int seeds, String date, String commit, List<Rate> claims) {

    /** A binomial tail below this marks the measured rate inconsistent with the stated one. */
    public static final double ALARM = 1e-3;

    /** One claim's stated and measured rate. */
    public record Rate(String id, double stated, int runs, int failures, int inconclusive, double measured,
            double upper95, double tail, boolean consistent, List<Long> failingSeeds) {
    }

    public boolean allConsistent() {
        return claims.stream().allMatch(Rate::consistent);
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

    /** Measures every claim in {@code claims} that states a rate, over {@code seeds} seeds on {@code threads} threads. */
    public static FalseFailures measure(List<Claim<?>> claims, long firstSeed, int seeds, int threads,
            Consumer<String> progress) throws InterruptedException {
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
                    runs.add(pool.submit(() -> ClaimRunner.runHypotheses(c, seed, Depth.QUICK.examples(c))));
                }
                List<Long> failing = new ArrayList<>();
                for (Future<ClaimResult> f : runs) {
                    ClaimResult r;
                    try {
                        r = f.get();
                    } catch (java.util.concurrent.ExecutionException ex) {
                        throw new IllegalStateException(c.id() + ": a run threw " + ex.getCause(), ex.getCause());
                    }
                    if (r.verdict() == ClaimResult.Verdict.FAILS) {
                        failing.add(r.seed());
                    } else if (r.verdict() == ClaimResult.Verdict.INCONCLUSIVE) {
                        inconclusive.incrementAndGet();
                    }
                }
                Rate rate = rate(c.id(), e.falseFailureRate(), seeds, failing.size(), inconclusive.get(), failing);
                out.add(rate);
                progress.accept(String.format(java.util.Locale.ROOT,
                        "%-30s %d of %d runs fail (stated rate %.2g, 95%% upper bound %.3g)%s, %.1f s", c.id(),
                        rate.failures(), seeds, rate.stated(), rate.upper95(), rate.consistent() ? "" : " INCONSISTENT",
                        (System.nanoTime() - start) / 1e9));
            }
        } finally {
            pool.shutdownNow();
        }
        Provenance p = Provenance.collect(firstSeed, "quick", "all", 0, java.util.Map.of());
        return new FalseFailures(firstSeed, seeds, p.date(), p.commit(), out);
    }

    public static FalseFailures read(Path file) throws IOException {
        try {
            return JsonFormat.read(Files.readString(file, StandardCharsets.UTF_8), FalseFailures.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The HTML section: stated against measured, per statistical claim. */
    static String html(FalseFailures f, List<String> statistical) {
        StringBuilder h = new StringBuilder("<h2>Statistical claims: false-failure rates</h2>\n");
        if (f == null) {
            return h.append("<p>").append(statistical.size()).append(" claims have a random verdict (")
                    .append(ReportWriter.esc(String.join(", ", statistical)))
                    .append("); their rates were not measured here: <code>engram false-failures --seeds 200</code> "
                            + "writes <code>reports/false-failures.json</code>.</p>\n").toString();
        }
        h.append("<p>Measured over seeds ").append(f.firstSeed()).append(" to ").append(f.firstSeed() + f.seeds() - 1)
                .append(" at quick depth (").append(ReportWriter.esc(f.date())).append(", commit <code>")
                .append(ReportWriter.esc(f.commit().length() > 12 ? f.commit().substring(0, 12) : f.commit()))
                .append("</code>). Inconsistent: so many failures have probability below ").append(ALARM)
                .append(" under the stated rate.</p>\n<table><tr><th>claim</th><th>stated rate</th><th>failures / runs</th>"
                        + "<th>measured</th><th>95% upper bound</th><th>consistent</th></tr>\n");
        for (Rate r : f.claims()) {
            h.append("<tr><td><code>").append(ReportWriter.esc(r.id())).append("</code></td><td>")
                    .append(String.format(java.util.Locale.ROOT, "%.2g", r.stated())).append("</td><td>").append(r.failures())
                    .append(" / ").append(r.runs()).append("</td><td>")
                    .append(String.format(java.util.Locale.ROOT, "%.3g", r.measured())).append("</td><td>")
                    .append(String.format(java.util.Locale.ROOT, "%.3g", r.upper95())).append("</td><td class=\"")
                    .append(r.consistent() ? "HOLDS\">yes" : "FAILS\">NO").append("</td></tr>\n");
        }
        return h.append("</table>\n").toString();
    }
}
