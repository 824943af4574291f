package engram.memory;

import engram.activation.Activation;
import java.util.Arrays;

/**
 * The synaptic design of Betteti, Baggio, Bullo and Zampieri (Neural Computation 37(10), 2025; theory.md section 2)
 * for the firing-rate model {@code xdot = -x + Phi(W x + u)} with 0/1 memories of activity q and pairwise co-activity
 * r: choose target fields a < b, let {@code phi_a = Phi(a)}, {@code phi_b = Phi(b)}, and
 * <pre>
 *   W     = (kappa/N) (Xi - beta)(Xi - beta)^T + (gamma/N) 1 1^T
 *   kappa = alpha / (q (1 - r)),   alpha = (b - a) / (phi_b - phi_a)
 *   beta  = q ((1 - r) phi_a + r phi_b) / ((1 - q) phi_a + q phi_b)
 *   gamma = ((1 - beta) a + beta b) / ((1 - q) phi_a + q phi_b)
 * </pre>
 * Then for memories in which each has q N active units and each pair shares r q N, the rescaled memories
 * {@code xbar_mu = phi_a 1 + (phi_b - phi_a) xi_mu} satisfy {@code W xbar_mu = a 1 + (b - a) xi_mu} exactly, so
 * {@code Phi(W xbar_mu) = xbar_mu}. r = q (independent memories) gives beta = q and
 * {@code W = alpha (Xi - q)(Xi - q)^T / (N q (1 - q)) + gamma 1 1^T / N}. theory.md calls kappa "alpha" in the general
 * formula; here {@link #alpha()} is always the spectral alpha of the r = q special case, the one the stability
 * conditions use: for balanced memories W has eigenvalue alpha on every centred memory and gamma on 1.
 */
public record FiringRateDesign(PatternSet memories, Activation phi, double a, double b, double q, double r) {

    /**
     * theory.md's reference design, the one of the authors' retrieval experiment and marked phase-diagram point:
     * sigmoid with slope {@value #REFERENCE_RHO} and threshold {@value #REFERENCE_THRESHOLD}, target fields
     * a = {@value #REFERENCE_A} (gamma < 0: global inhibition) and b = {@value #REFERENCE_B}, activity
     * {@value #REFERENCE_Q}.
     */
    public static final double REFERENCE_RHO = 4.8;
    public static final double REFERENCE_THRESHOLD = 0.2;
    public static final double REFERENCE_A = -0.3;
    public static final double REFERENCE_B = 0.95;
    public static final double REFERENCE_Q = 0.2;
    /** The other field choice of the phase diagram, a > 0 (gamma > 0). */
    public static final double EXCITATORY_A = 0.1;

    /** The reference experiment's memory count at N units: {@code P = floor(N / (10 ln N))} (theory.md section 2.7). */
    public static int referenceMemories(int n) {
        return (int) Math.floor(n / (10 * Math.log(n)));
    }

    public FiringRateDesign {
        if (!(a < b)) {
            throw new IllegalArgumentException("target fields need a < b, got a=" + a + ", b=" + b);
        }
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("activity q must be in (0, 1), got " + q);
        }
        if (!(r >= 0 && r < 1)) {
            throw new IllegalArgumentException("co-activity r must be in [0, 1), got " + r);
        }
        if (!(phi.value(b) > phi.value(a))) {
            throw new IllegalArgumentException("the design needs Phi(b) > Phi(a): b=" + b + " must lie above the threshold");
        }
    }

    /** Independent memories: r = q. */
    public static FiringRateDesign independent(PatternSet memories, Activation phi, double a, double b, double q) {
        return new FiringRateDesign(memories, phi, a, b, q, q);
    }

    public int n() { return memories.n(); }

    public int p() { return memories.p(); }

    public double phiA() { return phi.value(a); }

    public double phiB() { return phi.value(b); }

    /** {@code alpha = (b - a) / (phi_b - phi_a)}. */
    public double alpha() { return (b - a) / (phiB() - phiA()); }

    /** {@code kappa = alpha / (q (1 - r))}, the prefactor of the memory term in W. */
    public double couplingScale() { return alpha() / (q * (1 - r)); }

    public double beta() {
        return q * ((1 - r) * phiA() + r * phiB()) / ((1 - q) * phiA() + q * phiB());
    }

    public double gamma() {
        return ((1 - beta()) * a + beta() * b) / ((1 - q) * phiA() + q * phiB());
    }

    /** {@code eta = max(Phi'(a), Phi'(b))}. */
    public double eta() { return Math.max(phi.derivative(a), phi.derivative(b)); }

    /** The sufficient condition for stability of every rescaled memory: {@code eta max(alpha, gamma) < 1}. */
    public boolean sufficientCondition() { return eta() * Math.max(alpha(), gamma()) < 1; }

    /**
     * The authors' instability expression (theory.md section 2); positive means the rescaled memories are unstable:
     * {@code max{ q (gamma - alpha)(Phi'(b) - Phi'(a)) - (1 - Phi'(b) alpha)(1 - Phi'(a) gamma),
     * q Phi'(b) ((1 - q) alpha + q gamma) - 1 }}.
     */
    public double instabilityExpression() {
        double da = phi.derivative(a), db = phi.derivative(b);
        double al = alpha(), ga = gamma();
        double first = q * (ga - al) * (db - da) - (1 - db * al) * (1 - da * ga);
        double second = q * db * ((1 - q) * al + q * ga) - 1;
        return Math.max(first, second);
    }

    /** The rank-(P+1) factor F = [Xi - beta | 1] with weights (kappa, ..., kappa, gamma) and scale 1/N. */
    public LowRankCouplings couplings() {
        return couplings(1.0);
    }

    /**
     * The couplings with the memory term multiplied by {@code factor}. Only negative controls use factor != 1: with
     * factor = q (1 - r) the memory term loses its normalisation (kappa becomes alpha), a plausible design slip.
     */
    public LowRankCouplings couplings(double factor) {
        int n = n(), p = p(), m = p + 1;
        double beta = beta();
        double[] f = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int mu = 0; mu < p; mu++) {
                f[i * m + mu] = memories.get(i, mu) - beta;
            }
            f[i * m + p] = 1;
        }
        double[] d = new double[m];
        Arrays.fill(d, factor * couplingScale());
        d[p] = gamma();
        return new LowRankCouplings(n, m, f, d, 1.0 / n, false);
    }

    /** {@code xbar_mu = phi_a 1 + (phi_b - phi_a) xi_mu}. */
    public double[] rescaled(int mu) {
        double pa = phiA(), pb = phiB();
        double[] x = new double[n()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pa + (pb - pa) * memories.get(i, mu);
        }
        return x;
    }
}
