package engram.theorem;

import static engram.claim.PropertyChecks.assertControlFindsViolation;
import static engram.claim.PropertyChecks.assertHolds;

import engram.claim.AssertsClaim;
import org.junit.jupiter.api.Test;

/** The firing-rate associative-memory claims (theory.md section 2), each with its negative control. */
class FiringRateClaimsTest {

    @Test @AssertsClaim("fr.equilibrium")
    void rescaledMemoriesAreEquilibria() { assertHolds(new RescaledEquilibriumClaim()); }

    @Test @AssertsClaim(value = "fr.equilibrium", control = true)
    void wrongCoActivityBreaksTheEquilibria() { assertControlFindsViolation(new RescaledEquilibriumClaim()); }

    @Test @AssertsClaim("fr.sign-structure")
    void signStructure() { assertHolds(new SignStructureClaim()); }

    @Test @AssertsClaim(value = "fr.sign-structure", control = true)
    void negativeRatesBreakTheSignStructure() { assertControlFindsViolation(new SignStructureClaim()); }

    @Test @AssertsClaim("fr.local-stability")
    void localStability() { assertHolds(new LocalStabilityClaim()); }

    @Test @AssertsClaim(value = "fr.local-stability", control = true)
    void unstableMemoriesAreCaught() { assertControlFindsViolation(new LocalStabilityClaim()); }

    @Test @AssertsClaim("fr.positivity")
    void designPositivity() { assertHolds(PositivityClaim.designs()); }

    @Test @AssertsClaim(value = "fr.positivity", control = true)
    void eulerAboveTauLeavesTheBox() { assertControlFindsViolation(PositivityClaim.designs()); }

    @Test @AssertsClaim("fr.energy-monotone")
    void rateEnergyMonotone() { assertHolds(new RateEnergyClaim()); }

    @Test @AssertsClaim(value = "fr.energy-monotone", control = true)
    void rateEnergyRisesForAsymmetricW() { assertControlFindsViolation(new RateEnergyClaim()); }

    @Test @AssertsClaim("fr.global-stability")
    void rateGlobalStability() { assertHolds(new RateContractionClaim()); }

    @Test @AssertsClaim(value = "fr.global-stability", control = true)
    void multistableDesignIsNotContracting() { assertControlFindsViolation(new RateContractionClaim()); }

    @Test @AssertsClaim("fr.design-not-contracting")
    void designIsNotContracting() { assertHolds(new DesignNotContractingClaim()); }

    @Test @AssertsClaim(value = "fr.design-not-contracting", control = true)
    void misNormalisedDesignIsCaught() { assertControlFindsViolation(new DesignNotContractingClaim()); }

    @Test @AssertsClaim("fr.retrieval")
    void retrieval() { assertHolds(new RetrievalClaim()); }

    @Test @AssertsClaim(value = "fr.retrieval", control = true)
    void misNormalisedDesignDoesNotRetrieve() { assertControlFindsViolation(new RetrievalClaim()); }
}
