package engram.theorem;

import engram.claim.Claim;
import java.util.List;

/** The registry: every claim Engram checks. The tests, the report and the CLI all read this list. */
public final class Theorems {

    private Theorems() {
    }

    public static List<Claim<?>> all() {
        return List.of(
                new VoltageEnergyClaim(),
                new DiscreteEnergyClaim(),
                PositivityClaim.randomCouplings(),
                new RateVoltageEquivalenceClaim(),
                new ContractionClaim(),
                new OracleAccuracyClaim(),
                FixedStepOrderClaim.euler(),
                FixedStepOrderClaim.rk4(),
                new AdaptiveToleranceClaim(),
                EulerMaruyamaOrderClaim.strong(),
                EulerMaruyamaOrderClaim.weak(),
                new StationaryDensityClaim(),
                new RescaledEquilibriumClaim(),
                new SignStructureClaim(),
                new LocalStabilityClaim(),
                PositivityClaim.designs(),
                new RateEnergyClaim(),
                new RateContractionClaim(),
                new DesignNotContractingClaim(),
                new RetrievalClaim());
    }

    public static Claim<?> byId(String id) {
        return all().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown claim '" + id + "'"));
    }
}
