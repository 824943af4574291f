package engram.certify;

import engram.interval.Interval;
import engram.interval.IntervalMatrix;
import engram.interval.PositiveDefinite;
import java.util.Arrays;

/**
 * The rigorous steps of every proof, in interval arithmetic only (no Newton, no eigensolver, no search): the prover
 * calls them with the data it found, and {@link CertificateChecker} calls them again with the data a certificate
 * records. Models, with D the activation's slopes over a box X (docs/theory.md section 8):
 * voltage {@code F(x) = -x + W psi(x) + u}, {@code J = -I + W D}, D = psi'(x); rate {@code F(r) = -r + Phi(W r + u)},
 * {@code J = -I + D W}, D = Phi'(W r + u). Boxes are {@code center +- r} in every coordinate.
 */
final class Proofs {

    private Proofs() {
    }

    /** The slopes D_i enclosed over the box {@code center +- r}. */
    static Interval[] slopes(ProofNetwork net, double[] center, double r) {
        int n = net.n();
        Interval[] arg = new Interval[n];
        if (net.voltage()) {
            for (int i = 0; i < n; i++) {
                arg[i] = Interval.around(center[i], r);
            }
        } else {
            double[] rad = new double[n];
            Arrays.fill(rad, r);
            IntervalMatrix wx = net.times(new IntervalMatrix(n, 1, center.clone(), rad));
            for (int i = 0; i < n; i++) {
                arg[i] = wx.get(i, 0).add(Interval.of(net.u()[i]));
            }
        }
        Interval[] d = new Interval[n];
        for (int i = 0; i < n; i++) {
            d[i] = net.enclosure().slope(arg[i]);
        }
        return d;
    }

