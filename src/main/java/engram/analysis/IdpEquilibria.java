package engram.analysis;

import engram.activation.Activation;
import engram.kernel.Norms;
import engram.memory.PatternSet;
import engram.model.InputDriven;
import engram.model.VoltageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;

/**
 * Equilibria of the IDP network {@code dx/dt = -x + W psi(x)}, {@code W = (1/N) Xi diag(alpha) Xi^T} with the diagonal
 * kept (theory.md section 3), found two ways. The closed form for orthogonal patterns and psi odd, concave on
 * (0, inf): {@code c xi_mu} is an equilibrium iff {@code c = alpha_mu psi(c)}, a non-zero c exists iff
 * {@code alpha_mu psi'(0) > 1}, the memory is stable iff {@code max_{nu != mu} alpha_nu < 1 / psi'(c)}, the origin iff
 * {@code psi'(0) max alpha < 1}, and the energy per neuron there is {@code c psi(c)/2 - int_0^c psi}. The dynamics: a
 * Newton iteration on the full vector field from c xi_mu (whatever c the scalar equation gives), and the largest real
 * eigenvalue of the Jacobian {@code -I + W D} at the equilibrium found. Since W has rank P, the Jacobian's spectrum
 * beyond -1 is that of the P x P matrix {@code diag(alpha) Xi^T D Xi / N}, similar to the symmetric
 * {@code G^1/2 A G^1/2 / N} with {@code G = Xi^T D Xi}, and Newton steps solve {@code (-I + U V^T) d = -F} by the
 * Woodbury identity: both cost O(N P^2), so N = 1024 takes milliseconds.
 */
public final class IdpEquilibria {

    /** Newton stops when the sup norm of the vector field is below this. */
    public static final double RESIDUAL = 1e-12;
    /** A found equilibrium belongs to memory mu when its cosine with xi_mu is at least this. */
    public static final double ALIGNED = 0.9;

    private IdpEquilibria() {
    }

    /** One memory: the closed-form prediction and what the dynamics say. */
    public record Memory(int index, double alpha, boolean predictedExists, double c, boolean exists, double residual,
            double maxRealEigenvalue, boolean stable, boolean predictedStable, double energyPerNeuron,
            double predictedEnergyPerNeuron, double[] state) {

        /** Whether existence can be judged: alpha psi'(0) is more than {@code ambiguous} from its boundary 1. */
        public boolean existenceDecidable(double slopeAtZero, double ambiguous) {
            return Math.abs(alpha * slopeAtZero - 1) > ambiguous;
        }

        /** Whether stability can be judged: the memory exists, is predicted, and |lambda_max| exceeds ambiguous. */
        public boolean stabilityDecidable(double ambiguous) {
            return exists && predictedExists && Math.abs(maxRealEigenvalue) > ambiguous;
        }

        /** The computed existence and stability agree with the predictions wherever they can be judged. */
        public boolean agrees(double slopeAtZero, double ambiguous) {
            return (!existenceDecidable(slopeAtZero, ambiguous) || exists == predictedExists)
                    && (!stabilityDecidable(ambiguous) || stable == predictedStable);
        }
    }

    /** Every memory, and the origin ("confusion state"). */
    public record Result(List<Memory> memories, double originMaxEigenvalue, boolean originStable,
            boolean originPredictedStable) {
    }

    /**
     * The smallest positive root c of {@code c = a psi(c)}, or 0 when there is none below 1e9 (found by doubling from
     * 1e-9 max(1, |a|) until {@code a psi(c) - c} changes sign, then bisection to machine precision).
     */
    public static double amplitude(Activation psi, double a) {
        double lo = 1e-9 * Math.max(1, Math.abs(a));
        double flo = a * psi.value(lo) - lo;
        for (double hi = 2 * lo; hi < 1e9; lo = hi, hi *= 2) {
            double fhi = a * psi.value(hi) - hi;
            if (Double.isNaN(fhi)) {
                return 0;
            }
            if (Math.signum(fhi) != Math.signum(flo) && fhi != 0 || fhi == 0) {
                if (fhi == 0) {
                    return hi;
                }
                double l = lo, h = hi;
                for (int k = 0; k < 200 && h - l > 1e-15 * h; k++) {
                    double m = 0.5 * (l + h);
                    double fm = a * psi.value(m) - m;
                    if (Math.signum(fm) == Math.signum(flo)) {
                        l = m;
                    } else {
                        h = m;
                    }
                }
                return 0.5 * (l + h);
            }
            flo = fhi;
        }
        return 0;
    }

    /** The energy per neuron of the IDP network at {@code c xi} (+-1 patterns): {@code c psi(c)/2 - int_0^c psi}. */
    public static double energyPerNeuron(Activation psi, double c) {
        return 0.5 * c * psi.value(c) - psi.integral(c);
    }

    /** Analyses every memory of the network with weights alpha (diagonal kept); the patterns must be +-1. */
    public static Result analyze(PatternSet xi, double[] alpha, Activation psi) {
        return analyze(xi, alpha, psi, done -> { });
    }

