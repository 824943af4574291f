package engram.check;

import static engram.claim.Evaluation.fmt;

import engram.activation.Activation;
import engram.analysis.FiniteDifferences;
import engram.analysis.Lanczos;
import engram.analysis.Measurements;
import engram.analysis.Newton;
import engram.analysis.Scsna;
import engram.analysis.Spectra;
import engram.certify.Certifier;
import engram.certify.ProofNetwork;
import engram.claim.Claim;
import engram.claim.ClaimFamily;
import engram.claim.OneNetworkClaim;
import engram.integrate.RungeKutta4;
import engram.integrate.StepObserver;
import engram.integrate.Trajectory;
import engram.integrate.VectorField;
import engram.kernel.Norms;
import engram.model.EnergyFunction;
import engram.model.FiringRateModel;
import engram.model.VoltageEnsemble;
import engram.model.VoltageModel;
import engram.oracle.Oracle;
import engram.theorem.Theorems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;

/**
 * Checks the catalogue's theorems on one given network ({@link GivenNetwork}): measures every hypothesis (symmetry,
 * zero diagonal, ||W||_2 by Lanczos on W^T W, Lip(psi) ||W||_2, the activation's shape), decides for every claim of the
 * catalogue whether it applies to a single given network (and names the hypothesis that fails when not), runs the
 * applicable checks on trajectories of the Hipparchus DP853 oracle from generated starts (energy descent,
 * the contraction bound, positivity, the model's derivatives against finite differences), and for each given
 * pattern finds the equilibrium it leads to (RK4 to rest, all patterns as one block, then Newton), its residual, the
 * largest real part
 * of the Jacobian's eigenvalues (dense for n <= 400; by Lanczos on the similar symmetric matrix for symmetric W), and the
 * fraction of noisy cues that return. Tolerances are the catalogue's. Deterministic in the seed. This is the public
 * test-library entry point: {@code NetworkCheck.run(network, seed).assertHolds()}.
 */
public final class NetworkCheck {

    /** Noise levels of the cues (relative to the pattern's root-mean-square size). */
    static final double[] CUE_NOISE = {0.05, 0.1, 0.2};

    private NetworkCheck() {
    }

    public static CheckReport run(GivenNetwork g, long seed) {
        return run(g, seed, line -> { });
    }

    /**
     * {@link #checks} on the network, with progress lines for {@code report}. A trajectory of the network that leaves
     * the finite numbers (an unbounded activation with positive feedback blows up in finite time; entries too large
     * for double precision) makes the theorems' hypotheses fail rather than the tool: it is refused with an
     * IllegalArgumentException that names the activation, gain and tau.
     */
    public static CheckReport run(GivenNetwork g, long seed, Consumer<String> report) {
        try {
            return checks(g, seed, report);
        } catch (MathIllegalStateException | MathIllegalArgumentException
                | ArithmeticException e) {
            throw new IllegalArgumentException("the network's trajectories cannot be integrated (" + firstLine(e)
                    + ") with " + g.activation().name() + " of gain " + g.activation().lipschitz() + " and tau "
                    + g.tau() + ": they leave the finite numbers or blow up in finite time, outside every theorem's "
                    + "hypotheses");
        }
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.strip().lines().findFirst().orElse(m);
    }