    /**
     * Krawczyk's test: with {@code X = center +- r} and any matrix C, {@code K(X) = center - C F(center) + (I - C J(X))
     * (X - center)}; {@code K(X)} inside the interior of X proves that F has exactly one zero in X (Krawczyk 1969,
     * Moore 1977). Returns the largest {@code (|C F(center)| + |I - C J(X)| r)_i / r} (below 1: proven). A null C
     * stands for {@code C = -I}, where {@code I - C J(X) = W D(X)} (voltage) or {@code D(X) W} (rate): O(n^2).
     */
    static double krawczykRatio(ProofNetwork net, double[] center, double r, double[] c) {
        int n = net.n();
        Interval[] d = slopes(net, center, r);
        if (c == null) {
            IntervalMatrix f = residual(net, center);
            double[] mag = new double[n];
            for (int j = 0; j < n; j++) {
                mag[j] = net.voltage() ? d[j].mag() : 1;
            }
            double[] rows = net.absTimesUpper(mag);
            double worst = 0;
            for (int i = 0; i < n; i++) {
                Interval row = Interval.of(rows[i]).mul(Interval.of(net.voltage() ? 1 : d[i].mag()));
                Interval reach = Interval.of(f.get(i, 0).mag()).add(row.mul(r));
                worst = Math.max(worst, reach.div(Interval.of(r)).hi());
            }
            return worst;
        }
        if (net.lowRank()) {
            return LowRankProofs.krawczykRatio(net, center, r, c, d);
        }
        IntervalMatrix cf = IntervalMatrix.times(c, n, residual(net, center));
        Interval[] m = new Interval[n * n];
        if (net.voltage()) {
            IntervalMatrix g = IntervalMatrix.times(c, n, IntervalMatrix.point(n, n, net.w()));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    m[i * n + j] = Interval.of(c[i * n + j]).add(Interval.of(i == j ? 1 : 0)).sub(g.get(i, j).mul(d[j]));
                }
            }
        } else {
            Interval[] cd = new Interval[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    cd[i * n + j] = d[j].mul(c[i * n + j]);
                }
            }
            IntervalMatrix cdw = IntervalMatrix.times(IntervalMatrix.of(n, n, cd), net.w(), n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    m[i * n + j] = Interval.of(c[i * n + j]).add(Interval.of(i == j ? 1 : 0)).sub(cdw.get(i, j));
                }
            }
        }
        double worst = 0;
        for (int i = 0; i < n; i++) {
            Interval row = Interval.ZERO;
            for (int j = 0; j < n; j++) {
                row = row.add(Interval.of(m[i * n + j].mag()));
            }
            Interval reach = Interval.of(cf.get(i, 0).mag()).add(row.mul(r));
            worst = Math.max(worst, reach.div(Interval.of(r)).hi());
        }
        return worst;
    }

    /** {@code F(center)} enclosed, as an n x 1 interval matrix. */
    static IntervalMatrix residual(ProofNetwork net, double[] center) {
        int n = net.n();
        Interval[] f = new Interval[n];
        if (net.voltage()) {
            Interval[] psi = new Interval[n];
            for (int i = 0; i < n; i++) {
                psi[i] = net.enclosure().value(Interval.of(center[i]));
            }
            IntervalMatrix wpsi = net.times(IntervalMatrix.of(n, 1, psi));
            for (int i = 0; i < n; i++) {
                f[i] = wpsi.get(i, 0).add(Interval.of(net.u()[i])).sub(Interval.of(center[i]));
            }
        } else {
            IntervalMatrix wr = net.times(IntervalMatrix.point(n, 1, center));
            for (int i = 0; i < n; i++) {
                f[i] = net.enclosure().value(wr.get(i, 0).add(Interval.of(net.u()[i]))).sub(Interval.of(center[i]));
            }
        }
        return IntervalMatrix.of(n, 1, f);
    }

    /**
     * The symmetrised Jacobian {@code -I + D^1/2 W D^1/2} over the box (W symmetric, D >= 0): it has the spectrum of
     * J at every point of the box (WD, DW and D^1/2 W D^1/2 share their eigenvalues).
     */
    static IntervalMatrix symmetrised(ProofNetwork net, double[] center, double r) {
        int n = net.n();
        Interval[] d = slopes(net, center, r);
        Interval[] root = new Interval[n];
        for (int i = 0; i < n; i++) {
            root[i] = d[i].sqrt();
        }
        Interval[] s = new Interval[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i * n + j] = root[i].mul(net.w()[i * n + j]).mul(root[j]).sub(Interval.of(i == j ? 1 : 0));
            }
        }
        return IntervalMatrix.of(n, n, s);
    }

    /** {@code (J + J^T) / 2} over the box: its largest eigenvalue is J's logarithmic norm in the Euclidean norm. */
    static IntervalMatrix symmetricPart(ProofNetwork net, double[] center, double r) {
        int n = net.n();
        Interval[] d = slopes(net, center, r);
        Interval[] s = new Interval[n * n];
        double[] w = net.w();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // voltage: (W D)_ij = W_ij D_j; rate: (D W)_ij = D_i W_ij
                Interval a = net.voltage() ? d[j].mul(w[i * n + j]) : d[i].mul(w[i * n + j]);
                Interval b = net.voltage() ? d[i].mul(w[j * n + i]) : d[j].mul(w[j * n + i]);
                s[i * n + j] = a.add(b).mul(0.5).sub(Interval.of(i == j ? 1 : 0));
            }
        }
        return IntervalMatrix.of(n, n, s);
    }

    /** {@code W^T W} enclosed (its largest eigenvalue is ||W||_2^2). */
    static IntervalMatrix gram(ProofNetwork net) {
        int n = net.n();
        return IntervalMatrix.times(IntervalMatrix.transpose(net.w(), n, n), n, IntervalMatrix.point(n, n, net.w()));
    }

    /**
     * Whether {@code ||W||_2 < s} is proven: symmetric W by verified Cholesky factorisations of {@code s I - W} and
     * {@code s I + W} (every eigenvalue in (-s, s)), otherwise of {@code s^2 I - W^T W}.
     */
    static boolean normBelow(ProofNetwork net, double s) {
        int n = net.n();
        if (!(s > 0) || !Double.isFinite(s)) {
            return false;
        }
        if (net.lowRank()) {
            return LowRankProofs.normBelow(net, s);
        }
        if (net.symmetric()) {
            IntervalMatrix w = IntervalMatrix.point(n, n, net.w());
            return PositiveDefinite.proves(shifted(w, -1, s)) && PositiveDefinite.proves(shifted(w, 1, s));
        }
        return PositiveDefinite.proves(shifted(gram(net), -1, Interval.of(s).sqr().lo()));
    }

    /** {@code ||W v|| / ||v||} rounded down: a lower bound on ||W||_2 (0 for a zero or non-finite v). */
    static double normLowerBound(ProofNetwork net, double[] v) {
        int n = net.n();
        IntervalMatrix wv = net.times(IntervalMatrix.point(n, 1, v));
        Interval num = Interval.ZERO, den = Interval.ZERO;
        for (int i = 0; i < n; i++) {
            num = num.add(Interval.of(wv.get(i, 0).mig()).sqr());
            den = den.add(Interval.of(v[i]).sqr());
        }
        if (!(den.hi() > 0) || !Double.isFinite(den.hi())) {
            return 0;
        }
        return num.div(den).sqrt().lo();
    }

    /** Whether every symmetric matrix in m has all its eigenvalues below {@code -kappa}: {@code -m - kappa I} is PD. */
    static boolean negativeDefiniteBelow(IntervalMatrix m, double kappa) {
        return PositiveDefinite.proves(shifted(m, -1, -kappa));
    }

    /** {@code sign * a + shift I}, enclosed (a square). */
    static IntervalMatrix shifted(IntervalMatrix a, int sign, double shift) {
        int n = a.rows();
        double[] mid = a.mid().clone(), rad = a.rad().clone();
        if (sign < 0) {
            for (int k = 0; k < mid.length; k++) {
                mid[k] = -mid[k];
            }
        }
        for (int i = 0; i < n; i++) {
            int k = i * n + i;
            Interval d = Interval.around(mid[k], rad[k]).add(Interval.of(shift));
            mid[k] = d.lo() / 2 + d.hi() / 2;
            rad[k] = Math.max(Interval.of(d.hi()).sub(Interval.of(mid[k])).hi(),
                    Interval.of(mid[k]).sub(Interval.of(d.lo())).hi());
        }
        return new IntervalMatrix(n, n, mid, rad);
    }

    /**
     * {@code 1 - ||W||_2 max_i |D_i|} over the box {@code center +- r}, rounded down, with {@code ||W||_2 <= normUpper}:
     * positive proves that every Jacobian {@code -I + W D} or {@code -I + D W} there has logarithmic norm (so every
     * eigenvalue's real part) at most minus this margin.
     */
    static double normBoundMargin(ProofNetwork net, double[] center, double r, double normUpper) {
        double slope = 0;
        for (Interval d : slopes(net, center, r)) {
            slope = Math.max(slope, d.mag());
        }
        return Interval.ONE.sub(Interval.of(normUpper).mul(Interval.of(slope))).lo();
    }

    /** {@code x / tau} rounded down (x >= 0), or up ({@code up}). */
    static double divide(double x, double tau, boolean up) {
        Interval q = Interval.of(x).div(Interval.of(tau));
        return up ? q.hi() : q.lo();
    }
}
