package engram.theorem.landscape;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import engram.landscape.Continuation;
import engram.landscape.ContinuationPredictions;
import engram.landscape.NetworkFamily;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.InputDriven;
import java.util.List;
import java.util.SplittableRandom;

/** What the continue.* claims share: the IDP network as a family in one weight, its start, the bifurcations found. */
final class ContinueCases {

    /** The activations the IDP continuation claims draw (odd, bounded, concave on (0, inf)). */
    static final List<ActivationKind> ACTIVATIONS = List.of(ActivationKind.TANH, ActivationKind.ALGEBRAIC);

    private ContinueCases() {
    }

    /** Sylvester-Hadamard memories, or random +-1 ones (the controls that break orthogonality). */
    static PatternSet patterns(int n, int p, boolean random, long seed) {
        return random ? Patterns.randomBinary(n, p, new SplittableRandom(seed)) : Patterns.hadamard(n, p);
    }

    /** The IDP network {@code W = Xi diag(alpha) Xi^T / N} (diagonal kept unless asked) as a family in alpha_{k+1}. */
    static NetworkFamily idp(PatternSet xi, double[] alphas, boolean zeroDiagonal, Activation psi, ActivationKind kind,
            double gain, double[] u, int k) {
        return NetworkFamily.parametrised(NetworkFamily.Model.VOLTAGE, InputDriven.couplings(xi, alphas, zeroDiagonal),
                kind, gain, 0, u, "alpha" + (k + 1));
    }

    /**
     * Continues from signed pattern {@code cue} (0: the origin), the amplitude the projection on that pattern, at most
     * 20 times {@code steps} points; {@code switching}: follow the branch through a simple branch point too.
     */
    static Continuation.Result run(NetworkFamily f, PatternSet xi, int cue, double from, double to, int steps,
            Continuation.Corrector corrector, boolean switching, long seed) {
        int[] start = cue == 0 ? new int[0] : new int[] {cue};
        return ContinuationPredictions.fromCue(f, xi, start, new Continuation.Settings(from, to, Math.abs(to - from) / steps,
                20 * steps, switching, seed, corrector));
    }

    /** The bifurcation of this kind on branch 0 closest to {@code near}, or null. */
    static Continuation.Bifurcation closest(Continuation.Result r, String kind, double near) {
        Continuation.Bifurcation best = null;
        for (Continuation.Bifurcation b : r.bifurcations()) {
            if (b.branch() == 0 && b.kind().equals(kind)
                    && (best == null || Math.abs(b.value() - near) < Math.abs(best.value() - near))) {
                best = b;
            }
        }
        return best;
    }

    /** How a branch ended, for details. */
    static String ends(Continuation.Result r) {
        return r.branches().get(0).end();
    }
}
