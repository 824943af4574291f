package engram.certify;

import engram.interval.Interval;
import engram.interval.IntervalMatrix;
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
            IntervalMatrix wx = IntervalMatrix.times(net.w(), n, new IntervalMatrix(n, 1, center.clone(), rad));
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
     * Moore 1977). Returns the largest {@code (|C F(center)| + |I - C J(X)| r)_i / r} (below 1: proven).
     */
    static double krawczykRatio(ProofNetwork net, double[] center, double r, double[] c) {
        int n = net.n();
        IntervalMatrix cf = IntervalMatrix.times(c, n, residual(net, center));
        Interval[] d = slopes(net, center, r);
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
            IntervalMatrix wpsi = IntervalMatrix.times(net.w(), n, IntervalMatrix.of(n, 1, psi));
            for (int i = 0; i < n; i++) {
                f[i] = wpsi.get(i, 0).add(Interval.of(net.u()[i])).sub(Interval.of(center[i]));
            }
        } else {
            IntervalMatrix wr = IntervalMatrix.times(net.w(), n, IntervalMatrix.point(n, 1, center));
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

    /** An upper bound on sqrt(x) for an upper bound x (non-negative part). */
    static double sqrtUp(double x) {
        return x <= 0 ? 0 : Interval.of(x).sqrt().hi();
    }

    /** A lower bound on sqrt(x) for a lower bound x. */
    static double sqrtDown(double x) {
        return x <= 0 ? 0 : Interval.of(x).sqrt().lo();
    }

    /** {@code x / tau} rounded down (x >= 0), or up ({@code up}). */
    static double divide(double x, double tau, boolean up) {
        Interval q = Interval.of(x).div(Interval.of(tau));
        return up ? q.hi() : q.lo();
    }
}
