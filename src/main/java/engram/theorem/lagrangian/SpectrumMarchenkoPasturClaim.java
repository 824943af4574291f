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

/**
 * {@code spectrum.marchenko-pastur}: Wishart spectra follow Marchenko-Pastur up to a shrinking edge band
 * (properties/spectrum.marchenko-pastur.properties; docs/theory.md section 4.6). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
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

    @Override public CaseSpace<Case> control() { return cases(1.02); }

    /**
     * What the matrices measured: the pooled first-moment z, the second moments at the largest size, the mean edge
     * distance per size (reported) and the spectrum of the last matrix at the largest size.
     */
    record Sizes(double[] n, double[] meanEdgeDistance, double[] largest, double firstMomentZ, double[] secondMoments) {
    }

    static Sizes measure(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        MarchenkoPastur mp = new MarchenkoPastur(c.c());
        double kappa = c.entries().fourthMoment();
        double[] ns = new double[4], dist = new double[4], second = new double[REPEATS];
        double[] largest = null;
        double deviation = 0, variance = 0;
        for (int k = 0; k < 4; k++) {
            int n = c.n0() << k, p = (int) Math.round(c.c() * n);
            double sum = 0;
            for (int r = 0; r < REPEATS; r++) {
                double[] ev = RandomMatrices.gramEigenvalues(RandomMatrices.sample(p, n, c.entries(), rng), p, n,
                        n * c.normalisation());
                sum += Math.abs(ev[ev.length - 1] - mp.getSupportUpperBound()) + Math.abs(ev[0] - mp.getSupportLowerBound());
                double m1 = 0, m2 = 0;
                for (double l : ev) {
                    m1 += l;
                    m2 += l * l;
                }
                // sum lambda = sum Y^2 / n: mean p, variance (E[Y^4] - 1) p n / n^2
                deviation += m1 - p;
                variance += (kappa - 1) * p / (double) n;
                if (k == 3) {
                    second[r] = m2 / p;
                }
                largest = ev;
            }
            ns[k] = n;
            dist[k] = sum / REPEATS;
        }
        // Rademacher entries: the sum is exactly p, so the deviation is measured in units of its rounding (a finite,
        // huge z for a wrong normalisation: an infinite one would read as a numerical failure, not a violation)
        double z = variance > 0 ? deviation / Math.sqrt(variance) : deviation / (1e-9 * ns[3] * REPEATS);
        return new Sizes(ns, dist, largest, z, second);
    }

    @Override public Evaluation evaluate(Case c) {
        Sizes s = measure(c);
        MarchenkoPastur mp = new MarchenkoPastur(c.c());
        double n = s.n()[3];
        double edge = tolerance("edge") * Math.pow(n, -2.0 / 3);
        double[] ev = s.largest();
        double outside = Math.max(mp.getSupportLowerBound() - ev[0], ev[ev.length - 1] - mp.getSupportUpperBound());
        // the second moment's exact mean at the largest size, and a t statistic over the matrices
        double expected = 1 + c.c() + (c.entries().fourthMoment() - 2) / n;
        double mean = 0, sq = 0;
        for (double m : s.secondMoments()) {
            mean += m;
        }
        mean /= REPEATS;
        for (double m : s.secondMoments()) {
            sq += (m - mean) * (m - mean);
        }
        double t = Math.abs(mean - expected) / Math.sqrt(sq / (REPEATS - 1) / REPEATS);
        double z = Math.abs(s.firstMomentZ());
        double exponent = Fits.order(s.n(), s.meanEdgeDistance());
        double margin = Math.min(Math.min(edge - outside, tolerance() - z), tolerance("second-moment") - t);
        return new Evaluation(z, margin, "c " + fmt(c.c()) + ", " + c.entries() + ", n " + (int) n + ": first moment z "
                + fmt(s.firstMomentZ()) + "; second moment " + fmt(mean) + " vs " + fmt(expected) + " (t " + fmt(t)
                + ", 11 dof); eigenvalues in [" + fmt(ev[0]) + ", " + fmt(ev[ev.length - 1]) + "] vs bulk ["
                + fmt(mp.getSupportLowerBound()) + ", " + fmt(mp.getSupportUpperBound()) + "] (edge allowance "
                + fmt(edge) + "); edge distance exponent " + fmt(exponent) + " (reported: at these sizes it is not "
                + "resolved from -1/2)");
    }
}
