package engram.model;

import engram.integrate.VectorField;
import engram.memory.PatternSet;

/**
 * The modern Hopfield network of Ramsauer et al. 2020 ("Hopfield networks is all you need"), patterns the columns of
 * X (N x P, real), inverse temperature beta:
 * <pre>
 *   update   xi_new = X softmax(beta X^T xi)
 *   energy   E(xi) = -lse(beta, X^T xi) + xi^T xi / 2 + log(P) / beta + M^2 / 2,   lse(beta, z) = log(sum exp(beta z)) / beta
 * </pre>
 * with M the largest pattern norm; the update never increases E (concave-convex procedure). The continuous-time
 * version ({@link Flow}) is derived here: {@code dx/dt = -x + c X softmax(beta X^T x)} is the gradient flow of
 * {@code E_c(x) = |x|^2 / 2 - (c / beta) log sum_mu exp(beta xi_mu^T x)}, because
 * {@code grad E_c = x - c X softmax(beta X^T x) = -dx/dt}, so {@code dE_c/dt = -|dx/dt|^2 <= 0}; c = 1 is Ramsauer's
 * scaling, c = beta = z the paper's {@code -x + X[z softmax(z X^T x)]} (theory.md section 3).
 */
public final class ModernHopfield {

    private final PatternSet x;
    private final double beta;
    private final double maxNorm;
    private final double[] logits;

    public ModernHopfield(PatternSet patterns, double beta) {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and > 0, got " + beta);
        }
        this.x = patterns;
        this.beta = beta;
        double m = 0;
        for (int mu = 0; mu < patterns.p(); mu++) {
            double s = 0;
            for (int i = 0; i < patterns.n(); i++) {
                s += patterns.get(i, mu) * patterns.get(i, mu);
            }
            m = Math.max(m, Math.sqrt(s));
        }
        this.maxNorm = m;
        this.logits = new double[patterns.p()];
    }

    public PatternSet patterns() { return x; }

    public double beta() { return beta; }

    /** M, the largest pattern norm. */
    public double maxNorm() { return maxNorm; }

    /** {@code log(sum exp(beta z)) / beta}, computed stably. */
    public static double lse(double beta, double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double s = 0;
        for (double v : z) {
            s += Math.exp(beta * (v - max));
        }
        return max + Math.log(s) / beta;
    }

    /** {@code softmax(beta z)} into {@code out} (may alias z). */
    public static void softmax(double beta, double[] z, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double s = 0;
        for (int k = 0; k < z.length; k++) {
            out[k] = Math.exp(beta * (z[k] - max));
            s += out[k];
        }
        for (int k = 0; k < z.length; k++) {
            out[k] /= s;
        }
    }

    /** The attention weights {@code softmax(beta X^T xi)}. */
    public double[] weights(double[] xi) {
        double[] p = new double[x.p()];
        x.projectOnto(xi, p);
        softmax(beta, p, p);
        return p;
    }

    /** {@code out = X softmax(beta X^T xi)}. */
    public void update(double[] xi, double[] out) {
        x.combine(weights(xi), out);
    }

    /** Ramsauer's energy. */
    public double energy(double[] xi) {
        x.projectOnto(xi, logits);
        double sq = 0;
        for (double v : xi) {
            sq += v * v;
        }
        return -lse(beta, logits) + 0.5 * sq + Math.log(x.p()) / beta + 0.5 * maxNorm * maxNorm;
    }

    /** The continuous-time network {@code dx/dt = -x + c X softmax(beta X^T x)} with its energy E_c. */
    public Flow flow(double c) {
        return new Flow(c, c);
    }

    /**
     * The flow with field scale {@code cField} judged by the energy of scale {@code cEnergy}: only equal scales make
     * E a Lyapunov function. Mismatched scales exist for negative controls.
     */
    public Flow flow(double cField, double cEnergy) {
        return new Flow(cField, cEnergy);
    }

    /** {@code dx/dt = -x + c X softmax(beta X^T x)}, energy {@code |x|^2/2 - (c/beta) log sum exp(beta X^T x)}. */
    public final class Flow implements VectorField, EnergyFunction {
        private final double cField;
        private final double cEnergy;
        private final double[] z;
        private final double[] p;

        Flow(double cField, double cEnergy) {
            this.cField = cField;
            this.cEnergy = cEnergy;
            this.z = new double[x.p()];
            this.p = new double[x.p()];
        }

        @Override public int dimension() { return x.n(); }

        @Override public void evaluate(double t, double[] v, double[] dvdt) {
            x.projectOnto(v, z);
            softmax(beta, z, p);
            x.combine(p, dvdt);
            for (int i = 0; i < v.length; i++) {
                dvdt[i] = -v[i] + cField * dvdt[i];
            }
        }

        @Override public double energy(double[] v) {
            x.projectOnto(v, z);
            double sq = 0;
            for (double e : v) {
                sq += e * e;
            }
            return 0.5 * sq - cEnergy * lse(beta, z);
        }

        @Override public void gradient(double[] v, double[] grad) {
            x.projectOnto(v, z);
            softmax(beta, z, p);
            x.combine(p, grad);
            for (int i = 0; i < v.length; i++) {
                grad[i] = v[i] - cEnergy * grad[i];
            }
        }
    }
}
