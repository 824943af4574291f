package engram.theorem.lagrangian;

import static engram.claim.Evaluation.fmt;

import engram.analysis.Fits;
import engram.analysis.MarchenkoPastur;
import engram.analysis.RandomMatrices;
import engram.analysis.RandomMatrices.Entries;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;

/**
 * {@code spectrum.marchenko-pastur} (Marchenko and Pastur 1967; theory.md section 4): for a p x n matrix Y of iid
 * standardised entries and {@code c = p/n}, the non-zero eigenvalues of {@code Y Y^T / n} (1) lie in the
 * Marchenko-Pastur bulk {@code [(1 - sqrt c)^2, (1 + sqrt c)^2]} up to an edge tolerance {@code K n^(-2/3)}
 * (Tracy-Widom: the extreme eigenvalues fluctuate on that scale), (2) whose exponent is measured: the mean distance
 * of both extreme eigenvalues from their edges over four sizes n, 2n, 4n, 8n (twelve matrices each) decays with a
 * fitted exponent within the catalogue tolerance of -2/3, and (3) their empirical distribution passes a
 * Kolmogorov-Smirnov test against the law at level {@code tolerance.ks-level}. Both c < 1 and c > 1 (then p - n zero
 * eigenvalues are set aside). c near 1 is left out: the lower edge is then hard and scales as n^-2. Control: the
 * matrix normalised by 2n instead of n, whose spectrum is half the law's.
 */
public final class SpectrumMarchenkoPasturClaim implements Claim<SpectrumMarchenkoPasturClaim.Case> {

    private static final int REPEATS = 12;

    /** @param normalisation the divisor over n (1 inside the hypotheses) */
    public record Case(double c, int n0, Entries entries, double normalisation, long seed) {
    }

    @Override public String id() { return "spectrum.marchenko-pastur"; }

    @Override public int examples() { return 4; }

    @Override public int controlBudget() { return 3; }

    private static CaseSpace<Case> cases(double normalisation) {
        return d -> {
            boolean wide = d.choice("c side", List.of(false, true));
            double c = wide ? d.real("c (> 1)", 1.5, 4) : d.real("c (< 1)", 0.1, 0.7);
            return new Case(c, wide ? 25 : 50, d.choice("entries", List.of(Entries.GAUSSIAN, Entries.RADEMACHER)),
                    normalisation, d.seed());
        };
    }

    @Override public CaseSpace<Case> hypotheses() { return cases(1); }

    @Override public CaseSpace<Case> control() { return cases(2); }

    /** The edge distance of one matrix, and the spectrum of the largest one for the bulk and KS checks. */
    record Sizes(double[] n, double[] meanEdgeDistance, double[] largest) {
    }

    static Sizes measure(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        MarchenkoPastur mp = new MarchenkoPastur(c.c());
        double[] ns = new double[4], dist = new double[4];
        double[] largest = null;
        for (int k = 0; k < 4; k++) {
            int n = c.n0() << k, p = (int) Math.round(c.c() * n);
            double sum = 0;
            for (int r = 0; r < REPEATS; r++) {
                double[] ev = RandomMatrices.gramEigenvalues(RandomMatrices.sample(p, n, c.entries(), rng), p, n,
                        n * c.normalisation());
                sum += Math.abs(ev[ev.length - 1] - mp.getSupportUpperBound()) + Math.abs(ev[0] - mp.getSupportLowerBound());
                largest = ev;
            }
            ns[k] = n;
            dist[k] = sum / REPEATS;
        }
        return new Sizes(ns, dist, largest);
    }

    @Override public Evaluation evaluate(Case c) {
        Sizes s = measure(c);
        MarchenkoPastur mp = new MarchenkoPastur(c.c());
        double n = s.n()[3];
        double edge = tolerance("edge") * Math.pow(n, -2.0 / 3);
        double[] ev = s.largest();
        double outside = Math.max(mp.getSupportLowerBound() - ev[0], ev[ev.length - 1] - mp.getSupportUpperBound());
        double exponent = Fits.order(s.n(), s.meanEdgeDistance());
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double d = ks.kolmogorovSmirnovStatistic(mp, ev), p = ks.kolmogorovSmirnovTest(mp, ev);
        double margin = Math.min(Math.min(edge - outside, tolerance() - Math.abs(exponent + 2.0 / 3)),
                p - tolerance("ks-level"));
        return new Evaluation(exponent, margin, "c " + fmt(c.c()) + ", n " + (int) n + ": eigenvalues in ["
                + fmt(ev[0]) + ", " + fmt(ev[ev.length - 1]) + "] vs bulk [" + fmt(mp.getSupportLowerBound()) + ", "
                + fmt(mp.getSupportUpperBound()) + "] (edge allowance " + fmt(edge) + "); edge exponent " + fmt(exponent)
                + "; KS D " + fmt(d) + ", p " + fmt(p));
    }
}
