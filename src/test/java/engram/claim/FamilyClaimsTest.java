package engram.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import engram.theorem.Theorems;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The claim suite of the families named in {@code -Dengram.families=a,b}, one parameterized invocation per claim, for
 * mutation testing. PIT makes each invocation a test unit of its own (selected by its unique id), records which
 * lines each claim covers, and runs against a mutant only the claims that reach it: a mutant in the capacity code
 * costs the capacity claims, not the whole suite. Every claim must hold and its control must find a violation. Each
 * run is fresh: PIT tries many mutants in one JVM, so results cached by claim id ({@link ClaimSuiteTest}) would hide
 * them. Without the property there is no invocation (a skipped placeholder): {@link ClaimSuiteTest} already runs every
 * claim.
 */
class FamilyClaimsTest {

    /** The placeholder invocation when no family is named. */
    private static final String NONE = "no family named";

    /** The ids of the named families' claims, in registry order (stable ids for PIT), or one placeholder. */
    static Stream<String> claimsOfTheNamedFamilies() {
        String only = System.getProperty("engram.families", "");
        if (only.isBlank()) {
            return Stream.of(NONE);
        }
        Set<String> wanted = Set.of(only.split(","));
        List<String> claims = new ArrayList<>();
        for (ClaimFamily f : Theorems.families()) {
            if (wanted.contains(f.name())) {
                f.claims().forEach(c -> claims.add(c.id()));
            }
        }
        assertThat(claims).as("claims in families " + wanted).isNotEmpty();
        return claims.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("claimsOfTheNamedFamilies")
    void claimHoldsAndItsControlFindsAViolation(String id) {
        assumeTrue(!NONE.equals(id), "runs only under -Dengram.families (the mutation profile)");
        Claim<?> claim = Theorems.byId(id);
        // run afresh, not through TestSessionReport's cache: PIT runs many mutants in one JVM
        ClaimResult r = ClaimRunner.run(claim, PropertyChecks.seed(), PropertyChecks.examples(claim));
        assertThat(r.verdict()).as(claim.id() + " (worst " + r.worstCase() + ": " + r.worstDetail() + ")")
                .isEqualTo(ClaimResult.Verdict.HOLDS);
    }
}
