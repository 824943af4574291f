package engram.theorem;

import static engram.claim.PropertyChecks.assertControlFindsViolation;
import static engram.claim.PropertyChecks.assertHolds;

import engram.claim.AssertsClaim;
import org.junit.jupiter.api.Test;

/** The foundation claims: each property over generated cases, and each negative control. */
class FoundationClaimsTest {

    @Test @AssertsClaim("voltage.energy-monotone")
    void voltageEnergyMonotone() { assertHolds(new VoltageEnergyClaim()); }

    @Test @AssertsClaim(value = "voltage.energy-monotone", control = true)
    void voltageEnergyRisesForAsymmetricW() { assertControlFindsViolation(new VoltageEnergyClaim()); }

    @Test @AssertsClaim("discrete.energy-monotone")
    void discreteEnergyMonotone() { assertHolds(new DiscreteEnergyClaim()); }

    @Test @AssertsClaim(value = "discrete.energy-monotone", control = true)
    void discreteEnergyRisesForAsymmetricW() { assertControlFindsViolation(new DiscreteEnergyClaim()); }

    @Test @AssertsClaim("rate.positivity")
    void ratePositivity() { assertHolds(PositivityClaim.randomCouplings()); }

    @Test @AssertsClaim(value = "rate.positivity", control = true)
    void eulerAboveTauLeavesTheOrthant() { assertControlFindsViolation(PositivityClaim.randomCouplings()); }

    @Test @AssertsClaim("rate.voltage-equivalence")
    void rateVoltageEquivalence() { assertHolds(new RateVoltageEquivalenceClaim()); }

    @Test @AssertsClaim(value = "rate.voltage-equivalence", control = true)
    void equivalenceFailsForDriftingInput() { assertControlFindsViolation(new RateVoltageEquivalenceClaim()); }

    @Test @AssertsClaim("voltage.contraction")
    void voltageContraction() { assertHolds(new ContractionClaim()); }

    @Test @AssertsClaim(value = "voltage.contraction", control = true)
    void bistableNetworkIsNotContracting() { assertControlFindsViolation(new ContractionClaim()); }

    @Test @AssertsClaim("oracle.accuracy")
    void oracleAccuracy() { assertHolds(new OracleAccuracyClaim()); }

    @Test @AssertsClaim(value = "oracle.accuracy", control = true)
    void looseOracleIsCaught() { assertControlFindsViolation(new OracleAccuracyClaim()); }

    @Test @AssertsClaim("integrate.euler-order")
    void eulerOrder() { assertHolds(FixedStepOrderClaim.euler()); }

    @Test @AssertsClaim(value = "integrate.euler-order", control = true)
    void inconsistentEulerIsCaught() { assertControlFindsViolation(FixedStepOrderClaim.euler()); }

    @Test @AssertsClaim("integrate.rk4-order")
    void rk4Order() { assertHolds(FixedStepOrderClaim.rk4()); }

    @Test @AssertsClaim(value = "integrate.rk4-order", control = true)
    void wrongRk4CoefficientIsCaught() { assertControlFindsViolation(FixedStepOrderClaim.rk4()); }

    @Test @AssertsClaim("integrate.adaptive-tolerance")
    void adaptiveTolerance() { assertHolds(new AdaptiveToleranceClaim()); }

    @Test @AssertsClaim(value = "integrate.adaptive-tolerance", control = true)
    void understatedErrorEstimateIsCaught() { assertControlFindsViolation(new AdaptiveToleranceClaim()); }

    @Test @AssertsClaim("integrate.em-strong-order")
    void emStrongOrder() { assertHolds(EulerMaruyamaOrderClaim.strong()); }

    @Test @AssertsClaim(value = "integrate.em-strong-order", control = true)
    void noiselessEmIsCaught() { assertControlFindsViolation(EulerMaruyamaOrderClaim.strong()); }

    @Test @AssertsClaim("integrate.em-weak-order")
    void emWeakOrder() { assertHolds(EulerMaruyamaOrderClaim.weak()); }

    @Test @AssertsClaim(value = "integrate.em-weak-order", control = true)
    void wrongNoiseVarianceIsCaught() { assertControlFindsViolation(EulerMaruyamaOrderClaim.weak()); }

    @Test @AssertsClaim("sde.stationary-density")
    void stationaryDensity() { assertHolds(new StationaryDensityClaim()); }

    @Test @AssertsClaim(value = "sde.stationary-density", control = true)
    void wrongNormalisationIsRejected() { assertControlFindsViolation(new StationaryDensityClaim()); }
}
