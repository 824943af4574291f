package engram.certify;

import engram.interval.Interval;
import engram.interval.IntervalMatrix;
import engram.interval.PositiveDefinite;
import engram.memory.Patterns;
import java.util.ArrayDeque;

/**
 * The interval steps for {@code W = Xi S Xi^T} with {@code S = diag(alpha) / N} (never formed), O(n p^2) each, with
 * {@code S+ = max(S, 0)}, {@code S- = max(-S, 0)} (docs/theory.md section 8.8):
 * <ul>
 * <li>norm: {@code -Xi S- Xi^T <= W <= Xi S+ Xi^T}, and the top eigenvalue of {@code Xi S+ Xi^T} is that of the p x p
 * {@code S+^1/2 Xi^T Xi S+^1/2}, so Cholesky factorisations of {@code s I_p} minus these prove {@code ||W||_2 < s};</li>
 * <li>stability: {@code D^1/2 W D^1/2 <= D^1/2 Xi S+ Xi^T D^1/2}, whose nonzero eigenvalues are those of
 * {@code R(D) = S+^1/2 Xi^T D Xi S+^1/2}, so the symmetrised Jacobian's eigenvalues lie below
 * {@code max(-1, -1 + lambda_max(R))} (equality when every alpha >= 0, which refutations need);</li>
 * <li>Krawczyk with the Woodbury preconditioner {@code C = -(I + U K V^T)}, {@code U = Xi S}, {@code V^T = Xi^T Dm}
 * and any p x p K: {@code I - C J(X) = U [H Xi^T (D(X) - Dm) + E Xi^T Dm]} with {@code H = I + K V^T U} and
 * {@code E = I - K (I - V^T U)}, so {@code |I - C J(X)| r <= |U| (|H| |Xi|^T |D(X) - Dm| + |E| |Xi|^T |Dm|) r}.</li>
 * </ul>
 */
final class LowRankProofs {

    private LowRankProofs() {
    }

    /** Whether {@code ||W||_2 < s} is proven by the two p x p Cholesky factorisations. */
    static boolean normBelow(ProofNetwork net, double s) {
        IntervalMatrix g = gram(net, null);
        return PositiveDefinite.proves(Proofs.shifted(sandwich(net, g, true), -1, s))
                && PositiveDefinite.proves(Proofs.shifted(sandwich(net, g, false), -1, s));
    }

    /** {@code Xi^T D Xi} (p x p) for the slopes d over a box, or {@code Xi^T Xi} for d = null. */
    static IntervalMatrix gram(ProofNetwork net, Interval[] d) {
        int n = net.n(), p = net.p();
        double[] xi = net.xi();
        Interval[] dx = new Interval[n * p];
        for (int i = 0; i < n; i++) {
            for (int mu = 0; mu < p; mu++) {
                dx[i * p + mu] = d == null ? Interval.of(xi[i * p + mu]) : d[i].mul(xi[i * p + mu]);
            }
        }
        return IntervalMatrix.times(IntervalMatrix.transpose(xi, n, p), p, IntervalMatrix.of(n, p, dx));
    }