    private static CheckReport checks(GivenNetwork g, long seed, Consumer<String> report) {
        long start = System.nanoTime();
        Consumer<String> progress = line -> report.accept(String.format(Locale.ROOT, "%6.1f s  %s",
                (System.nanoTime() - start) / 1e9, line));
        int n = g.n();
        double[] w = g.w();
        double asym = 0, maxAbs = 0, diag = 0;
        for (int i = 0; i < n; i++) {
            diag = Math.max(diag, Math.abs(w[i * n + i]));
            for (int j = 0; j < n; j++) {
                asym = Math.max(asym, Math.abs(w[i * n + j] - w[j * n + i]));
                maxAbs = Math.max(maxAbs, Math.abs(w[i * n + j]));
            }
        }
        boolean symmetric = asym <= 1e-12 * Math.max(1, maxAbs);
        progress.accept("hypotheses: largest |W - W^T| " + fmt(asym) + "; computing ||W||_2");
        double norm = spectralNorm(g, seed);
        Activation psi = g.activation();
        double lipBound = psi.lipschitz() * norm;
        boolean contracting = lipBound < 1;
        boolean voltage = g.model() == GivenNetwork.Model.VOLTAGE;
        boolean nonNegative = psi.rangeMin() >= 0;
        VectorField field = g.field();
        int starts = n > 1000 ? 1 : n > 500 ? 2 : 4;
        double horizon = (n > 1000 ? 3 : 10) * g.tau();
        OneNetworkClaim.Network net = new OneNetworkClaim.Network(field, psi, voltage, symmetric, asym, lipBound, g.tau(),
                horizon, rng -> start(g, rng));
        List<CheckReport.ClaimCheck> claims = new ArrayList<>();
        for (ClaimFamily family : Theorems.families()) {
            for (Claim<?> c : family.claims()) {
                claims.add(check(c, family.name(), net, starts, seed, progress));
            }
        }
        List<String> notes = new ArrayList<>();
        List<CheckReport.Equilibrium> equilibria = g.p() == 0 ? List.of()
                : equilibria(g, field, symmetric, lipBound, norm, notes, seed, progress);
        if (g.p() > 0) {
            double alpha = (double) g.p() / n;
            notes.add("load alpha = P/N = " + fmt(alpha) + "; for Hebbian +-1 memories and sign units retrieval "
                    + "survives up to alpha_c = " + fmt(Scsna.agsCritical()[0]) + " (AGS), and every memory is a fixed point "
                    + "with high probability below N / (4 ln N) = " + fmt(n / (4 * Math.log(n))) + " memories (McEliece)");
        }
        if (!contracting) {
            notes.add("Lip(psi) ||W||_2 = " + fmt(lipBound) + " >= 1: the contraction theorems do not apply; several "
                    + "stable equilibria (memories) are possible");
        }
        return new CheckReport(n, voltage ? "voltage" : "rate", symmetric, asym, diag == 0, norm, lipBound, contracting,
                seed, claims, equilibria, notes);
    }

    /**
     * One claim on the network: not applicable (with the reason) unless the claim has the {@link OneNetworkClaim}
     * capability and its hypotheses hold; else its worst margin over the starts against the catalogue's tolerance.
     */
    static CheckReport.ClaimCheck check(Claim<?> c, String family, OneNetworkClaim.Network net, int starts, long seed,
            Consumer<String> progress) {
        String id = c.id();
        if (!(c instanceof OneNetworkClaim one)) {
            return new CheckReport.ClaimCheck(id, false, "a claim about the networks Engram generates (" + family
                    + " family), not about one given network", null, null, null);
        }
        String why = one.notApplicable(net);
        if (why != null) {
            return new CheckReport.ClaimCheck(id, false, why, null, null, null);
        }
        progress.accept("checking " + id);
        double worst = Double.POSITIVE_INFINITY;
        String detail = "";
        SplittableRandom rng = new SplittableRandom(seed ^ id.hashCode());
        for (int s = 0; s < starts; s++) {
            OneNetworkClaim.Measured m = one.measure(net, net.start().apply(rng), rng);
            double margin = Double.isNaN(m.metric()) ? Double.NEGATIVE_INFINITY : c.tolerance() - m.metric();
            if (margin < worst) {
                worst = margin;
                detail = "start " + s + ": " + m.what();
            }
        }
        return new CheckReport.ClaimCheck(id, true, one.needs(), worst >= 0 ? "HOLDS" : "FAILS", worst, detail);
    }

    /** A start: uniform in [0, 1]^n for rates, N(0, 1) for voltages. */
    private static double[] start(GivenNetwork g, SplittableRandom rng) {
        double[] x = new double[g.n()];
        for (int i = 0; i < x.length; i++) {
            x[i] = g.model() == GivenNetwork.Model.RATE ? rng.nextDouble() : rng.nextGaussian();
        }
        return x;
    }

    /** ||W||_2: the square root of the largest eigenvalue of W^T W, by Lanczos (dense SVD for n <= 60). */
    static double spectralNorm(GivenNetwork g, long seed) {
        int n = g.n();
        if (n <= 60) {
            return Spectra.spectralNorm(g.couplings());
        }
        return Math.sqrt(Math.max(0, lanczosTop(n, seed, Lanczos.gram(g.w(), n)::apply)));
    }

    /** y = A v for a symmetric operator A. */
    interface SymmetricOperator {
        void apply(double[] v, double[] out);
    }

    /**
     * The largest (algebraic) eigenvalue of a symmetric operator by Lanczos with full reorthogonalisation, at most 80
     * steps (the extreme Ritz value converges first), from a seeded random start.
     */
    static double lanczosTop(int n, long seed, SymmetricOperator op) {
        return Lanczos.top(n, seed, op::apply);
    }

