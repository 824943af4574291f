package engram.certify;

import engram.analysis.Lanczos;
import engram.analysis.RowGroups;
import engram.interval.Interval;
import engram.interval.IntervalMatrix;
import engram.kernel.Norms;
import engram.memory.FiringRateDesign;

/**
 * Proofs about the rescaled memories of a firing-rate design {@code tau r' = -r + Phi(W r)}, {@code W = F G F^T / N},
 * {@code F = [Xi - beta | 1]}, {@code G = diag(kappa, ..., kappa, gamma)}, with beta, kappa and gamma the design's
 * floating-point values (docs/theory.md section 8.9). Units sharing a memory row (one of R groups, with counts c)
 * share state, field and slope, and the range of {@code D W} lies in the group-constant vectors, so
 * <ul>
 * <li>an equilibrium of the R-dimensional reduced system {@code y' = -y + Phi(W_red y)},
 * {@code W_red[k][l] = f_k G f_l c_l / N}, is one of the network; Krawczyk's test on it (R x R) proves one;</li>
 * <li>the Jacobian's spectrum is that of {@code -I + D W_red} (on the group-constant vectors) and -1, and
 * {@code D W_red} is similar to the symmetric {@code D^1/2 Q D^1/2}, {@code Q = C^1/2 F_R G F_R^T C^1/2 / N}: a
 * verified Cholesky factorisation of R x R matrices proves stability, a Rayleigh quotient instability.</li>
 * </ul>
 * A cell of the phase diagram is proven stable when every memory is, proven unstable when one is.
 */
public final class RateDesignProof {

    private RateDesignProof() {
    }

    /** One memory's verdicts: existence (Krawczyk), stability (proven, refuted, undecided) and the decay rate. */
    public record Memory(String exists, String stable, double decayRate) {
    }

    /** The reduced network: R groups, W_red and Q (R x R, enclosed; Q row-major), Phi's enclosure, N. */
    record Reduced(int r, Interval[][] w, Interval[] q, IntervalActivation phi, int n) {
    }

    /** The reduced couplings W_red and Q of the design, enclosed. */
    static Reduced reduce(FiringRateDesign d, RowGroups groups) {
        int r = groups.count(), p = d.p(), m = p + 1, n = d.n();
        Interval[][] f = new Interval[r][m];
        for (int k = 0; k < r; k++) {
            for (int a = 0; a < p; a++) {
                f[k][a] = Interval.of(groups.value(k, a)).sub(Interval.of(d.beta()));
            }
            f[k][p] = Interval.ONE;
        }
        Interval[] g = new Interval[m];
        for (int a = 0; a < m; a++) {
            g[a] = Interval.of(a < p ? d.couplingScale() : d.gamma());
        }
        Interval[][] w = new Interval[r][r];
        Interval[] q = new Interval[r * r];
        Interval big = Interval.of(n);
        for (int k = 0; k < r; k++) {
            for (int l = 0; l < r; l++) {
                Interval s = Interval.ZERO;
                for (int a = 0; a < m; a++) {
                    s = s.add(f[k][a].mul(g[a]).mul(f[l][a]));
                }
                s = s.div(big);
                w[k][l] = s.mul(groups.count(l));
                q[k * r + l] = s.mul(Interval.of(groups.count(k)).sqrt()).mul(Interval.of(groups.count(l)).sqrt());
            }
        }
        return new Reduced(r, w, q, IntervalActivation.of(d.phi()), n);
    }

    /** The verdicts about rescaled memory mu. */
    public static Memory memory(FiringRateDesign d, RowGroups groups, int mu) {
        return memory(reduce(d, groups), centre(d, groups, mu));
    }

    /**
     * A whole design: proven (every memory proven stable; decayRate the smallest of theirs), refuted (one memory
     * proven unstable) or undecided.
     */
    public record Cell(String verdict, double decayRate) {
    }

    /** The verdict about every rescaled memory of the design. */
    public static Cell cell(FiringRateDesign d, RowGroups groups) {
        Reduced red = reduce(d, groups);
        boolean all = true;
        double decay = Double.POSITIVE_INFINITY;
        for (int mu = 0; mu < d.p(); mu++) {
            Memory m = memory(red, centre(d, groups, mu));
            if (Certifier.PROVEN.equals(m.exists()) && Certifier.REFUTED.equals(m.stable())) {
                return new Cell(Certifier.REFUTED, 0);
            }
            all &= Certifier.PROVEN.equals(m.exists()) && Certifier.PROVEN.equals(m.stable());
            decay = Math.min(decay, m.decayRate());
        }
        return all ? new Cell(Certifier.PROVEN, decay) : new Cell(Certifier.UNDECIDED, 0);
    }

