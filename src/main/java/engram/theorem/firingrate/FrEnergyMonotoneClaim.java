package engram.theorem.firingrate;

import static engram.claim.Evaluation.fmt;

import engram.analysis.Measurements;
import engram.analysis.Spectra;
import engram.claim.Calibrated;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Draw;
import engram.claim.Evaluation;
import engram.claim.OneNetworkClaim;
import engram.claim.cases.DesignSpec;
import engram.claim.cases.TimeConstant;
import engram.claim.cases.Vectors;
import engram.integrate.Trajectory;
import engram.memory.Couplings;
import engram.memory.DenseCouplings;
import engram.memory.FiringRateDesign;
import engram.memory.MemoryKind;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.oracle.Oracle;
import engram.theorem.foundation.OneNetworkMeasures;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * {@code fr.energy-monotone}: Firing-rate energy never increases for symmetric W
 * (properties/fr.energy-monotone.properties; docs/theory.md section 2.5). The catalogue entry states the hypotheses,
 * metric, tolerances and control; this class draws the cases and measures.
 */
public final class FrEnergyMonotoneClaim implements Claim<FrEnergyMonotoneClaim.Case>, OneNetworkClaim, Calibrated<FrEnergyMonotoneClaim.Case> {

    /** @param antisymmetry weight of an added antisymmetric part, relative to ||W||_2 (0 inside the hypotheses) */
    public record Case(DesignSpec spec, double inputScale, double antisymmetry, double tau) {
    }

    @Override public String id() { return "fr.energy-monotone"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(DesignSpec.draw(d, List.of(MemoryKind.BALANCED, MemoryKind.CORRELATED, MemoryKind.SPARSE)),
                d.real("scale of u", 0, 0.5), 0, TimeConstant.draw(d));
    }

    @Override public CaseSpace<Case> control() { return outside(d -> d.real("antisymmetric weight / ||W||_2", 1, 4)); }

    /** W plus an antisymmetric part of the weight given by {@code antisymmetry}, relative to ||W||_2. */
    private static CaseSpace<Case> outside(ToDoubleFunction<Draw> antisymmetry) {
        return d -> new Case(DesignSpec.draw(d, List.of(MemoryKind.BALANCED, MemoryKind.SPARSE)), 0,
                antisymmetry.applyAsDouble(d), TimeConstant.draw(d));
    }

    @Override public String departure() { return "antisymmetric weight / ||W||_2"; }

    @Override public double controlDeparture() { return 1; }

    @Override public CaseSpace<Case> at(double departure) { return outside(d -> departure); }

    @Override public Evaluation evaluate(Case c) {
        FiringRateDesign design = c.spec().build();
        int n = design.n();
        SplittableRandom rng = new SplittableRandom(c.spec().seed() + 5);
        Couplings w = design.couplings();
        if (c.antisymmetry() > 0) {
            w = DenseCouplings.withAntisymmetricPart(w, c.antisymmetry() * Spectra.spectralNorm(w), rng);
        }
        FiringRateModel model = new FiringRateModel(c.tau(), w, design.phi(),
                Input.constant(Vectors.gaussian(n, c.inputScale(), rng)));
        double[] x0 = Vectors.uniform(n, 0.02, 0.98, rng);
        Trajectory tr = Oracle.dp853().sample(model, 0, x0, 10 * c.tau(), 0.05 * c.tau());
        Measurements.Rise rise = Measurements.largestEnergyRise(model, tr);
        return Evaluation.atMost(rise.relative(), tolerance(), "largest relative rise of E_FR between samples "
                + fmt(rise.relative()) + " at t=" + fmt(rise.time())
                + (Double.isFinite(rise.initialEnergy()) ? "" : " (E_FR infinite: state left the range)"));
    }

    @Override public String notApplicable(Network net) {
        String model = OneNetworkClaim.needsModel(net, false);
        String energy = model != null ? model : OneNetworkClaim.needsEnergy(net);
        if (energy != null) {
            return energy;
        }
        return net.activation().invertible() && net.activation().rangeMin() >= 0 ? null
                : "E_FR needs an invertible activation with non-negative range; " + net.activation().name() + " is not";
    }

    @Override public String needs() { return "W symmetric, activation increasing"; }

    @Override public Measured measure(Network net, double[] x0, SplittableRandom rng) {
        return OneNetworkMeasures.energyRise(net, x0);
    }
}
