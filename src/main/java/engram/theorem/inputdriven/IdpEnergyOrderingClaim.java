package engram.theorem.inputdriven;

import static engram.claim.Evaluation.fmt;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.analysis.IdpEquilibria;
import engram.analysis.Spectra;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Draw;
import engram.claim.Evaluation;
import engram.kernel.Norms;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.InputDriven;
import engram.model.VoltageModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;

/**
 * {@code idp.energy-ordering}: A stronger input weight gives a lower equilibrium energy (any odd psi) and a larger
 * amplitude (concave psi) (properties/idp.energy-ordering.properties; docs/theory.md section 3.3). The catalogue
 * entry states the hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class IdpEnergyOrderingClaim implements Claim<IdpEnergyOrderingClaim.Case> {

    /**
     * @param assertAmplitude whether the amplitude ordering is asserted (concave psi; the sinh control)
     * @param zeroDiagonal W(u) without its diagonal (the control)
     */
    public record Case(int n, ActivationKind activation, double gain, double[] alphaSlope, boolean assertAmplitude,
            boolean zeroDiagonal) {

        @Override public String toString() {
            return "Case[n=" + n + ", activation=" + activation + ", gain=" + gain + ", alphaSlope="
                    + Arrays.toString(alphaSlope) + ", assertAmplitude=" + assertAmplitude + ", zeroDiagonal="
                    + zeroDiagonal + "]";
        }
    }

    @Override public String id() { return "idp.energy-ordering"; }

    /**
     * The memories exist: alpha_mu psi'(0) above 1 for the concave units, below 1 for sinh (c/psi(c) falls from
     * 1/psi'(0), so c = alpha psi(c) has a root exactly then).
     */
    private static Case draw(Draw d, ActivationKind act, boolean assertAmplitude, boolean zeroDiagonal) {
        int n = 1 << d.integer("log2 N", 3, 5);
        double gain = d.real("gain", 0.5, 4);
        int p = d.integer("P", 2, 5);
        double[] a = new double[p];
        for (int k = 0; k < p; k++) {
            a[k] = act == ActivationKind.SINH ? d.real("alpha_mu psi'(0) (sinh)", 0.2, 0.9)
                    : d.real("alpha_mu psi'(0)", 1.05, 5);
        }
        return new Case(n, act, gain, a, assertAmplitude, zeroDiagonal);
    }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> {
            ActivationKind act = d.choice("psi", List.of(ActivationKind.TANH, ActivationKind.ALGEBRAIC, ActivationKind.SINH));
            return draw(d, act, act != ActivationKind.SINH, false);
        };
    }

    @Override public CaseSpace<Case> control() {
        return d -> d.choice("control", List.of("sinh amplitudes", "diagonal removed")).equals("sinh amplitudes")
                ? draw(d, ActivationKind.SINH, true, false) : draw(d, ActivationKind.TANH, true, true);
    }

    @Override public Evaluation evaluate(Case c) {
        Activation psi = c.activation().of(c.gain(), 0);
        double[] alpha = c.alphaSlope().clone();
        for (int k = 0; k < alpha.length; k++) {
            alpha[k] /= psi.derivative(0);
        }
        PatternSet xi = Patterns.hadamard(c.n(), alpha.length);
        List<double[]> found = equilibria(xi, alpha, psi, c.zeroDiagonal());
        VoltageModel model = InputDriven.withAlpha(1.0, xi, alpha, psi, c.zeroDiagonal());
        List<String> wrong = new ArrayList<>();
        double mismatch = 0;
        List<double[]> rows = new ArrayList<>(); // alpha, amplitude, energy per neuron
        for (int mu = 0; mu < alpha.length; mu++) {
            double[] x = found.get(mu);
            if (x == null) {
                wrong.add("memory " + mu + " not found by the dynamics");
                continue;
            }
            double energy = model.energy(x) / c.n();
            double closed = IdpEquilibria.energyPerNeuron(psi, IdpEquilibria.amplitude(psi, alpha[mu]));
            mismatch = Math.max(mismatch, Math.abs(energy - closed) / (1 + Math.abs(closed)));
            rows.add(new double[] {alpha[mu], Norms.maxAbs(x), energy});
        }
        rows.sort(Comparator.comparingDouble(r -> r[0]));
        double separation = tolerance("alpha-separation");
        for (int k = 1; k < rows.size(); k++) {
            double[] lo = rows.get(k - 1), hi = rows.get(k);
            if (hi[0] - lo[0] < separation * hi[0]) {
                continue;
            }
            if (!(hi[2] < lo[2])) {
                wrong.add("alpha " + fmt(lo[0]) + " < " + fmt(hi[0]) + " but E/N " + fmt(lo[2]) + " -> " + fmt(hi[2]));
            }
            if (c.assertAmplitude() && !(hi[1] > lo[1])) {
                wrong.add("alpha " + fmt(lo[0]) + " < " + fmt(hi[0]) + " but c " + fmt(lo[1]) + " -> " + fmt(hi[1]));
            }
        }
        String detail = rows.size() + " equilibria (" + c.activation() + (c.zeroDiagonal() ? ", diagonal removed" : "")
                + "); energy per neuron vs closed form " + fmt(mismatch)
                + (wrong.isEmpty() ? "; energies" + (c.assertAmplitude() ? " and amplitudes" : "") + " ordered"
                        : "; " + String.join("; ", wrong));
        double margin = wrong.isEmpty() ? tolerance() - mismatch : -wrong.size();
        return new Evaluation(mismatch, Math.min(margin, tolerance() - mismatch), detail);
    }

    /**
     * The equilibrium along each memory found by the dynamics (null where none): for W(u) with its diagonal, Newton on
     * the rank-P reduction ({@link IdpEquilibria#analyze}); without it, dense Newton from the closed form's amplitude
     * (N <= 32 here).
     */
    static List<double[]> equilibria(PatternSet xi, double[] alpha, Activation psi, boolean zeroDiagonal) {
        List<double[]> out = new ArrayList<>();
        if (!zeroDiagonal) {
            for (IdpEquilibria.Memory m : IdpEquilibria.analyze(xi, alpha, psi).memories()) {
                out.add(m.exists() ? m.state() : null);
            }
            return out;
        }
        VoltageModel model = InputDriven.withAlpha(1.0, xi, alpha, psi, true);
        int n = xi.n();
        for (int mu = 0; mu < alpha.length; mu++) {
            double c = IdpEquilibria.amplitude(psi, alpha[mu]);
            double[] x = xi.pattern(mu).clone();
            for (int i = 0; i < n; i++) {
                x[i] *= c;
            }
            double[] f = new double[n], jac = new double[n * n];
            for (int it = 0; it < 50; it++) {
                model.evaluate(0, x, f);
                if (Norms.maxAbs(f) < 1e-13 * (1 + Norms.maxAbs(x))) {
                    break;
                }
                model.jacobian(0, x, jac);
                double[] step = new LUDecomposition(Spectra.matrix(n, jac))
                        .getSolver().solve(new ArrayRealVector(f)).toArray();
                for (int i = 0; i < n; i++) {
                    x[i] -= step[i];
                }
            }
            model.evaluate(0, x, f);
            out.add(Norms.maxAbs(f) < 1e-10 * (1 + Norms.maxAbs(x)) ? x : null);
        }
        return out;
    }
}
