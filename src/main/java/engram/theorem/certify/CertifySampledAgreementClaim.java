package engram.theorem.certify;

import static engram.claim.Evaluation.fmt;

import engram.activation.Tanh;
import engram.analysis.Newton;
import engram.analysis.Spectra;
import engram.certify.Certificate;
import engram.certify.Certifier;
import engram.certify.ProofNetwork;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.integrate.Trajectory;
import engram.integrate.VectorField;
import engram.kernel.Norms;
import engram.memory.DenseCouplings;
import engram.memory.LowRankCouplings;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.Input;
import engram.model.VoltageModel;
import engram.oracle.Oracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code certify.sampled-agreement}: Proofs agree with samples (properties/certify.sampled-agreement.properties;
 * docs/theory.md section 8.7). The catalogue entry states the hypotheses, metric, tolerances and control; this class
 * draws the cases and measures.
 */
public final class CertifySampledAgreementClaim implements Claim<CertifySampledAgreementClaim.Case> {

    /** Which network and which equilibria a case judges. */
    public enum Kind {
        MEMORIES, ORIGIN, ROTATION;

        @Override public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param n units (ROTATION: twice the number of 2 x 2 blocks) */
    public record Case(int n, int p, double gain, Kind kind, double rotation, long seed) {
    }

    @Override public String id() { return "certify.sampled-agreement"; }

    @Override public int examples() { return 12; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer("N", 16, 48), d.integer("P", 1, 3), d.real("gain", 1.5, 6),
                d.choice("equilibria", List.of(Kind.MEMORIES, Kind.ORIGIN)), 0, d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(2 * d.integer("2 x 2 blocks", 1, 10), 0, d.real("gain", 2.5, 4), Kind.ROTATION,
                d.real("rotation a", 2, 4), d.seed());
    }

    /** The network, and the approximate equilibria to judge (memories: integrated to rest from each pattern). */
    static ProofNetwork network(Case c) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        int n = c.n();
        double[] w;
        if (c.kind() == Kind.ROTATION) {
            // blocks [[0.5, a], [-a, -1.5]]: eigenvalues -0.5 +- i sqrt(a^2 - 1), symmetric part's top 0.5
            w = new double[n * n];
            for (int b = 0; b < n; b += 2) {
                w[b * n + b] = 0.5;
                w[b * n + b + 1] = c.rotation();
                w[(b + 1) * n + b] = -c.rotation();
                w[(b + 1) * n + b + 1] = -1.5;
            }
        } else {
            w = DenseCouplings.of(LowRankCouplings.hebbian(Patterns.randomBinary(n, c.p(), rng), true)).toDense();
        }
        return new ProofNetwork(true, n, w, new double[n], new Tanh(c.gain()), 1.0);
    }

    /** The network's vector field (voltage model, tau = 1, u = 0). */
    static VectorField field(ProofNetwork net) {
        return new VoltageModel(1.0, new DenseCouplings(net.n(), net.w()), net.activation(), Input.zero(net.n()));
    }

    static List<double[]> starts(Case c, ProofNetwork net) {
        List<double[]> out = new ArrayList<>();
        if (c.kind() != Kind.MEMORIES) {
            out.add(new double[c.n()]);
            return out;
        }
        PatternSet xi = Patterns.randomBinary(c.n(), c.p(), new SplittableRandom(c.seed()));
        VectorField f = field(net);
        for (int mu = 0; mu < c.p(); mu++) {
            double[] x = Oracle.dp853().sample(f, 0, xi.pattern(mu), 30, 30).last().clone();
            Newton.polish(f, x, Newton.residual(f, x));
            out.add(x);
        }
        return out;
    }

