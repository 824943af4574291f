package engram.landscape;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.analysis.Spectra;
import engram.kernel.Kernels;
import engram.memory.Couplings;
import engram.memory.LowRankCouplings;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The voltage model {@code F = -x + W psi(x) + u} and the firing-rate model {@code F = -r + Phi(W r + u)} (tau = 1: a
 * time constant scales the field and its eigenvalues, not the equilibria or their stability) as one-parameter families
 * for {@link Continuation}: the network at each parameter value comes from a function (a gain, a threshold, an IDP
 * weight alpha_k, or a design redone at every value). Jacobians: {@code -I + W diag(psi')} and
 * {@code -I + diag(Phi'(W r + u)) W}; a low-rank {@code W = s F diag(d) F^T} gives the low-rank form of
 * {@link LowRankPart} (and a diagonal shift when W's diagonal is removed), a dense W the n x n matrix and,
 * when W is symmetric and the slopes non-negative, the symmetric {@code -I + S^1/2 W S^1/2} of the same spectrum.
 */
public final class NetworkFamily implements EquilibriumFamily {

    /** The two models. */
    public enum Model { VOLTAGE, RATE }

    /**
     * The network at one parameter value: W, the activation, the constant input (null: zero), and for a low-rank W
     * the weights d that replace its own (null: its own; an IDP weight is continued without forming new couplings).
     */
    public record Network(Couplings w, Activation psi, double[] u, double[] weights) {

        public Network(Couplings w, Activation psi, double[] u) {
            this(w, psi, u, null);
        }
    }

    private final Model model;
    private final int n;
    private final DoubleFunction<Network> at;
    private double cachedLambda = Double.NaN;
    private Network cached;
    private Couplings denseOf;
    private double[] dense;

    public NetworkFamily(Model model, int n, DoubleFunction<Network> at) {
        this.model = model;
        this.n = n;
        this.at = at;
    }

    /**
     * The family for one named parameter of a network: {@code gain} (voltage and IDP models) or {@code rho} (the rate
     * model's slope), {@code threshold}, or {@code alphaK} (the IDP weight on pattern K, 1-based; W must be the
     * low-rank IDP couplings). The parameter replaces the value the network was given.
     */
    public static NetworkFamily parametrised(Model model, Couplings w, ActivationKind kind, double gain, double threshold,
            double[] u, String parameter) {
        String p = parameter.trim();
        if (p.equals("gain") && model == Model.VOLTAGE || p.equals("rho") && model == Model.RATE) {
            return new NetworkFamily(model, w.n(), l -> new Network(w, kind.of(l, threshold), u));
        }
        if (p.equals("threshold")) {
            return new NetworkFamily(model, w.n(), l -> new Network(w, kind.of(gain, l), u));
        }
        if (p.startsWith("alpha") && model == Model.VOLTAGE && w instanceof LowRankCouplings lr) {
            int k = alphaIndex(p, lr.rank());
            Activation psi = kind.of(gain, threshold);
            return new NetworkFamily(model, w.n(), l -> {
                double[] d = lr.weights();
                d[k] = l;
                return new Network(lr, psi, u, d);
            });
        }
        throw new IllegalArgumentException("--parameter must be " + (model == Model.RATE ? "rho or threshold (the rate "
                + "model)" : "gain, threshold or alpha1..alphaP (alphaK with --model idp)") + ", got '" + parameter + "'");
    }

    private static int alphaIndex(String p, int rank) {
        int k;
        try {
            k = Integer.parseInt(p.substring("alpha".length()));
        } catch (NumberFormatException e) {
            k = -1;
        }
        if (k < 1 || k > rank) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--parameter %s: alphaK needs K in [1, %d] "
                    + "(one per pattern)", p, rank));
        }
        return k - 1;
    }

    /** The network at parameter lambda (the last one is kept). */
    public Network network(double lambda) {
        if (Double.compare(lambda, cachedLambda) != 0) {
            cached = at.apply(lambda);
            cachedLambda = lambda;
        }
        return cached;
    }

    /** The model. */
    public Model model() {
        return model;
    }

    @Override public int dimension() {
        return n;
    }

    @Override public void field(double[] x, double lambda, double[] out) {
        Network net = network(lambda);
        double[] tmp = new double[n], v = x;
        if (model == Model.VOLTAGE) {
            v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = net.psi().value(x[i]);
            }
        }
        multiply(net, v, tmp); // voltage: W psi(x); rate: W x
        for (int i = 0; i < n; i++) {
            double ui = net.u() == null ? 0 : net.u()[i];
            out[i] = model == Model.VOLTAGE ? -x[i] + tmp[i] + ui : -x[i] + net.psi().value(tmp[i] + ui);
        }
    }

    /** {@code out = W v}; a low-rank W with replaced weights in O(n r) through the kernels. */
    private static void multiply(Network net, double[] v, double[] out) {
        if (!(net.w() instanceof LowRankCouplings lr) || net.weights() == null) {
            net.w().multiply(v, out);
            return;
        }
        int r = lr.rank(), n = lr.n();
        double[] h = new double[r], w = scaled(lr, net.weights());
        Kernels.get().project(lr.transposedFactor(), r, n, v, h);
        for (int k = 0; k < r; k++) {
            h[k] *= w[k];
        }
        Arrays.fill(out, 0.0);
        Kernels.get().combine(lr.transposedFactor(), r, n, h, out);
        if (lr.zeroDiagonal()) {
            double[] diag = diagonal(lr, w);
            for (int i = 0; i < n; i++) {
                out[i] -= diag[i] * v[i];
            }
        }
    }

    /** The scaled weights {@code s d} (d the given weights, or W's own when null). */
    private static double[] scaled(LowRankCouplings lr, double[] weights) {
        double[] w = weights == null ? lr.weights() : weights.clone();
        for (int k = 0; k < w.length; k++) {
            w[k] *= lr.scale();
        }
        return w;
    }

    /** The diagonal of {@code F diag(w) F^T}. */
    private static double[] diagonal(LowRankCouplings lr, double[] w) {
        int r = lr.rank(), n = lr.n();
        double[] f = lr.factor(), d = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < r; k++) {
                d[i] += f[i * r + k] * f[i * r + k] * w[k];
            }
        }
        return d;
    }

    /** The slopes: psi'(x) (voltage) or Phi'(W r + u) (rate). */
    private double[] slopes(Network net, double[] x) {
        double[] s = new double[n];
        if (model == Model.VOLTAGE) {
            for (int i = 0; i < n; i++) {
                s[i] = net.psi().derivative(x[i]);
            }
        } else {
            multiply(net, x, s);
            for (int i = 0; i < n; i++) {
                s[i] = net.psi().derivative(s[i] + (net.u() == null ? 0 : net.u()[i]));
            }
        }
        return s;
    }

    @Override public Jacobian jacobian(double[] x, double lambda) {
        Network net = network(lambda);
        double[] s = slopes(net, x);
        return net.w() instanceof LowRankCouplings lr ? lowRank(lr, scaled(lr, net.weights()), s) : dense(net.w(), s);
    }

    /**
     * Voltage: {@code -I + W diag(s) = -I + F diag(w) F^T diag(s)}; rate: {@code -I + diag(s) F diag(w) F^T}; a removed
     * diagonal moves its part into delta. With non-negative slopes, {@code V^T U = G diag(w)}, {@code G = F^T diag(s) F}
     * positive semi-definite, has a symmetric similar form ({@link #symmetricForm}).
     */
    private Jacobian lowRank(LowRankCouplings lr, double[] w, double[] s) {
        double[] delta = new double[n], diag = lr.zeroDiagonal() ? diagonal(lr, w) : null;
        boolean slopes = true;
        for (int i = 0; i < n; i++) {
            delta[i] = 1 + (diag == null ? 0 : diag[i] * s[i]);
            slopes &= s[i] >= 0;
        }
        int r = lr.rank();
        LowRankPart base = new LowRankPart(r, lr.factor(), lr.transposedFactor(), w, null, null);
        LowRankPart part = new LowRankPart(r, lr.factor(), lr.transposedFactor(), w, model == Model.RATE ? s : null,
                model == Model.VOLTAGE ? s : null, base.gram(s));
        return new Jacobian(delta, part, null, slopes ? () -> symmetricForm(part.productGram(), w) : null);
    }

    /**
     * A symmetric matrix similar to {@code G diag(w)} for a positive semi-definite G: {@code diag(sqrt w) G
     * diag(sqrt w)} when every weight is non-negative, else {@code G^1/2 diag(w) G^1/2} (G^1/2 from G's symmetric
     * eigendecomposition; the firing-rate design has a negative gamma). Their eigenvalues are accurate even when
     * multiple, where a non-symmetric solver's are not.
     */
    static double[] symmetricForm(double[] gram, double[] w) {
        int r = w.length;
        double[] out = new double[r * r];
        if (Arrays.stream(w).allMatch(x -> x >= 0)) {
            for (int k = 0; k < r; k++) {
                for (int l = 0; l < r; l++) {
                    out[k * r + l] = Math.sqrt(w[k]) * gram[k * r + l] * Math.sqrt(w[l]);
                }
            }
            return out;
        }
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(Spectra.matrix(r, symmetrised(gram, r)));
        double[][] q = e.getV().getData();
        double[] lambda = e.getEigenvalues(), root = new double[r * r];
        for (int k = 0; k < r; k++) {
            for (int l = 0; l < r; l++) {
                double v = 0;
                for (int m = 0; m < r; m++) {
                    v += q[k][m] * Math.sqrt(Math.max(0, lambda[m])) * q[l][m];
                }
                root[k * r + l] = v;
            }
        }
        for (int k = 0; k < r; k++) {
            for (int l = 0; l < r; l++) {
                double v = 0;
                for (int m = 0; m < r; m++) {
                    v += root[k * r + m] * w[m] * root[m * r + l];
                }
                out[k * r + l] = v;
            }
        }
        return symmetrised(out, r);
    }

    /** {@code (A + A^T) / 2}: products of symmetric factors are symmetric only up to rounding. */
    private static double[] symmetrised(double[] a, int r) {
        double[] out = new double[r * r];
        for (int k = 0; k < r; k++) {
            for (int l = 0; l < r; l++) {
                out[k * r + l] = 0.5 * (a[k * r + l] + a[l * r + k]);
            }
        }
        return out;
    }

    private Jacobian dense(Couplings w, double[] s) {
        if (w != denseOf) {
            dense = w.toDense();
            denseOf = w;
        }
        double[] j = new double[n * n], w0 = dense, delta = new double[n];
        boolean nonNegative = true;
        for (int i = 0; i < n; i++) {
            nonNegative &= s[i] >= 0;
            delta[i] = 1 - w0[i * n + i] * s[i];
            for (int l = 0; l < n; l++) {
                j[i * n + l] = w0[i * n + l] * (model == Model.VOLTAGE ? s[l] : s[i]) - (i == l ? 1 : 0);
            }
        }
        Supplier<double[]> similar = !(w.symmetric() && nonNegative) ? null : () -> {
            double[] sym = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int l = 0; l < n; l++) {
                    sym[i * n + l] = Math.sqrt(s[i]) * w0[i * n + l] * Math.sqrt(s[l]) - (i == l ? 1 : 0);
                }
            }
            return sym;
        };
        return new Jacobian(delta, null, j, similar);
    }
}
