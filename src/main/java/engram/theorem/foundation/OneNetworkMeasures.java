package engram.theorem.foundation;

import engram.analysis.Measurements;
import engram.claim.Evaluation;
import engram.claim.OneNetworkClaim.Measured;
import engram.claim.OneNetworkClaim.Network;
import engram.claim.OneNetworkClaim;
import engram.integrate.Trajectory;
import engram.model.EnergyFunction;
import engram.oracle.Oracle;
import java.util.SplittableRandom;

/** The measurements that energy and contraction claims make on one given network ({@link OneNetworkClaim}). */
public final class OneNetworkMeasures {

    private OneNetworkMeasures() {
    }

    /** The energy claims' measurement: the largest relative rise of the energy along a DP853 trajectory. */
    public static Measured energyRise(Network net, double[] x0) {
        Trajectory tr = Oracle.dp853().sample(net.field(), 0, x0, net.horizon(), 0.05 * net.tau());
        Measurements.Rise rise = Measurements.largestEnergyRise((EnergyFunction) net.field(), tr);
        return new Measured(rise.relative(), "largest relative energy rise between samples "
                + Evaluation.fmt(rise.relative()) + " at t = " + Evaluation.fmt(rise.time()));
    }

    /** The contraction claims' measurement: |x - y| against |x0 - y0| exp(-(1 - k) t / tau), y0 another start. */
    public static Measured contraction(Network net, double[] x0, SplittableRandom rng) {
        double[] y0 = net.start().apply(rng);
        double rate = (1 - net.lipschitzBound()) / net.tau();
        Measurements.Contraction m = Measurements.contraction(net.field(), x0, y0, rate,
                Math.min(net.horizon(), Math.log(1e5) / Math.max(rate, 1e-3)));
        return new Measured(m.excess(), "largest excess of |x - y| over |x0 - y0| exp(-(1 - k) t / tau), relative "
                + Evaluation.fmt(m.excess()));
    }
}
