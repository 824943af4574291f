package engram.theorem;

import engram.analysis.Fits;
import engram.integrate.Trajectory;
import engram.model.EnergyFunction;
import engram.model.VectorField;
import engram.oracle.Oracle;

/** Measurements along oracle trajectories shared by several claims. */
final class Trajectories {

    private Trajectories() {
    }

    /** The largest rise of an energy between consecutive samples, relative to (1 + |E(x0)|), and when it happened. */
    record Rise(double relative, double time, double initialEnergy) {
    }

    static Rise largestEnergyRise(EnergyFunction energy, Trajectory tr) {
        double e0 = energy.energy(tr.state(0));
        double prev = e0, worst = Double.NEGATIVE_INFINITY, at = 0;
        for (int k = 1; k < tr.size(); k++) {
            double e = energy.energy(tr.state(k));
            double rise = (e - prev) / (1 + Math.abs(e0));
            if (rise > worst) {
                worst = rise;
                at = tr.time(k);
            }
            prev = e;
        }
        return new Rise(worst, at, e0);
    }

    /**
     * Contraction check: integrates x0 and y0 with the oracle over {@code horizon} (100 samples) and returns the
     * largest excess of {@code |x(t) - y(t)|} over {@code |x0 - y0| exp(-rate t)}, relative to {@code |x0 - y0|}.
     */
    static double contractionExcess(VectorField model, double[] x0, double[] y0, double rate, double horizon) {
        int n = x0.length;
        Trajectory a = Oracle.dp853().sample(model, 0, x0, horizon, horizon / 100);
        Trajectory b = Oracle.dp853().sample(model, 0, y0, horizon, horizon / 100);
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            diff[i] = x0[i] - y0[i];
        }
        double d0 = Fits.norm2(diff);
        double worst = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < Math.min(a.size(), b.size()); s++) {
            for (int i = 0; i < n; i++) {
                diff[i] = a.state(s)[i] - b.state(s)[i];
            }
            worst = Math.max(worst, (Fits.norm2(diff) - d0 * Math.exp(-rate * a.time(s))) / d0);
        }
        return worst;
    }
}
