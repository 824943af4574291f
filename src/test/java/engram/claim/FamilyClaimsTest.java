package engram.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import engram.theorem.Theorems;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The claim suite of the families named in {@code -Dengram.families=a,b} as one plain test method, for mutation
 * testing: PIT attributes coverage to test methods and does not follow {@link ClaimSuiteTest}'s dynamic tests. Every
 * claim of those families must hold and its control must find a violation (all are run; every failure is listed).
 * Each run is fresh: PIT tries many mutants in one JVM, so results cached by claim id would hide them.
 * Without the property the test is skipped: {@link ClaimSuiteTest} already runs every claim.
 */
class FamilyClaimsTest {

    @Test
    void theNamedFamiliesClaimsHoldAndTheirControlsFindViolations() {
        String only = System.getProperty("engram.families", "");
        assumeTrue(!only.isBlank(), "runs only under -Dengram.families (the mutation profile)");
        Set<String> wanted = Set.of(only.split(","));
        List<String> failures = new ArrayList<>();
        int claims = 0;
        for (ClaimFamily f : Theorems.families()) {
            if (!wanted.contains(f.name())) {
                continue;
            }
            for (Claim<?> c : f.claims()) {
                claims++;
                // run afresh, not through TestSessionReport's cache: PIT runs many mutants in one JVM
                ClaimResult r = ClaimRunner.run(c, PropertyChecks.seed(), PropertyChecks.examples(c));
                if (r.verdict() != ClaimResult.Verdict.HOLDS) {
                    failures.add(c.id() + ": " + r.verdict() + " (worst " + r.worstCase() + ": " + r.worstDetail() + ")");
                }
            }
        }
        assertThat(claims).as("claims in families " + wanted).isPositive();
        assertThat(failures).as("claims that failed").isEmpty();
    }
}