    @Override public Evaluation evaluate(Case c) {
        ProofNetwork net = network(c);
        double gap = tolerance("separated");
        List<String> wrong = new ArrayList<>();
        int judged = 0;
        List<double[]> states = new ArrayList<>();
        for (double[] x : starts(c, net)) {
            states.add(Newton.residual(field(net), x) > 1e-10 ? null : x); // not judged
        }
        // one proof of ||W||_2 for all equilibria of the case
        Certifier.Outcome proofs = Certifier.certify(net, states);
        StringBuilder seen = new StringBuilder();
        for (int k = 0; k < states.size(); k++) {
            double[] x = states.get(k);
            if (x == null) {
                continue;
            }
            judged++;
            Certificate.Equilibrium e = proofs.certificate().equilibria().get(k);
            double lambda = Spectra.maxRealPart(net.n(), Certifier.jacobian(net, x));
            seen.append(seen.length() == 0 ? "" : "; ").append(k + 1).append(": lambda ").append(fmt(lambda))
                    .append(", ").append(e.exists()).append("/").append(e.stable()).append(", decay ")
                    .append(fmt(e.decayRate())).append(", basin ").append(fmt(e.basinRadius()));
            judge(net, x, e, proofs.equilibriumReasons().get(k), lambda, gap, wrong);
        }
        if (judged == 0) {
            return Evaluation.uninformative("no equilibrium converged to a residual of 1e-10");
        }
        return Evaluation.atMost(wrong.size(), tolerance(), judged + " equilibria: " + seen
                + (wrong.isEmpty() ? "" : "; disagreements: " + String.join("; ", wrong)));
    }

    /** Every way a proof can disagree with the sample: unsound verdicts, and decidable ones the prover missed. */
    void judge(ProofNetwork net, double[] x, Certificate.Equilibrium e, String reason, double lambda, double gap,
            List<String> wrong) {
        String at = "equilibrium " + e.pattern() + ": ";
        if (!Certifier.PROVEN.equals(e.exists())) {
            wrong.add(at + "existence not proven (" + reason + ")");
            return;
        }
        boolean stable = Certifier.PROVEN.equals(e.stable()), unstable = Certifier.REFUTED.equals(e.stable());
        if (stable && !(e.decayRate() <= -lambda)) {
            wrong.add(at + "proven decay rate " + fmt(e.decayRate()) + " above the sampled -lambda " + fmt(-lambda));
        }
        if (unstable && lambda < 0) {
            wrong.add(at + "proven unstable, sampled lambda " + fmt(lambda));
        }
        if (lambda < -gap && !stable) {
            wrong.add(at + "sampled stable (lambda " + fmt(lambda) + ") but " + e.stable() + " (" + reason + ")");
        }
        if (lambda > gap && net.symmetric() && !unstable) {
            wrong.add(at + "sampled unstable (lambda " + fmt(lambda) + ") but " + e.stable() + " (" + reason + ")");
        }
        if (e.basinRadius() > 0) {
            double worst = basinReturn(net, x, e.basinRadius(), e.decayRate(), new SplittableRandom(e.pattern() * 31L));
            if (worst > tolerance("basin-return")) {
                wrong.add(at + "a start at 0.999 of the basin radius " + fmt(e.basinRadius()) + " ends " + fmt(worst)
                        + " radii away");
            }
        }
    }

    /**
     * The largest final distance, in basin radii, of six DP853 runs from random points at 0.999 of the certified radius,
     * over {@code 40 + 10 / decayRate} tau (near the equilibrium the distance shrinks at least at the proven decay rate,
     * so a slow but correct memory has time to arrive); infinite when a run leaves the ball on the way (the ball is
     * forward invariant).
     */
    static double basinReturn(ProofNetwork net, double[] x, double radius, double decayRate, SplittableRandom rng) {
        int n = net.n();
        VectorField f = field(net);
        double worst = 0;
        for (int k = 0; k < 6; k++) {
            double[] dir = new double[n];
            for (int i = 0; i < n; i++) {
                dir[i] = rng.nextGaussian();
            }
            double norm = Norms.norm2(dir);
            double[] start = x.clone();
            for (int i = 0; i < n; i++) {
                start[i] += 0.999 * radius * dir[i] / norm;
            }
            double horizon = 40 + 10 / decayRate;
            Trajectory tr = Oracle.dp853().sample(f, 0, start, horizon, horizon / 100);
            for (int s = 0; s < tr.size(); s++) {
                double[] d = tr.state(s).clone();
                for (int i = 0; i < n; i++) {
                    d[i] -= x[i];
                }
                if (Norms.norm2(d) > radius * (1 + 1e-6) + 1e-9) {
                    return Double.POSITIVE_INFINITY;
                }
                if (s == tr.size() - 1) {
                    worst = Math.max(worst, Norms.norm2(d) / radius);
                }
            }
        }
        return worst;
    }
}
