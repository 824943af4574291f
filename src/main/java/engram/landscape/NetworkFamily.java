package engram.landscape;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.memory.Couplings;
import engram.memory.LowRankCouplings;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The voltage model {@code F = -x + W psi(x) + u} and the firing-rate model {@code F = -r + Phi(W r + u)} (tau = 1: a
 * time constant scales the field and its eigenvalues, not the equilibria or their stability) as one-parameter families
 * for {@link Continuation}: the network at each parameter value comes from a function (a gain, a threshold, an IDP
 * weight alpha_k, or a design redone at every value). Jacobians: {@code -I + W diag(psi')} and
 * {@code -I + diag(Phi'(W r + u)) W}; a low-rank {@code W = s F diag(d) F^T} gives U and V of rank r (and a diagonal
 * shift when W's diagonal is removed), a dense W the n x n matrix and, when W is symmetric and the slopes non-negative,
 * the symmetric {@code -I + S^1/2 W S^1/2} of the same spectrum.
 */
public final class NetworkFamily implements EquilibriumFamily {

    /** The two models. */
    public enum Model { VOLTAGE, RATE }

    /** The network at one parameter value: W, the activation, the constant input (null: zero). */
    public record Network(Couplings w, Activation psi, double[] u) {
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
            return new NetworkFamily(model, w.n(), l -> new Network(withWeight(lr, k, l), psi, u));
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

    /** The same low-rank couplings with weight k replaced. */
    static LowRankCouplings withWeight(LowRankCouplings lr, int k, double value) {
        double[] d = lr.weights();
        d[k] = value;
        return new LowRankCouplings(lr.n(), lr.rank(), lr.factor(), d, lr.scale(), lr.zeroDiagonal());
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
        double[] tmp = new double[n];
        if (model == Model.VOLTAGE) {
            for (int i = 0; i < n; i++) {
                tmp[i] = net.psi().value(x[i]);
            }
            net.w().multiply(tmp, out);
            for (int i = 0; i < n; i++) {
                out[i] += -x[i] + (net.u() == null ? 0 : net.u()[i]);
            }
        } else {
            net.w().multiply(x, tmp);
            for (int i = 0; i < n; i++) {
                out[i] = -x[i] + net.psi().value(tmp[i] + (net.u() == null ? 0 : net.u()[i]));
            }
        }
    }

    /** The slopes: psi'(x) (voltage) or Phi'(W r + u) (rate). */
    private double[] slopes(Network net, double[] x) {
        double[] s = new double[n];
        if (model == Model.VOLTAGE) {
            for (int i = 0; i < n; i++) {
                s[i] = net.psi().derivative(x[i]);
            }
        } else {
            net.w().multiply(x, s);
            for (int i = 0; i < n; i++) {
                s[i] = net.psi().derivative(s[i] + (net.u() == null ? 0 : net.u()[i]));
            }
        }
        return s;
    }

    @Override public Jacobian jacobian(double[] x, double lambda) {
        Network net = network(lambda);
        double[] s = slopes(net, x);
        return net.w() instanceof LowRankCouplings lr ? lowRank(lr, s) : dense(net.w(), s);
    }

    private Jacobian lowRank(LowRankCouplings lr, double[] s) {
        int r = lr.rank();
        double[] f = lr.factor(), d = lr.weights(), diag = lr.fullDiagonal(), u = new double[n * r], v = new double[n * r],
                delta = new double[n];
        for (int i = 0; i < n; i++) {
            delta[i] = 1 + (lr.zeroDiagonal() ? diag[i] * s[i] : 0);
            for (int k = 0; k < r; k++) {
                double fik = f[i * r + k], w = lr.scale() * d[k] * fik;
                // voltage: W diag(s) = (s F D) (diag(s) F)^T; rate: diag(s) W = (diag(s) s F D) F^T
                u[i * r + k] = model == Model.VOLTAGE ? w : s[i] * w;
                v[i * r + k] = model == Model.VOLTAGE ? s[i] * fik : fik;
            }
        }
        return Jacobian.lowRank(delta, r, u, v, similar(lr, f, d, s));
    }

    /**
     * Both models have {@code V^T U = G diag(s_W d)}, {@code G = F^T diag(slopes) F}: with non-negative weights and
     * slopes it is similar to the symmetric {@code diag(sqrt(s_W d)) G diag(sqrt(s_W d))} (null otherwise).
     */
    private double[] similar(LowRankCouplings lr, double[] f, double[] d, double[] s) {
        int r = lr.rank();
        for (int k = 0; k < r; k++) {
            if (!(lr.scale() * d[k] >= 0)) {
                return null;
            }
        }
        double[] g = new double[r * r];
        for (int i = 0; i < n; i++) {
            if (!(s[i] >= 0)) {
                return null;
            }
            for (int k = 0; k < r; k++) {
                double fk = f[i * r + k] * s[i];
                for (int l = 0; l < r; l++) {
                    g[k * r + l] += fk * f[i * r + l];
                }
            }
        }
        for (int k = 0; k < r; k++) {
            for (int l = 0; l < r; l++) {
                g[k * r + l] *= Math.sqrt(lr.scale() * d[k]) * Math.sqrt(lr.scale() * d[l]);
            }
        }
        return g;
    }

    private Jacobian dense(Couplings w, double[] s) {
        if (w != denseOf) {
            dense = w.toDense();
            denseOf = w;
        }
        double[] j = new double[n * n];
        boolean nonNegative = true;
        for (int i = 0; i < n; i++) {
            nonNegative &= s[i] >= 0;
            for (int l = 0; l < n; l++) {
                j[i * n + l] = dense[i * n + l] * (model == Model.VOLTAGE ? s[l] : s[i]) - (i == l ? 1 : 0);
            }
        }
        double[] similar = null;
        if (w.symmetric() && nonNegative) {
            similar = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int l = 0; l < n; l++) {
                    similar[i * n + l] = Math.sqrt(s[i]) * dense[i * n + l] * Math.sqrt(s[l]) - (i == l ? 1 : 0);
                }
            }
        }
        return Jacobian.dense(j, similar);
    }
}
