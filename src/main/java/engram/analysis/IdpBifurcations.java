package engram.analysis;

import engram.activation.Activation;

/**
 * Where the equilibria of the IDP network (orthogonal +-1 memories, W = Xi diag(alpha) Xi^T / N with its diagonal,
 * psi odd) bifurcate, in closed form (docs/theory.md section 9.4): memory mu is born from the origin in a pitchfork at
 * {@code alpha_mu psi'(0) = 1}; the memory {@code c_mu xi_mu} loses stability to pattern nu at
 * {@code alpha_nu psi'(c_mu) = 1}; with an input {@code h xi_mu} the state opposed to the input, {@code c xi_mu} with
 * {@code c h < 0}, exists on the line {@code alpha = (c - h) / psi(c)} and disappears in a fold where
 * {@code d alpha / dc = 0}: {@code psi(c) = (c - h) psi'(c)}, that is {@code alpha psi'(c) = 1}.
 */
public final class IdpBifurcations {

    private IdpBifurcations() {
    }

    /** The pitchfork from the origin: {@code alpha = 1 / psi'(0)}. */
    public static double birth(Activation psi) {
        return 1 / psi.derivative(0);
    }

    /** Whether memory mu exists: {@code c = alpha psi(c)} has a root c > 0. */
    public static boolean existsAt(Activation psi, double alphaMu) {
        return IdpEquilibria.amplitude(psi, alphaMu) > 0;
    }

    /** The stability boundary of memory mu along pattern nu: {@code alpha_nu = 1 / psi'(c_mu)}, c_mu = alpha_mu psi(c_mu). */
    public static double stabilityLoss(Activation psi, double alphaMu) {
        double c = IdpEquilibria.amplitude(psi, alphaMu);
        if (c == 0) {
            throw new IllegalArgumentException("memory with alpha " + alphaMu + " does not exist (alpha psi'(0) <= 1)");
        }
        return 1 / psi.derivative(c);
    }

    /**
     * The fold of the state opposed to an input {@code h xi_mu} (h != 0): {@code (alpha, c)} with
     * {@code psi(c) = (c - h) psi'(c)}, {@code c h < 0}, {@code alpha = (c - h) / psi(c)}; bisection to round-off on the
     * bracket {@code c in (-2^k, 0)} (for h > 0; mirrored for h < 0), where the left end has {@code psi(c) < (c - h)
     * psi'(c)} for a bounded psi.
     */
    public static double[] fold(Activation psi, double h) {
        if (!(h != 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("a fold needs a non-zero finite input, got h=" + h);
        }
        double sign = Math.signum(h), hh = Math.abs(h);
        // in the mirrored variable c' = -sign c > 0 ... written for h > 0 and c < 0, psi odd
        double lo = -1;
        while (g(psi, lo, hh) > 0) {
            lo *= 2;
            if (lo < -1e6) {
                throw new IllegalArgumentException("no fold: psi(c) - (c - h) psi'(c) stays positive (an unbounded psi?)");
            }
        }
        double hi = 0;
        for (int k = 0; k < 2000 && hi - lo > 0; k++) {
            double m = 0.5 * (lo + hi);
            if (m == lo || m == hi) {
                break;
            }
            if (g(psi, m, hh) > 0) {
                hi = m;
            } else {
                lo = m;
            }
        }
        double c = 0.5 * (lo + hi);
        return new double[] {(c - hh) / psi.value(c), sign * c};
    }

    private static double g(Activation psi, double c, double h) {
        return psi.value(c) - (c - h) * psi.derivative(c);
    }
}