    /** {@link #analyze(PatternSet, double[], Activation)}, telling {@code progress} how many memories are done. */
    public static Result analyze(PatternSet xi, double[] alpha, Activation psi, IntConsumer progress) {
        int n = xi.n(), p = xi.p();
        for (double v : xi.data()) {
            if (Math.abs(v) != 1) {
                throw new IllegalArgumentException("the IDP closed form needs +-1 patterns, got an entry " + v);
            }
        }
        if (alpha.length != p) {
            throw new IllegalArgumentException("need one weight per pattern: " + alpha.length + " for " + p);
        }
        VoltageModel model = InputDriven.withAlpha(1.0, xi, alpha, psi, false);
        double slope = psi.derivative(0);
        double maxAlpha = Double.NEGATIVE_INFINITY;
        for (double a : alpha) {
            maxAlpha = Math.max(maxAlpha, a);
        }
        List<Memory> out = new ArrayList<>();
        for (int mu = 0; mu < p; mu++) {
            double a = alpha[mu];
            boolean predictedExists = a * slope > 1;
            double c = amplitude(psi, a);
            double[] pattern = xi.pattern(mu);
            double[] x = new double[n];
            double start = c > 0 ? c : Math.max(1, Math.abs(a));
            for (int i = 0; i < n; i++) {
                x[i] = start * pattern[i];
            }
            double residual = newton(model, xi, alpha, psi, x);
            double norm = Norms.norm2(x);
            double cosine = 0;
            for (int i = 0; i < n; i++) {
                cosine += x[i] * pattern[i];
            }
            cosine = norm > 0 ? cosine / (norm * Math.sqrt(n)) : 0;
            boolean exists = residual <= 1e3 * RESIDUAL * (1 + Norms.maxAbs(x)) && norm > 1e-6 * Math.sqrt(n)
                    && cosine >= ALIGNED;
            double lambda = exists ? maxEigenvalue(xi, alpha, psi, x) : Double.NaN;
            double others = Double.NEGATIVE_INFINITY;
            for (int nu = 0; nu < p; nu++) {
                if (nu != mu) {
                    others = Math.max(others, alpha[nu]);
                }
            }
            boolean predictedStable = predictedExists && (p == 1 || others < 1 / psi.derivative(c));
            out.add(new Memory(mu, a, predictedExists, c, exists, residual, lambda, exists && lambda < 0, predictedStable,
                    exists ? model.energy(x) / n : Double.NaN, predictedExists ? energyPerNeuron(psi, c) : Double.NaN,
                    exists ? x : null));
            progress.accept(mu + 1);
        }
        double origin = maxEigenvalue(xi, alpha, psi, new double[n]);
        return new Result(out, origin, origin < 0, slope * maxAlpha < 1);
    }

    /**
     * Newton's method on {@code F(x) = -x + W psi(x)} in place, Jacobian {@code -I + U V^T} with
     * {@code U = Xi diag(alpha) / N}, {@code V = D Xi}, inverted by Woodbury:
     * {@code (-I + U V^T)^-1 = -(I + U (I - V^T U)^-1 V^T)}. Returns the final sup norm of F.
     */
    static double newton(VoltageModel model, PatternSet xi, double[] alpha, Activation psi, double[] x) {
        double[] f = new double[xi.n()];
        double best = Double.POSITIVE_INFINITY;
        for (int iter = 0; iter < 60; iter++) {
            model.evaluate(0, x, f);
            double res = Norms.maxAbs(f);
            best = res;
            if (res <= RESIDUAL * (1 + Norms.maxAbs(x)) || !newtonStep(xi, alpha, psi, x, f)) {
                break;
            }
        }
        return best;
    }

    /**
     * One Newton step {@code x <- x - J^-1 F} in place, F the field at x, by Woodbury; false (x unchanged) when the
     * P x P matrix {@code K} is singular.
     */
    static boolean newtonStep(PatternSet xi, double[] alpha, Activation psi, double[] x, double[] f) {
        int n = xi.n(), p = xi.p();
        double[] data = xi.data();
        // K = I - V^T U = I - Xi^T D Xi diag(alpha) / N (P x P); V^T F = Xi^T D F
        double[][] k = new double[p][p];
        double[] vf = new double[p];
        for (int i = 0; i < n; i++) {
            double d = psi.derivative(x[i]);
            for (int a = 0; a < p; a++) {
                double da = d * data[i * p + a];
                vf[a] += da * f[i];
                for (int b = 0; b < p; b++) {
                    k[a][b] -= da * data[i * p + b] * alpha[b] / n;
                }
            }
        }
        for (int a = 0; a < p; a++) {
            k[a][a] += 1;
        }
        double[] y;
        try {
            y = new LUDecomposition(new Array2DRowRealMatrix(k, false)).getSolver().solve(new ArrayRealVector(vf))
                    .toArray();
        } catch (RuntimeException singular) {
            return false;
        }
        // d = J^-1 (-F) = F + U K^-1 V^T F
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int b = 0; b < p; b++) {
                s += data[i * p + b] * alpha[b] * y[b];
            }
            x[i] += f[i] + s / n;
        }
        return true;
    }

    /**
     * The largest real eigenvalue of the Jacobian {@code -I + W D} at x (diagonal kept): -1 plus the largest of the
     * eigenvalues of {@code G^1/2 A G^1/2 / N} ({@code G = Xi^T D Xi}, A = diag(alpha)), and of 0 when N > P.
     */
    public static double maxEigenvalue(PatternSet xi, double[] alpha, Activation psi, double[] x) {
        int n = xi.n(), p = xi.p();
        double[] data = xi.data();
        double[] g = new double[p * p];
        for (int i = 0; i < n; i++) {
            double d = psi.derivative(x[i]);
            for (int a = 0; a < p; a++) {
                for (int b = a; b < p; b++) {
                    g[a * p + b] += d * data[i * p + a] * data[i * p + b];
                }
            }
        }
        double top = Spectra.maxSandwichEigenvalue(p, g, alpha, n);
        return -1 + (n > p ? Math.max(top, 0) : top);
    }
}
