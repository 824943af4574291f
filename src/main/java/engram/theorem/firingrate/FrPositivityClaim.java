package engram.theorem.firingrate;

import engram.claim.Calibrated;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Draw;
import engram.claim.Evaluation;
import engram.claim.cases.DesignSpec;
import engram.claim.cases.TimeConstant;
import engram.claim.cases.Vectors;
import engram.memory.FiringRateDesign;
import engram.memory.MemoryKind;
import engram.model.FiringRateModel;
import engram.model.Input;
import engram.network.IntegratorKind;
import engram.theorem.foundation.RatePositivityClaim;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * {@code fr.positivity}: Rates stay in [0, 1] for every firing-rate design (properties/fr.positivity.properties;
 * docs/theory.md section 1.4). The catalogue entry states the hypotheses, metric, tolerances and control; this class
 * draws the cases and measures.
 */
public final class FrPositivityClaim implements Claim<FrPositivityClaim.Case>, Calibrated<FrPositivityClaim.Case> {

    /** @param stepRatio h / tau for Euler */
    public record Case(DesignSpec design, IntegratorKind integrator, double stepRatio, double tau, long seed) {

        FiringRateModel model() {
            SplittableRandom rng = new SplittableRandom(seed);
            FiringRateDesign fr = design.build();
            return new FiringRateModel(tau, fr.couplings(), fr.phi(), Input.constant(Vectors.gaussian(fr.n(), 0.5, rng)));
        }
    }

    private static final List<MemoryKind> KINDS = List.of(MemoryKind.BALANCED, MemoryKind.CORRELATED, MemoryKind.SPARSE);

    @Override public String id() { return "fr.positivity"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> new Case(DesignSpec.draw(d, KINDS), d.choice("integrator", List.of(IntegratorKind.EULER,
                IntegratorKind.DP853)), d.real("h / tau", 0.05, 1), TimeConstant.draw(d), d.seed());
    }

    @Override public CaseSpace<Case> control() { return outside(d -> d.real("h / tau", 1.5, 3)); }

    /** Explicit Euler with the step ratio h / tau given by {@code stepRatio}. */
    private static CaseSpace<Case> outside(ToDoubleFunction<Draw> stepRatio) {
        return d -> new Case(DesignSpec.draw(d, KINDS), IntegratorKind.EULER, stepRatio.applyAsDouble(d),
                TimeConstant.draw(d), d.seed());
    }

    @Override public String departure() { return "h / tau - 1 (explicit Euler)"; }

    @Override public double controlDeparture() { return 0.5; }

    @Override public CaseSpace<Case> at(double departure) { return outside(d -> 1 + departure); }

    @Override public Evaluation evaluate(Case c) {
        return RatePositivityClaim.excursion(this, c.model(), c.design().n(), c.integrator(), c.stepRatio(), c.seed());
    }
}
