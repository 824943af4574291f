package engram.theorem.inputdriven;

import static engram.claim.Evaluation.fmt;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.analysis.IdpEquilibria;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Draw;
import engram.claim.Evaluation;
import engram.memory.Patterns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * {@code idp.energy-ordering} (derived, theory.md section 3): with orthogonal memories (diagonal kept) and psi odd,
 * concave on (0, inf), a larger alpha_mu gives a larger amplitude c and a lower energy, and the energy per neuron at
 * {@code c xi_mu} is {@code E/N = c psi(c)/2 - int_0^c psi}: the more salient memory sits in the deeper well.
 * Derivation: at x = c xi_mu, phi = psi(c) xi_mu and {@code W phi = alpha_mu psi(c) xi_mu = c xi_mu}, so
 * {@code E = -c psi(c) N/2 + c psi(c) N - N int_0^c psi}. Then {@code dE/dc / N = (c psi'(c) - psi(c))/2 < 0} for
 * concave psi, and {@code alpha = c / psi(c)} increases with c. Checked on the equilibria the dynamics find (Newton on
 * the full network), whose energies the model computes. Control: psi = sinh (convex on (0, inf)), where the amplitude
 * decreases as alpha grows.
 */
public final class IdpEnergyOrderingClaim implements Claim<IdpEnergyOrderingClaim.Case> {

    public record Case(int n, ActivationKind activation, double gain, double[] alphaSlope) {

        @Override public String toString() {
            return "Case[n=" + n + ", activation=" + activation + ", gain=" + gain + ", alphaSlope="
                    + Arrays.toString(alphaSlope) + "]";
        }
    }

    @Override public String id() { return "idp.energy-ordering"; }

    /** The memories exist: alpha_mu psi'(0) above 1 (concave psi); for sinh below 1, where it has a root. */
    private static Case draw(Draw d, boolean control) {
        int n = 1 << d.integer("log2 N", 3, 5);
        ActivationKind act = control ? ActivationKind.SINH
                : d.choice("psi", List.of(ActivationKind.TANH, ActivationKind.ALGEBRAIC));
        double gain = d.real("gain", 0.5, 4);
        int p = d.integer("P", 2, 5);
        double[] a = new double[p];
        for (int k = 0; k < p; k++) {
            a[k] = control ? d.real("alpha_mu psi'(0) (sinh)", 0.2, 0.9) : d.real("alpha_mu psi'(0)", 1.05, 5);
        }
        return new Case(n, act, gain, a);
    }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> draw(d, false);
    }

    @Override public CaseSpace<Case> control() {
        return d -> draw(d, true);
    }

    @Override public Evaluation evaluate(Case c) {
        Activation psi = c.activation().of(c.gain(), 0);
        double[] alpha = c.alphaSlope().clone();
        for (int k = 0; k < alpha.length; k++) {
            alpha[k] /= psi.derivative(0);
        }
        IdpEquilibria.Result r = IdpEquilibria.analyze(Patterns.hadamard(c.n(), alpha.length), alpha, psi);
        List<IdpEquilibria.Memory> found = new ArrayList<>(r.memories().stream().filter(IdpEquilibria.Memory::exists).toList());
        List<String> wrong = new ArrayList<>();
        if (found.size() < alpha.length) {
            wrong.add((alpha.length - found.size()) + " memories not found by the dynamics");
        }
        double mismatch = 0;
        for (IdpEquilibria.Memory m : found) {
            double closed = IdpEquilibria.energyPerNeuron(psi, IdpEquilibria.amplitude(psi, m.alpha()));
            mismatch = Math.max(mismatch, Math.abs(m.energyPerNeuron() - closed) / (1 + Math.abs(closed)));
        }
        found.sort(Comparator.comparingDouble(IdpEquilibria.Memory::alpha));
        double separation = tolerance("alpha-separation");
        for (int k = 1; k < found.size(); k++) {
            IdpEquilibria.Memory lo = found.get(k - 1), hi = found.get(k);
            if (hi.alpha() - lo.alpha() < separation * hi.alpha()) {
                continue;
            }
            double cLo = amplitudeOf(lo), cHi = amplitudeOf(hi);
            if (!(cHi > cLo) || !(hi.energyPerNeuron() < lo.energyPerNeuron())) {
                wrong.add("alpha " + fmt(lo.alpha()) + " < " + fmt(hi.alpha()) + " but c " + fmt(cLo) + " -> " + fmt(cHi)
                        + ", E/N " + fmt(lo.energyPerNeuron()) + " -> " + fmt(hi.energyPerNeuron()));
            }
        }
        String detail = found.size() + " equilibria; energy per neuron vs closed form " + fmt(mismatch)
                + (wrong.isEmpty() ? "; ordered" : "; " + String.join("; ", wrong));
        return new Evaluation(mismatch, wrong.isEmpty() ? tolerance() - mismatch : -wrong.size(), detail);
    }

    /** The amplitude of the equilibrium the dynamics found (its entries are +-c). */
    private static double amplitudeOf(IdpEquilibria.Memory m) {
        double s = 0;
        for (double v : m.state()) {
            s += Math.abs(v);
        }
        return s / m.state().length;
    }
}