    /**
     * Integrates K states together to t1 with RK4 (whose fixed points are exactly the equilibria): for the voltage
     * model as one N x K block ({@link VoltageEnsemble}: W applied as a matrix-matrix product), otherwise one by one.
     * The step is at most 0.4 tau and inside RK4's stability interval (|h lambda| < 2.78 on the real axis) for the
     * Jacobian's spectral radius, at most (1 + Lip(psi) ||W||_2) / tau.
     */
    static double[][] integrate(GivenNetwork g, VectorField f, double[][] states, double t1, double lipBound) {
        double h = Math.min(0.4 * g.tau(), 2.5 * g.tau() / (1 + lipBound));
        int steps = (int) Math.ceil(t1 / h);
        int n = g.n(), k = states.length;
        if (g.model() == GivenNetwork.Model.VOLTAGE && k > 1) {
            VoltageEnsemble ens = new VoltageEnsemble((VoltageModel) f, k);
            double[] block = VoltageEnsemble.block(states);
            new RungeKutta4(n * k).integrate(ens, 0, block, t1, steps, steps, StepObserver.NONE);
            double[][] out = new double[k][];
            for (int c = 0; c < k; c++) {
                out[c] = VoltageEnsemble.column(block, k, c);
            }
            return out;
        }
        double[][] out = new double[k][];
        RungeKutta4 rk4 = new RungeKutta4(n);
        for (int c = 0; c < k; c++) {
            out[c] = states[c].clone();
            rk4.integrate(f, 0, out[c], t1, steps, steps, StepObserver.NONE);
        }
        return out;
    }

    /**
     * From every pattern: integrate to rest (all patterns together), polish by Newton (n <= 1000), the largest real
     * part of the Jacobian's eigenvalues, and the fraction of noisy cues (all cues of all patterns together) that
     * return to within 1e-3 (1 + |x*|) of the equilibrium.
     */
    static List<CheckReport.Equilibrium> equilibria(GivenNetwork g, VectorField f, boolean symmetric, double lipBound,
            double norm, List<String> notes, long seed, Consumer<String> progress) {
        int n = g.n(), p = g.p();
        double[][] x = new double[p][];
        for (int mu = 0; mu < p; mu++) {
            x[mu] = g.pattern(mu);
        }
        progress.accept("integrating the " + p + " patterns to rest");
        double[] residual = new double[p];
        x = toRest(g, f, x, lipBound, residual);
        List<CheckReport.Equilibrium> out = new ArrayList<>();
        double[][] cues = new double[p * CUE_NOISE.length * (n > 1000 ? 1 : 4)][];
        int perLevel = cues.length / (p * CUE_NOISE.length);
        SplittableRandom rng = new SplittableRandom(seed + 31);
        int c = 0;
        double[] lambda = new double[p];
        for (int mu = 0; mu < p; mu++) {
            if (n <= 1000) {
                residual[mu] = Newton.polish(f, x[mu], residual[mu]);
            }
            progress.accept("pattern " + mu + ": Jacobian at its equilibrium");
            lambda[mu] = maxRealEigenvalue(g, f, x[mu], symmetric);
            double rms = Math.max(1e-12, Norms.norm2(x[mu]) / Math.sqrt(n));
            for (double level : CUE_NOISE) {
                for (int r = 0; r < perLevel; r++) {
                    double[] cue = x[mu].clone();
                    for (int i = 0; i < n; i++) {
                        cue[i] += level * rms * rng.nextGaussian();
                    }
                    cues[c++] = cue;
                }
            }
        }
        progress.accept("integrating " + cues.length + " noisy cues");
        double[][] ends = integrate(g, f, cues, (n > 1000 ? 10 : 30) * g.tau(), lipBound);
        for (int mu = 0; mu < p; mu++) {
            int returned = 0, total = CUE_NOISE.length * perLevel;
            for (int r = 0; r < total; r++) {
                if (Norms.maxAbsDiff(ends[mu * total + r], x[mu]) <= 1e-3 * (1 + Norms.maxAbs(x[mu]))) {
                    returned++;
                }
            }
            out.add(new CheckReport.Equilibrium(mu, residual[mu] <= 1e-8, residual[mu], lambda[mu], lambda[mu] < 0,
                    (double) returned / total));
            // the analytic sufficient condition beside the numerical eigenvalue: J = (W D - I)/tau or (D W - I)/tau
            // has every eigenvalue's real part below (max D ||W||_2 - 1)/tau, so max D ||W||_2 < 1 proves stability
            double maxSlope = Arrays.stream(slopesAt(g, x[mu])).map(Math::abs).max().orElse(0);
            double bound = maxSlope * norm;
            notes.add("pattern " + mu + ": largest slope at its equilibrium " + fmt(maxSlope) + ", times ||W||_2 = "
                    + fmt(bound) + (bound < 1 ? " < 1: stable by the analytic sufficient condition (agrees with the "
                    + "eigenvalue " + fmt(lambda[mu]) + ")" : " >= 1: the sufficient condition is silent; the eigenvalue "
                    + fmt(lambda[mu]) + " decides"));
        }
        return out;
    }

