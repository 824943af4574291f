package engram.claim;

import engram.activation.Activation;
import engram.integrate.VectorField;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The capability of a claim that can judge one given network ({@code engram check}, {@code NetworkCheck}): it says
 * whether its hypotheses hold for that network and measures its metric from one start. {@code engram check} runs every
 * registered claim with this capability; a new claim that implements it needs no edit in {@code engram.check}.
 */
public interface OneNetworkClaim {

    /**
     * What a check knows about the given network before it runs anything.
     *
     * @param field the network's vector field (an {@code EnergyFunction} too when it has one)
     * @param voltage the voltage model (else the firing-rate model)
     * @param symmetric whether W is symmetric (largest |W - W^T| within 1e-12 of its largest entry)
     * @param asymmetry the largest |W - W^T|
     * @param lipschitzBound Lip(psi) ||W||_2
     * @param horizon how long a trajectory runs
     * @param start a start drawn from a random stream (uniform in the range for rates, Gaussian for voltages)
     */
    record Network(VectorField field, Activation activation, boolean voltage, boolean symmetric, double asymmetry,
            double lipschitzBound, double tau, double horizon, Function<SplittableRandom, double[]> start) {

        public boolean contracting() {
            return lipschitzBound < 1;
        }
    }

    /** One start's measurement: the metric (compared with the claim's tolerance, smaller is better) and what it is. */
    record Measured(double metric, String what) {
    }

    /** Why the claim does not apply to the network (the hypothesis that fails), or null when it does. */
    String notApplicable(Network network);

    /** The hypotheses the claim needs of a given network, in a few words. */
    String needs();

    /** The metric from one start. */
    Measured measure(Network network, double[] x0, SplittableRandom rng);

    /** Why a claim about the voltage model (or the rate model) does not apply, or null. */
    static String needsModel(Network net, boolean voltage) {
        if (net.voltage() == voltage) {
            return null;
        }
        return voltage ? "needs the voltage model (given: rate)" : "needs the firing-rate model (given: voltage)";
    }

    /** Why an energy claim does not apply (W not symmetric, activation not monotone), or null. */
    static String needsEnergy(Network net) {
        if (!net.symmetric()) {
            return "W is not symmetric: largest |W - W^T| = " + Evaluation.fmt(net.asymmetry());
        }
        return net.activation().monotone() ? null : "the activation " + net.activation().name() + " is not monotone";
    }

    /** Why a contraction claim does not apply, or null. */
    static String needsContraction(Network net) {
        return net.contracting() ? null : "Lip(psi) ||W||_2 = " + Evaluation.fmt(net.lipschitzBound()) + " is not below 1";
    }
}
