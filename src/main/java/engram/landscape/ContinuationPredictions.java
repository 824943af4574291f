package engram.landscape;

import engram.activation.Activation;
import engram.analysis.IdpBifurcations;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import java.util.function.ToDoubleFunction;

/**
 * What engram continue starts from, what it plots, and which closed form of {@link IdpBifurcations} a located
 * bifurcation is held to: only where that form's hypotheses hold exactly (the IDP model, an odd activation, +-1
 * patterns with {@code Xi^T Xi = N I} in integers, the input 0 or exactly {@code h xi_K}); otherwise none.
 *
 * @param kind which closed form applies: none, birth (origin, alphaK), loss (memory mu, alphaK, K != mu), fold (memory
 *     -K against an input h xi_K, alphaK)
 * @param value the closed form's parameter value (NaN for none)
 */
public record ContinuationPredictions(String kind, double value) {

    /** A located bifurcation agrees with its closed form within this, relative to max(1, |value|) (theory.md 9.4). */
    public static final double AGREEMENT = 1e-6;

    /** The closed form for this located bifurcation, or null. */
    public Double predicted(Continuation.Bifurcation b) {
        if (b.branch() != 0) {
            return null;
        }
        return switch (kind) {
            case "birth", "loss" -> b.kind().equals("branch-point") ? value : null;
            case "fold" -> b.kind().equals("fold") ? value : null;
            default -> null;
        };
    }

    /**
     * The closed form that applies to a continuation of {@code parameter} from the start {@code cue} of this network
     * (model name, patterns, IDP weights, input, activation at the given gain), or kind "none".
     */
    public static ContinuationPredictions of(String model, String parameter, PatternSet xi, double[] alphas, double[] u,
            Activation psi, int[] cue) {
        ContinuationPredictions none = new ContinuationPredictions("none", Double.NaN);
        if (!model.equals("idp") || xi == null || !psi.odd() || !parameter.startsWith("alpha")
                || Patterns.notOrthogonalSigns(xi.n(), xi.p(), xi.data()) != null) {
            return none;
        }
        int k = Integer.parseInt(parameter.substring(5)) - 1;
        double h = inputAlong(xi, u, k);
        if (Double.isNaN(h) || cue.length > 1) {
            return none;
        }
        if (h == 0 && cue.length == 0) {
            return new ContinuationPredictions("birth", IdpBifurcations.birth(psi));
        }
        int mu = cue.length == 1 ? Math.abs(cue[0]) - 1 : -1;
        if (h == 0 && mu != k && IdpBifurcations.existsAt(psi, alphas[mu])) {
            return new ContinuationPredictions("loss", IdpBifurcations.stabilityLoss(psi, alphas[mu]));
        }
        if (h != 0 && mu == k && Math.signum(cue[0]) != Math.signum(h) && psi.bounded()) {
            return new ContinuationPredictions("fold", IdpBifurcations.fold(psi, h)[0]);
        }
        return none;
    }

    /** The h with {@code u = h xi_k} exactly (0 for no input), NaN when u is not along pattern k. */
    static double inputAlong(PatternSet xi, double[] u, int k) {
        if (u == null) {
            return 0;
        }
        double h = u[0] * xi.pattern(k)[0];
        double[] xk = xi.pattern(k);
        for (int i = 0; i < xi.n(); i++) {
            if (u[i] != h * xk[i]) {
                return Double.NaN;
            }
        }
        return h;
    }

    /** --start: "0" the origin (no cue), else signed pattern numbers; "" is pattern 1 (the origin without patterns). */
    public static int[] parseStart(String start, int p) {
        String s = start.trim();
        if (s.isEmpty()) {
            return p > 0 ? new int[] {1} : new int[0];
        }
        if (s.equals("0")) {
            return new int[0];
        }
        String[] parts = s.split(",");
        int[] cue = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                cue[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                cue[i] = 0;
            }
            if (cue[i] == 0 || Math.abs(cue[i]) > p) {
                throw new IllegalArgumentException("--start: '" + start + "' must be 0 (the origin) or signed pattern "
                        + "numbers in [1, " + p + "] separated by commas" + (p == 0 ? " (and needs --patterns)" : ""));
            }
        }
        return cue;
    }

    /** The cue vector: the signed patterns summed (null for the origin). */
    static double[] cueVector(PatternSet xi, int[] cue) {
        if (cue.length == 0) {
            return null;
        }
        double[] v = new double[xi.n()];
        for (int c : cue) {
            double[] x = xi.pattern(Math.abs(c) - 1);
            for (int i = 0; i < v.length; i++) {
                v[i] += Math.signum(c) * x[i];
            }
        }
        return v;
    }

    /**
     * Continues the equilibrium near the cue ({@link #startState} at the settings' first parameter value), the amplitude
     * the projection on the cue ({@link #amplitude}): how the command, its bench, the claims and the report start.
     */
    public static Continuation.Result fromCue(NetworkFamily family, PatternSet xi, int[] cue, Continuation.Settings s) {
        return Continuation.run(family, startState(family, s.from(), xi, cue), s, amplitude(xi, cue));
    }

    /**
     * The start state: the origin, or for the voltage model the cue scaled to the outermost sign change of
     * {@code v . F(c v)} for c on a geometric grid (where the line meets an equilibrium), or the cue itself (the rate
     * model, or no sign change); Newton then corrects it.
     */
    public static double[] startState(NetworkFamily family, double lambda, PatternSet xi, int[] cue) {
        int n = family.dimension();
        double[] v = cueVector(xi, cue);
        if (v == null) {
            return new double[n];
        }
        if (family.model() == NetworkFamily.Model.RATE) {
            return v;
        }
        double best = 1, previous = Double.NaN;
        double[] x = new double[n], f = new double[n];
        for (double c = 0.05; c < 1e4; c *= 1.25) {
            for (int i = 0; i < n; i++) {
                x[i] = c * v[i];
            }
            family.field(x, lambda, f);
            double along = 0;
            for (int i = 0; i < n; i++) {
                along += v[i] * f[i];
            }
            if (previous > 0 && along <= 0) {
                best = c;
            }
            previous = along;
        }
        for (int i = 0; i < n; i++) {
            x[i] = best * v[i];
        }
        return x;
    }

    /**
     * What the diagram plots: the projection {@code x . v / v . v} on the cue (so a memory's amplitude is its c), on
     * pattern 1 for the origin ({@code x . xi_1 / N}), or the root mean square without patterns.
     */
    public static ToDoubleFunction<double[]> amplitude(PatternSet xi, int[] cue) {
        double[] v = xi == null ? null : cue.length == 0 ? xi.pattern(0) : cueVector(xi, cue);
        if (v == null) {
            return x -> {
                double s = 0;
                for (double e : x) {
                    s += e * e;
                }
                return Math.sqrt(s / x.length);
            };
        }
        double vv = 0;
        for (double e : v) {
            vv += e * e;
        }
        double norm = vv;
        return x -> {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += x[i] * v[i];
            }
            return s / norm;
        };
    }
}