    /**
     * The approximate equilibrium each pattern leads to (integrated to rest, then polished by Newton), or null where
     * the residual stays above 1e-8: the starting points of {@link #certify}'s proofs.
     */
    public static List<double[]> restingStates(GivenNetwork g, long seed) {
        double lipBound = g.activation().lipschitz() * spectralNorm(g, seed);
        VectorField f = g.field();
        double[][] x = new double[g.p()][];
        for (int mu = 0; mu < g.p(); mu++) {
            x[mu] = g.pattern(mu);
        }
        double[] residual = new double[g.p()];
        x = toRest(g, f, x, lipBound, residual);
        List<double[]> out = new ArrayList<>();
        for (int mu = 0; mu < g.p(); mu++) {
            residual[mu] = Newton.polish(f, x[mu], residual[mu]);
            out.add(residual[mu] <= 1e-8 ? x[mu] : null);
        }
        return out;
    }

    /** Interval-arithmetic proofs about a given network and the equilibria of its patterns ({@code engram certify}). */
    public static Certifier.Outcome certify(GivenNetwork g, long seed) {
        ProofNetwork net = g.proofNetwork();
        return Certifier.certify(net, g.p() == 0 ? List.of() : restingStates(g, seed));
    }

    /**
     * Integrates every pattern (as one block) in chunks of 5 tau until every residual |f(x)| is below 1e-9, at most 100
     * tau; {@code residual} receives each one's.
     */
    private static double[][] toRest(GivenNetwork g, VectorField f, double[][] x, double lipBound, double[] residual) {
        double[] dx = new double[g.n()];
        Arrays.fill(residual, Double.POSITIVE_INFINITY);
        for (int chunk = 0; chunk < 20; chunk++) {
            x = integrate(g, f, x, 5 * g.tau(), lipBound);
            double worst = 0;
            for (int mu = 0; mu < x.length; mu++) {
                f.evaluate(0, x[mu], dx);
                residual[mu] = Norms.maxAbs(dx);
                worst = Math.max(worst, residual[mu]);
            }
            if (worst < 1e-9) {
                break;
            }
        }
        return x;
    }

    /** The activation's slopes at a state: psi'(x_i) (voltage) or Phi'(W x + u)_i (rate). */
    static double[] slopesAt(GivenNetwork g, double[] x) {
        int n = g.n();
        double[] arg = x;
        if (g.model() == GivenNetwork.Model.RATE) {
            arg = new double[n];
            g.couplings().multiply(x, arg);
            for (int i = 0; i < n; i++) {
                arg[i] += g.input()[i];
            }
        }
        double[] slopes = new double[n];
        for (int i = 0; i < n; i++) {
            slopes[i] = g.activation().derivative(arg[i]);
        }
        return slopes;
    }

    /**
     * The largest real part of the Jacobian's eigenvalues at x. For symmetric W the Jacobian (W D - I) / tau or
     * (D W - I) / tau is similar to the symmetric (D^1/2 W D^1/2 - I) / tau (D = psi' at the state): its eigenvalues are
     * real, from a dense symmetric solver (n <= 400) or Lanczos. Otherwise the dense general solver for n <= 400, NaN
     * above (stated in the README).
     */
    static double maxRealEigenvalue(GivenNetwork g, VectorField f, double[] x, boolean symmetric) {
        int n = g.n();
        if (!symmetric) {
            if (n > 400) {
                return Double.NaN;
            }
            double[] jac = new double[n * n];
            f.jacobian(0, x, jac);
            return Spectra.maxRealPart(n, jac);
        }
        double[] slopes = slopesAt(g, x);
        for (int i = 0; i < n; i++) {
            slopes[i] = Math.max(0, slopes[i]);
        }
        if (n <= 400) {
            return Spectra.maxSymmetrizedEigenvalue(g.couplings(), slopes) / g.tau();
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.sqrt(slopes[i]);
        }
        double[] w = g.w();
        double top = lanczosTop(n, 7, (v, out) -> {
            for (int i = 0; i < n; i++) {
                double acc = 0;
                for (int j = 0; j < n; j++) {
                    acc += w[i * n + j] * d[j] * v[j];
                }
                out[i] = d[i] * acc;
            }
        });
        return (top - 1) / g.tau();
    }
}
