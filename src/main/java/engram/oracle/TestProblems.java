package engram.oracle;

import java.util.List;

/**
 * Closed-form, explicitly time-dependent test problems ({@link ExactProblem}) for the integrators' order, tolerance and
 * local-error claims. Each is non-expansive (one-sided Lipschitz constant at most 0 on its interval), so the adaptive
 * pair's global error bound applies to it too.
 * <ul>
 * <li>{@link #forcedDecay}: {@code x_i' = -x_i + cos(t + phi_i)}, phases {@code phi_i = i}; exact
 *     {@code x_i = (x_i0 - s_i(t0)) e^{-(t - t0)} + s_i(t)} with {@code s_i(t) = (cos(t + phi_i) + sin(t + phi_i)) / 2}.
 * <li>{@link #acceleratingRotation}: {@code x' = -w(t) y, y' = w(t) x}, {@code w(t) = 1 + t}; exact: x0 rotated by
 *     {@code theta(t) - theta(t0)}, {@code theta(t) = t + t^2 / 2}.
 * <li>{@link #gaussianDecay}: {@code x_i' = t x_i} on {@code t < 0}; exact {@code x_i0 exp((t^2 - t0^2) / 2)}.
 * </ul>
 */
public final class TestProblems {

    private TestProblems() {
    }

    /** All three, on their default intervals: t0 = 0.5 .. 2.5, 0.75 .. 2.75 and -3 .. -1. */
    public static List<ExactProblem> all() {
        return List.of(forcedDecay(0.5, new double[] {1.5, -0.5, 0.25}, 2.5), acceleratingRotation(0.75, 0.8, -0.6, 2.75),
                gaussianDecay(-3, new double[] {1, -2}, -1));
    }

    /** By name: forced-decay, rotation or gaussian, on its default interval. */
    public static ExactProblem named(String name) {
        return switch (name) {
            case "forced-decay" -> all().get(0);
            case "rotation" -> all().get(1);
            case "gaussian" -> all().get(2);
            default -> throw new IllegalArgumentException("unknown test problem '" + name
                    + "'; valid: forced-decay, rotation, gaussian");
        };
    }

    /** The start, the end and the name of a problem; its field and solution come from the subclass. */
    private abstract static class Problem implements ExactProblem {
        private final String name;
        private final String equation;
        final double t0;
        final double t1;
        final double[] x0;

        Problem(String name, String equation, double t0, double[] x0, double t1) {
            this.name = name;
            this.equation = equation;
            this.t0 = t0;
            this.x0 = x0.clone();
            this.t1 = t1;
        }

        @Override public String name() { return name; }
        @Override public double t0() { return t0; }
        @Override public double t1() { return t1; }
        @Override public double[] x0() { return x0.clone(); }
        @Override public int dimension() { return x0.length; }
        @Override public String toString() { return name + " " + equation + " on [" + t0 + ", " + t1 + "]"; }
    }

    public static ExactProblem forcedDecay(double t0, double[] x0, double t1) {
        return new Problem("forced-decay", "x' = -x + cos(t + i)", t0, x0, t1) {

            @Override public void evaluate(double t, double[] x, double[] dxdt) {
                for (int i = 0; i < x.length; i++) {
                    dxdt[i] = -x[i] + Math.cos(t + i);
                }
            }

            private double s(double t, int i) {
                return 0.5 * (Math.cos(t + i) + Math.sin(t + i));
            }

            @Override public void exact(double t, double[] out) {
                double decay = Math.exp(-(t - t0));
                for (int i = 0; i < x0.length; i++) {
                    out[i] = (x0[i] - s(t0, i)) * decay + s(t, i);
                }
            }
        };
    }

    public static ExactProblem acceleratingRotation(double t0, double x0, double y0, double t1) {
        return new Problem("rotation", "x' = -(1 + t) y, y' = (1 + t) x", t0, new double[] {x0, y0}, t1) {
            @Override public void evaluate(double t, double[] x, double[] dxdt) {
                double w = 1 + t;
                dxdt[0] = -w * x[1];
                dxdt[1] = w * x[0];
            }

            @Override public void exact(double t, double[] out) {
                double a = (t + 0.5 * t * t) - (t0 + 0.5 * t0 * t0);
                out[0] = Math.cos(a) * x0[0] - Math.sin(a) * x0[1];
                out[1] = Math.sin(a) * x0[0] + Math.cos(a) * x0[1];
            }
        };
    }

    public static ExactProblem gaussianDecay(double t0, double[] x0, double t1) {
        if (t1 > 0) {
            throw new IllegalArgumentException("gaussian decay is non-expansive only for t <= 0, got t1 = " + t1);
        }
        return new Problem("gaussian", "x' = t x", t0, x0, t1) {

            @Override public void evaluate(double t, double[] x, double[] dxdt) {
                for (int i = 0; i < x.length; i++) {
                    dxdt[i] = t * x[i];
                }
            }

            @Override public void exact(double t, double[] out) {
                double g = Math.exp(0.5 * (t * t - t0 * t0));
                for (int i = 0; i < x0.length; i++) {
                    out[i] = x0[i] * g;
                }
            }
        };
    }
}
