package engram.theorem.foundation;

import static engram.claim.Evaluation.fmt;

import engram.activation.ActivationKind;
import engram.analysis.Measurements;
import engram.claim.Calibrated;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.claim.OneNetworkClaim;
import engram.claim.cases.TimeConstant;
import engram.claim.cases.Vectors;
import engram.integrate.Trajectory;
import engram.memory.DenseCouplings;
import engram.model.Input;
import engram.model.VoltageModel;
import engram.oracle.Oracle;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code voltage.energy-monotone}: Voltage-model energy never increases
 * (properties/voltage.energy-monotone.properties; docs/theory.md section 1.1). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class VoltageEnergyMonotoneClaim implements Claim<VoltageEnergyMonotoneClaim.Case>, OneNetworkClaim,
        Calibrated<VoltageEnergyMonotoneClaim.Case> {

    /** @param antisymmetry weight of an antisymmetric part added to W (0 inside the hypotheses) */
    public record Case(int n, ActivationKind activation, double gain, double scale, double inputScale,
            double antisymmetry, double tau, long seed) {

        VoltageModel model() {
            SplittableRandom rng = new SplittableRandom(seed);
            DenseCouplings w = DenseCouplings.randomSymmetric(n, scale, false, rng);
            if (antisymmetry > 0) {
                w = DenseCouplings.withAntisymmetricPart(w, antisymmetry, rng);
            }
            return new VoltageModel(tau, w, activation.of(gain, 0.0), Input.constant(Vectors.gaussian(n, inputScale, rng)));
        }

        double[] start() {
            return Vectors.gaussian(n, 2.0, new SplittableRandom(seed + 1));
        }
    }

    @Override public String id() { return "voltage.energy-monotone"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(d.integer("N", 2, 12), d.choice("psi", List.of(ActivationKind.TANH, ActivationKind.LOGISTIC)),
                d.real("gain", 0.5, 4), d.real("scale of W", 0.5, 3), d.real("scale of u", 0, 1), 0.0, TimeConstant.draw(d),
                d.seed());
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(d.integer("N", 2, 12), ActivationKind.TANH, d.real("gain", 1, 4), d.real("scale of W", 0.1, 0.5),
                d.real("scale of u", 0, 0.5), d.real("antisymmetric weight", 3, 8), TimeConstant.draw(d), d.seed());
    }

    @Override public String departure() { return "antisymmetric weight / scale of W"; }

    @Override public double controlDeparture() { return 6; }

    @Override public CaseSpace<Case> at(double departure) {
        return d -> {
            double scale = d.real("scale of W", 0.1, 0.5);
            return new Case(d.integer("N", 2, 12), ActivationKind.TANH, d.real("gain", 1, 4), scale,
                    d.real("scale of u", 0, 0.5), departure * scale, TimeConstant.draw(d), d.seed());
        };
    }

    @Override public Evaluation evaluate(Case c) {
        VoltageModel model = c.model();
        Trajectory tr = Oracle.dp853().sample(model, 0, c.start(), 5.0 * c.tau(), 0.05 * c.tau());
        Measurements.Rise rise = Measurements.largestEnergyRise(model, tr);
        return Evaluation.atMost(rise.relative(), tolerance(), "largest relative energy rise between samples "
                + fmt(rise.relative()) + " at t=" + fmt(rise.time()));
    }

    @Override public String notApplicable(Network net) {
        String model = OneNetworkClaim.needsModel(net, true);
        return model != null ? model : OneNetworkClaim.needsEnergy(net);
    }

    @Override public String needs() { return "W symmetric, activation increasing"; }

    @Override public Measured measure(Network net, double[] x0, SplittableRandom rng) {
        return OneNetworkMeasures.energyRise(net, x0);
    }
}