    /** The rescaled memory in group coordinates: {@code phi_a + (phi_b - phi_a) xi}. */
    static double[] centre(FiringRateDesign d, RowGroups groups, int mu) {
        double[] y = new double[groups.count()];
        for (int k = 0; k < y.length; k++) {
            y[k] = d.phiA() + (d.phiB() - d.phiA()) * groups.value(k, mu);
        }
        return y;
    }

    static Memory memory(Reduced red, double[] y) {
        double box = 0;
        double[] c;
        try {
            c = Certifier.inverse(jacobianMid(red, y), red.r());
        } catch (RuntimeException singular) {
            return new Memory(Certifier.UNDECIDED, Certifier.UNDECIDED, 0);
        }
        for (double rel : Certifier.BOX_RADII) {
            double radius = rel * (1 + Norms.maxAbs(y));
            if (krawczykRatio(red, y, radius, c) < 1) {
                box = radius;
                break;
            }
        }
        if (box == 0) {
            return new Memory(Certifier.UNDECIDED, Certifier.UNDECIDED, 0);
        }
        IntervalMatrix s = symmetrised(red, y, box);
        Lanczos.Pair top = Certifier.topPair(s);
        double kappa = Certifier.provenShift(s, top.value());
        if (red.n() > red.r()) {
            kappa = Math.min(kappa, Math.nextDown(1.0)); // the eigenvalue -1 off the group-constant vectors
        }
        if (kappa > 0) {
            return new Memory(Certifier.PROVEN, Certifier.PROVEN, kappa);
        }
        return new Memory(Certifier.PROVEN, s.rayleighLowerBound(top.vector()) > 0 ? Certifier.REFUTED
                : Certifier.UNDECIDED, 0);
    }

    /** The slopes {@code Phi'(W_red Y)} over the box {@code y +- radius}. */
    static Interval[] slopes(Reduced red, double[] y, double radius) {
        Interval[] d = new Interval[red.r()];
        for (int k = 0; k < red.r(); k++) {
            Interval h = Interval.ZERO;
            for (int l = 0; l < red.r(); l++) {
                h = h.add(red.w()[k][l].mul(Interval.around(y[l], radius)));
            }
            d[k] = red.phi().slope(h);
        }
        return d;
    }

    /** The floating-point reduced Jacobian {@code -I + D W_red} at y (midpoints). */
    static double[] jacobianMid(Reduced red, double[] y) {
        int r = red.r();
        Interval[] d = slopes(red, y, 0);
        double[] j = new double[r * r];
        for (int k = 0; k < r; k++) {
            double dk = d[k].lo() / 2 + d[k].hi() / 2;
            for (int l = 0; l < r; l++) {
                Interval w = red.w()[k][l];
                j[k * r + l] = dk * (w.lo() / 2 + w.hi() / 2) - (k == l ? 1 : 0);
            }
        }
        return j;
    }

    /** Krawczyk's ratio (see {@link Proofs#krawczykRatio}) for the reduced system, all in interval arithmetic. */
    static double krawczykRatio(Reduced red, double[] y, double radius, double[] c) {
        int r = red.r();
        Interval[] f = new Interval[r];
        for (int k = 0; k < r; k++) {
            Interval h = Interval.ZERO;
            for (int l = 0; l < r; l++) {
                h = h.add(red.w()[k][l].mul(y[l]));
            }
            f[k] = red.phi().value(h).sub(Interval.of(y[k]));
        }
        Interval[] d = slopes(red, y, radius);
        double worst = 0;
        for (int i = 0; i < r; i++) {
            Interval cf = Interval.ZERO, row = Interval.ZERO;
            for (int k = 0; k < r; k++) {
                cf = cf.add(f[k].mul(c[i * r + k]));
            }
            for (int l = 0; l < r; l++) {
                // (I - C J)_il = delta_il + C_il - sum_k C_ik D_k W_kl
                Interval m = Interval.of(i == l ? 1 : 0).add(Interval.of(c[i * r + l]));
                for (int k = 0; k < r; k++) {
                    m = m.sub(d[k].mul(red.w()[k][l]).mul(c[i * r + k]));
                }
                row = row.add(Interval.of(m.mag()));
            }
            worst = Math.max(worst, Interval.of(cf.mag()).add(row.mul(radius)).div(Interval.of(radius)).hi());
        }
        return worst;
    }

    /** {@code -I + D^1/2 Q D^1/2} over the box: the reduced Jacobian's spectrum, symmetrised. */
    static IntervalMatrix symmetrised(Reduced red, double[] y, double radius) {
        int r = red.r();
        Interval[] d = slopes(red, y, radius);
        Interval[] e = new Interval[r * r];
        for (int k = 0; k < r; k++) {
            for (int l = 0; l < r; l++) {
                e[k * r + l] = d[k].sqrt().mul(red.q()[k * r + l]).mul(d[l].sqrt()).sub(Interval.of(k == l ? 1 : 0));
            }
        }
        return IntervalMatrix.of(r, r, e);
    }
}
