package engram.analysis;

import engram.memory.Patterns;
import engram.model.MemoryDynamics;
import engram.oracle.Oracle;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * The memory-learning experiment of Lotito 2025 (Figure 1; theory.md section 4, from the authors' code): N_h memories
 * of N_v units, Gram-Schmidt orthogonal rows of norm sqrt(N_v); targets {@code xi'_mu = Xi_mu(0) + sigma N(0, I)};
 * round-robin presentation {@code v = xi'_{t mod N_h}}; the synaptic dynamics run either as the authors' discrete
 * update (dt = 1) or as the ODE integrated by the DP853 oracle over each unit of time. Records the cosine of every
 * memory with its target after every step, the authors' theory {@code s(t)} with {@code tau_mu = tau_Xi N_h}
 * (p_mu = 1/N_h), the exact one-hot solution (after k presentations of its target, memory mu is
 * {@code xi'_mu + e_k (Xi_mu(0) - xi'_mu)} with {@code e_k = (1 - 1/tau_Xi)^k} for the update, {@code exp(-k/tau_Xi)} for
 * the ODE: no equal-norm or continuous-time approximation), and where the memories end: the distance to the targets
 * and the gap between {@code J = Xi^T Xi / N_h} and the Hebbian matrix of the targets.
 */
public final class MemoryLearning {

    private MemoryLearning() {
    }

    /**
     * Sizes, time constant, inverse temperature, target noise and number of steps; {@code equalNorms} rescales every
     * target to its memory's initial norm (the assumption of the authors' cosine theory).
     */
    public record Settings(int nv, int nh, double tau, double beta, double sigma, int steps, boolean equalNorms) {

        /** Figure 1 of the paper: N_v = 50, N_h = 4, tau_Xi = 250, beta = 2, sigma = 0.4, 2000 steps. */
        public static final Settings FIGURE_1 = new Settings(50, 4, 250, 2, 0.4, 2000);

        /** Targets as drawn (their norms about sqrt(1 + sigma^2) times the memories'). */
        public Settings(int nv, int nh, double tau, double beta, double sigma, int steps) {
            this(nv, nh, tau, beta, sigma, steps, false);
        }

        public Settings {
            if (nv < 1 || nh < 1 || nh > nv || !(tau > 1) || !(beta >= 0) || !(sigma >= 0) || steps < 1) {
                throw new IllegalArgumentException("need 1 <= N_h <= N_v, tau > 1, beta >= 0, sigma >= 0, steps >= 1; got "
                        + this);
            }
        }

        /** The theory's time constant {@code tau_mu = tau_Xi / p_mu}, p_mu = 1 / N_h. */
        public double tauMu() {
            return tau * nh;
        }
    }

    /**
     * What a run measured. {@code cosine[mu][k]} and {@code theory[mu][k]} are sampled every {@code every} steps;
     * {@code exactDeviation} is the largest gap to the exact one-hot solution, {@code timeConstantError} the relative
     * gap between the theory's decay {@code t / tau_mu} and the exact one, {@code -ln e_k}, at the end.
     */
    public record Run(double[] initialCosine, double[] finalCosine, double maxDeviation, double exactDeviation,
            double timeConstantError, double[] times, double[][] cosine, double[][] theory, double distanceRatio,
            double hebbianError, double[] memories, double[] targets) {
    }

    /**
     * Runs the experiment from {@code seed}. {@code lambda} is the synaptic bias (null for 0); {@code ode} integrates
     * the continuous dynamics with the oracle instead of the discrete update.
     */
    public static Run run(Settings s, long seed, boolean ode, double[] lambda, int every) {
        return run(s, seed, ode, lambda, every, done -> { });
    }

    /** {@link #run(Settings, long, boolean, double[], int)}, telling {@code progress} how many steps are done. */
    public static Run run(Settings s, long seed, boolean ode, double[] lambda, int every,
            IntConsumer progress) {
        int nv = s.nv(), nh = s.nh();
        SplittableRandom rng = new SplittableRandom(seed);
        double[] xi = Patterns.gramSchmidtRows(nh, nv, rng);
        double[] targets = targets(xi, nh, nv, s.sigma(), s.equalNorms(), rng);
        double[] start = xi.clone();
        double[] a = new double[nh];
        double[][] rows = new double[nh][];
        for (int mu = 0; mu < nh; mu++) {
            rows[mu] = Arrays.copyOfRange(targets, mu * nv, (mu + 1) * nv);
            a[mu] = MemoryDynamics.cosine(xi, mu, nv, rows[mu]);
        }
        MemoryDynamics dyn = new MemoryDynamics(nh, nv, s.tau(), s.beta(), lambda);
        int samples = s.steps() / every + 1;
        double[] times = new double[samples];
        double[][] cos = new double[nh][samples], theory = new double[nh][samples];
        for (int mu = 0; mu < nh; mu++) {
            cos[mu][0] = a[mu];
            theory[mu][0] = a[mu];
        }
        double worst = 0, exactWorst = 0;
        OneHot exactSolution = OneHot.of(start, rows, nv);
        double step = ode ? Math.exp(-1 / s.tau()) : 1 - 1 / s.tau();
        for (int t = 0; t < s.steps(); t++) {
            double[] v = rows[t % nh];
            if (ode) {
                double[] next = Oracle.dp853().solve(dyn.field(v), 0, xi, 1);
                System.arraycopy(next, 0, xi, 0, xi.length);
            } else {
                dyn.step(xi, v);
            }
            boolean sample = (t + 1) % every == 0;
            for (int mu = 0; mu < nh; mu++) {
                double c = MemoryDynamics.cosine(xi, mu, nv, rows[mu]);
                double th = MemoryDynamics.theoryCosine(t + 1, s.tauMu(), a[mu]);
                worst = Math.max(worst, Math.abs(c - th));
                double exact = exactSolution.cosine(mu, Math.pow(step, presentations(t, mu, nh)));
                exactWorst = Math.max(exactWorst, Math.abs(c - exact));
                if (sample) { // (t + 1) / every <= steps / every = samples - 1
                    cos[mu][(t + 1) / every] = c;
                    theory[mu][(t + 1) / every] = th;
                }
            }
            if (sample) {
                times[(t + 1) / every] = t + 1;
            }
            progress.accept(t + 1);
        }
        return finish(s, a, xi, start, targets, rows, worst, exactWorst, step, times, cos, theory);
    }

    /** What a run measured, from its end state. */
    private static Run finish(Settings s, double[] a, double[] xi, double[] start, double[] targets, double[][] rows,
            double worst, double exactWorst, double step, double[] times, double[][] cos, double[][] theory) {
        int nv = s.nv(), nh = s.nh();
        double[] fin = new double[nh];
        for (int mu = 0; mu < nh; mu++) {
            fin[mu] = MemoryDynamics.cosine(xi, mu, nv, rows[mu]);
        }
        double d0 = 0, d1 = 0;
        for (int k = 0; k < xi.length; k++) {
            d0 += (start[k] - targets[k]) * (start[k] - targets[k]);
            d1 += (xi[k] - targets[k]) * (xi[k] - targets[k]);
        }
        double exactDecay = -presentations(s.steps() - 1, 0, nh) * Math.log(step);
        double timeConstantError = Math.abs(s.steps() / s.tauMu() - exactDecay) / exactDecay;
        return new Run(a, fin, worst, exactWorst, timeConstantError, times, cos, theory, Math.sqrt(d1 / d0),
                hebbianGap(xi, targets, nh, nv), xi.clone(), targets);
    }

    /**
     * The targets: the memories plus sigma N(0, I), each rescaled to its memory's norm when {@code equalNorms} (the
     * theory's assumption).
     */
    static double[] targets(double[] xi, int nh, int nv, double sigma, boolean equalNorms, SplittableRandom rng) {
        double[] targets = xi.clone();
        for (int k = 0; k < targets.length; k++) {
            targets[k] += sigma * rng.nextGaussian();
        }
        if (equalNorms) {
            for (int mu = 0; mu < nh; mu++) {
                double a = 0, b = 0;
                for (int i = 0; i < nv; i++) {
                    a += xi[mu * nv + i] * xi[mu * nv + i];
                    b += targets[mu * nv + i] * targets[mu * nv + i];
                }
                for (int i = 0; i < nv; i++) {
                    targets[mu * nv + i] *= Math.sqrt(a / b);
                }
            }
        }
        return targets;
    }

    /**
     * The exact solution when the softmax is one-hot: after decay e of memory mu, {@code e x0 + (1 - e) t}; its cosine
     * with the target from the inner products start . target, start . start and target . target.
     */
    private record OneHot(double[] x0t, double[] x0x0, double[] tt) {

        static OneHot of(double[] start, double[][] rows, int nv) {
            int nh = rows.length;
            double[] x0t = new double[nh], x0x0 = new double[nh], tt = new double[nh];
            for (int mu = 0; mu < nh; mu++) {
                double[] start0 = Arrays.copyOfRange(start, mu * nv, (mu + 1) * nv);
                x0t[mu] = dot(start0, rows[mu]);
                x0x0[mu] = dot(start0, start0);
                tt[mu] = dot(rows[mu], rows[mu]);
            }
            return new OneHot(x0t, x0x0, tt);
        }

        double cosine(int mu, double e) {
            return (e * x0t[mu] + (1 - e) * tt[mu]) / Math.sqrt(tt[mu]
                    * (e * e * x0x0[mu] + 2 * e * (1 - e) * x0t[mu] + (1 - e) * (1 - e) * tt[mu]));
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * The fixed point of the cycle-averaged dynamics, by its own route (damped iteration of its equation, no
     * simulation): presenting each target t_nu once per cycle moves memory mu by {@code (1/tau) sum_nu w_mu(t_nu)
     * (Lambda_mu + t_nu - Xi_mu)}, w the softmax of {@code beta Xi t_nu} over the memories, which vanishes at
     * {@code Xi_mu = Lambda_mu + sum_nu w_mu(t_nu) t_nu / sum_nu w_mu(t_nu)}: each memory settles at its bias plus the
     * softmax-weighted centroid of the targets (its own target when the softmax is one-hot, the Hebbian prescription).
     * Starts from {@code start} (N_h x N_v row-major); the weights are computed here from their definition, with the
     * largest score subtracted before exponentiating.
     */
    public static double[] softCentroids(double[] start, double[] targets, double[] lambda, int nh, int nv, double beta) {
        double[] x = start.clone(), next = new double[x.length], w = new double[nh * nh];
        for (int it = 0; it < 100_000; it++) {
            for (int nu = 0; nu < nh; nu++) {
                double top = Double.NEGATIVE_INFINITY;
                for (int mu = 0; mu < nh; mu++) {
                    double score = 0;
                    for (int i = 0; i < nv; i++) {
                        score += x[mu * nv + i] * targets[nu * nv + i];
                    }
                    w[mu * nh + nu] = beta * score;
                    top = Math.max(top, beta * score);
                }
                double sum = 0;
                for (int mu = 0; mu < nh; mu++) {
                    w[mu * nh + nu] = Math.exp(w[mu * nh + nu] - top);
                    sum += w[mu * nh + nu];
                }
                for (int mu = 0; mu < nh; mu++) {
                    w[mu * nh + nu] /= sum;
                }
            }
            double change = 0, size = 0;
            for (int mu = 0; mu < nh; mu++) {
                double total = 0;
                for (int nu = 0; nu < nh; nu++) {
                    total += w[mu * nh + nu];
                }
                for (int i = 0; i < nv; i++) {
                    double c = 0;
                    for (int nu = 0; nu < nh; nu++) {
                        c += w[mu * nh + nu] * targets[nu * nv + i];
                    }
                    int k = mu * nv + i;
                    double target = (lambda == null ? 0 : lambda[k]) + c / total;
                    next[k] = x[k] + 0.5 * (target - x[k]);
                    change += (next[k] - x[k]) * (next[k] - x[k]);
                    size += next[k] * next[k];
                }
            }
            System.arraycopy(next, 0, x, 0, x.length);
            if (change <= 1e-30 * size) {
                break;
            }
        }
        return x;
    }

    /** How many times memory mu's target has been presented in steps 0..t (round robin). */
    static int presentations(int t, int mu, int nh) {
        return t < mu ? 0 : (t - mu) / nh + 1;
    }

    /** {@code ||Xi^T Xi - T^T T||_F / ||T^T T||_F} (the 1/N_h factors cancel), by the N_v x N_v products. */
    static double hebbianGap(double[] xi, double[] targets, int nh, int nv) {
        // ||X^T X - T^T T||_F^2 = ||X X^T||_F^2 - 2 ||X T^T||_F^2 + ||T T^T||_F^2 (tr(A^T A B^T B) = ||A B^T||_F^2):
        // N_h x N_h products, O(N_h^2 N_v) instead of the N_v x N_v ones; the cancellation leaves an absolute error of
        // about sqrt(eps) = 1e-8 in the ratio, far below the hebbian-limit tolerance
        double xx = gramSquare(xi, xi, nh, nv), xt = gramSquare(xi, targets, nh, nv), tt = gramSquare(targets, targets, nh, nv);
        return Math.sqrt(Math.max(0, xx - 2 * xt + tt) / tt);
    }

    /** {@code ||A B^T||_F^2} for N_h x N_v row-major A and B. */
    private static double gramSquare(double[] a, double[] b, int nh, int nv) {
        double sum = 0;
        for (int mu = 0; mu < nh; mu++) {
            for (int nu = 0; nu < nh; nu++) {
                double dot = 0;
                for (int i = 0; i < nv; i++) {
                    dot += a[mu * nv + i] * b[nu * nv + i];
                }
                sum += dot * dot;
            }
        }
        return sum;
    }
}
