package engram.analysis;

import engram.integrate.Euler;
import engram.integrate.StepObserver;
import engram.integrate.Trajectory;
import engram.integrate.VectorField;
import engram.kernel.Norms;
import engram.model.EnergyFunction;
import engram.model.FiringRateModel;
import engram.oracle.Oracle;

/**
 * Measurements along trajectories that several claims, figures and commands share: the largest energy rise between
 * samples (Lyapunov checks) and the excess of a distance over a contraction bound.
 */
public final class Measurements {

    private Measurements() {
    }

    /** The largest rise of an energy between consecutive samples, relative to (1 + |E(x0)|), and when it happened. */
    public record Rise(double relative, double time, double initialEnergy) {
    }

    public static Rise largestEnergyRise(EnergyFunction energy, Trajectory tr) {
        double[] t = new double[tr.size()];
        double[] e = new double[tr.size()];
        for (int k = 0; k < tr.size(); k++) {
            t[k] = tr.time(k);
            e[k] = energy.energy(tr.state(k));
        }
        return largestRise(t, e);
    }

    /** The largest rise between consecutive values {@code e[k] - e[k-1]}, relative to (1 + |e[0]|); -inf for one value. */
    public static Rise largestRise(double[] t, double[] e) {
        double worst = Double.NEGATIVE_INFINITY, at = 0;
        for (int k = 1; k < e.length; k++) {
            double rise = (e[k] - e[k - 1]) / (1 + Math.abs(e[0]));
            if (rise > worst) {
                worst = rise;
                at = t[k];
            }
        }
        return new Rise(worst, at, e[0]);
    }

    /**
     * Two oracle trajectories from x0 and y0 compared with the contraction bound {@code |x0 - y0| e^{-rate t}}:
     * {@code excess} is the largest {@code (|x(t) - y(t)| - bound(t)) / |x0 - y0|} over the samples after t = 0 (the
     * start itself always meets the bound, so it is left out: a negative excess is slack); {@code measuredRate} is
     * {@code -ln(|x - y| / |x0 - y0|) / t} at the sample nearest the middle of the horizon (the rate at which the
     * distance actually shrinks, to compare with the bound's rate where the bound is attained).
     */
    public record Contraction(double excess, double measuredRate) {
    }

    public static Contraction contraction(VectorField model, double[] x0, double[] y0, double rate, double horizon) {
        int n = x0.length;
        Trajectory a = Oracle.dp853().sample(model, 0, x0, horizon, horizon / 100);
        Trajectory b = Oracle.dp853().sample(model, 0, y0, horizon, horizon / 100);
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            diff[i] = x0[i] - y0[i];
        }
        double d0 = Norms.norm2(diff);
        double worst = Double.NEGATIVE_INFINITY;
        double measured = Double.NaN;
        int samples = Math.min(a.size(), b.size());
        for (int s = 1; s < samples; s++) {
            for (int i = 0; i < n; i++) {
                diff[i] = a.state(s)[i] - b.state(s)[i];
            }
            double d = Norms.norm2(diff);
            worst = Math.max(worst, (d - d0 * Math.exp(-rate * a.time(s))) / d0);
            if (s == samples / 2) {
                measured = -Math.log(d / d0) / a.time(s);
            }
        }
        return new Contraction(worst, measured);
    }

    /**
     * The largest excursion of a firing-rate trajectory outside the set it should not leave: {@code [0, inf)^N}, or
     * {@code [0, 1]^N} when Phi <= 1. The trajectory runs from r0 to t = 10 tau, by explicit Euler with
     * {@code h = stepRatio tau} (when {@code euler}) or by the DP853 oracle sampled every 0.02 tau.
     */
    public static double invariantSetExcursion(FiringRateModel model, double[] r0, boolean euler, double stepRatio) {
        return invariantSetExcursion(model, model.tau(), model.activation().rangeMax() <= 1, r0, euler, stepRatio);
    }

    /**
     * The same for any vector field said to have time constant {@code tau} (Euler steps h = stepRatio tau): the tests
     * give it a deliberately wrong model that ignores its tau.
     */
    public static double invariantSetExcursion(VectorField model, double tau, boolean boxed, double[] r0, boolean euler,
            double stepRatio) {
        double[] worst = {0};
        StepObserver watch = (t, x) -> {
            for (double v : x) {
                worst[0] = Math.max(worst[0], -v);
                if (boxed) {
                    worst[0] = Math.max(worst[0], v - 1);
                }
            }
        };
        double[] r = r0.clone();
        if (euler) {
            int steps = (int) Math.ceil(10 / stepRatio);
            new Euler(r.length).integrate(model, 0, r, steps * stepRatio * tau, steps, 1, watch);
        } else {
            Oracle.dp853().sample(model, 0, r, 10 * tau, 0.02 * tau).forEach(watch);
        }
        return worst[0];
    }
}