    /** {@code S+^1/2 G S+^1/2} ({@code positive}) or {@code S-^1/2 G S-^1/2}. */
    static IntervalMatrix sandwich(ProofNetwork net, IntervalMatrix g, boolean positive) {
        int p = net.p();
        Interval[] root = new Interval[p];
        for (int mu = 0; mu < p; mu++) {
            Interval a = net.scale(mu);
            Interval part = positive ? new Interval(Math.max(0, a.lo()), Math.max(0, a.hi()))
                    : new Interval(Math.max(0, -a.hi()), Math.max(0, -a.lo()));
            root[mu] = part.sqrt();
        }
        Interval[] e = new Interval[p * p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                e[a * p + b] = root[a].mul(g.get(a, b)).mul(root[b]);
            }
        }
        return IntervalMatrix.of(p, p, e);
    }

    /** {@code R(D(X)) - I_p} over the box {@code center +- r}: its eigenvalues bound the symmetrised Jacobian's. */
    static IntervalMatrix reducedJacobian(ProofNetwork net, double[] center, double r) {
        IntervalMatrix m = sandwich(net, gram(net, Proofs.slopes(net, center, r)), true);
        return Proofs.shifted(m, 1, -1);
    }

    /** Whether every alpha is >= 0, so that the reduction is exact (refutations need it). */
    static boolean exact(ProofNetwork net) {
        for (double a : net.alphas()) {
            if (a < 0) {
                return false;
            }
        }
        return true;
    }

    /** Krawczyk's ratio (see the class comment) with the p x p matrix k; d are the slopes over the box. */
    static double krawczykRatio(ProofNetwork net, double[] center, double r, double[] k, Interval[] d) {
        int n = net.n(), p = net.p();
        double[] xi = net.xi(), absXi = new double[xi.length], dm = new double[n];
        for (int t = 0; t < xi.length; t++) {
            absXi[t] = Math.abs(xi[t]);
        }
        double[] spread = new double[n], absDm = new double[n];
        Interval[] dmXi = new Interval[n * p];
        for (int i = 0; i < n; i++) {
            dm[i] = d[i].lo() / 2 + d[i].hi() / 2;
            spread[i] = Interval.of(Math.max(Interval.of(d[i].hi()).sub(Interval.of(dm[i])).hi(),
                    Interval.of(dm[i]).sub(Interval.of(d[i].lo())).hi())).mul(r).hi();
            absDm[i] = Interval.of(Math.abs(dm[i])).mul(r).hi();
            for (int mu = 0; mu < p; mu++) {
                dmXi[i * p + mu] = Interval.of(dm[i]).mul(xi[i * p + mu]);
            }
        }
        double[] xiT = IntervalMatrix.transpose(xi, n, p), absXiT = IntervalMatrix.transpose(absXi, n, p);
        // V^T U = Xi^T Dm Xi S, then K V^T U, H = I + K V^T U and E = I - K + K V^T U
        IntervalMatrix vtu = net.scaledColumns(IntervalMatrix.times(xiT, p, IntervalMatrix.of(n, p, dmXi)));
        IntervalMatrix kvtu = IntervalMatrix.times(k, p, vtu);
        double[] absH = new double[p * p], absE = new double[p * p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                Interval id = Interval.of(a == b ? 1 : 0), kv = kvtu.get(a, b);
                absH[a * p + b] = id.add(kv).mag();
                absE[a * p + b] = id.sub(Interval.of(k[a * p + b])).add(kv).mag();
            }
        }
        double[] first = upper(absH, p, upper(absXiT, p, spread)), second = upper(absE, p, upper(absXiT, p, absDm));
        double[] inner = new double[p];
        for (int mu = 0; mu < p; mu++) {
            inner[mu] = Interval.of(first[mu]).add(Interval.of(second[mu])).mul(net.scale(mu).mag()).hi();
        }
        double[] reach = upper(absXi, n, inner);
        // -C F = F + U K V^T F
        IntervalMatrix f = Proofs.residual(net, center);
        Interval[] df = new Interval[n];
        for (int i = 0; i < n; i++) {
            df[i] = f.get(i, 0).mul(dm[i]);
        }
        IntervalMatrix ukvf = IntervalMatrix.times(xi, n, net.scaled(IntervalMatrix.times(k, p, IntervalMatrix.times(xiT,
                p, IntervalMatrix.of(n, 1, df)))));
        double worst = 0;
        for (int i = 0; i < n; i++) {
            Interval move = f.get(i, 0).add(ukvf.get(i, 0));
            worst = Math.max(worst, Interval.of(move.mag()).add(Interval.of(reach[i])).div(Interval.of(r)).hi());
        }
        return worst;
    }

    /**
     * Why no equilibrium {@code c xi_mu} with {@code c != 0} is not proven, or null when it is (theory.md section 8.10):
     * with +-1 patterns and {@code Xi^T Xi = N I} exactly (integer sums), u = 0 and an odd activation, the line through
     * xi_mu is invariant ({@code W xi_mu = alpha_mu xi_mu}, {@code psi(c xi) = psi(c) xi}) and F on it is
     * {@code f(c) xi_mu}, {@code f(c) = -c + alpha_mu psi(c)}, odd in c. On (0, eps] the mean-value form
     * {@code f(c) = (-1 + alpha psi'(theta)) c} is negative when the slope enclosure over [0, eps] says so; on
     * [eps, |alpha| + 1] a cover by bisection shows f < 0; beyond, {@code |alpha psi(c)| <= |alpha| < c}.
     */
    static String noEquilibriumAlong(ProofNetwork net, int mu) {
        int n = net.n(), p = net.p();
        double[] xi = net.xi();
        if (!net.enclosure().odd()) {
            return "the activation is not odd, so the line through the pattern is not invariant";
        }
        for (double u : net.u()) {
            if (u != 0) {
                return "the input u is not 0";
            }
        }
        String notOrthogonal = Patterns.notOrthogonalSigns(n, p, xi);
        if (notOrthogonal != null) {
            return notOrthogonal;
        }
        Interval alpha = Interval.of(net.alphas()[mu]);
        double eps = 1;
        while (!(Interval.of(-1).add(alpha.mul(net.enclosure().slope(new Interval(0, eps)))).hi() < 0)) {
            eps /= 2;
            if (eps < 1e-30) {
                double at0 = net.alphas()[mu] * net.activation().derivative(0);
                return "the slope -1 + alpha psi'(c) is not proven negative near c = 0 (alpha psi'(0) = " + at0
                        + (at0 > 1 ? ": the memory exists)" : ": the bifurcation point itself, where the slope test cannot "
                        + "be strict)");
            }
        }
        ArrayDeque<Interval> todo = new ArrayDeque<>();
        todo.push(new Interval(eps, Interval.of(Math.abs(net.alphas()[mu])).add(Interval.ONE).hi()));
        for (int steps = 0; !todo.isEmpty(); steps++) {
            Interval c = todo.pop();
            if (alpha.mul(net.enclosure().value(c)).sub(c).hi() < 0) {
                continue;
            }
            if (steps > 100_000 || c.width() < 1e-12 * (1 + c.hi())) {
                return "f(c) = -c + alpha psi(c) is not proven negative on [" + c.lo() + ", " + c.hi() + "]";
            }
            double mid = c.lo() / 2 + c.hi() / 2;
            todo.push(new Interval(c.lo(), mid));
            todo.push(new Interval(mid, c.hi()));
        }
        return null;
    }

    /** Upper bounds on {@code A v} for a non-negative point matrix A (m x k) and v >= 0. */
    private static double[] upper(double[] a, int m, double[] v) {
        IntervalMatrix out = IntervalMatrix.times(a, m, IntervalMatrix.point(v.length, 1, v));
        double[] hi = new double[m];
        for (int i = 0; i < m; i++) {
            hi[i] = out.get(i, 0).hi();
        }
        return hi;
    }
}
