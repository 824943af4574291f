package engram.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import engram.theorem.Theorems;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The one claim suite, generated from the registry: for every family, every claim holds on its generated cases and
 * its negative control finds a violation. A new claim needs no test of its own. Last, every tolerance written in the
 * catalogue must have been read by its claim (the catalogue is the one place tolerances are written, and this shows
 * that the number there is the number the check uses). {@code -Dengram.families=a,b} runs only those families (the
 * mutation profile does, per package).
 */
class ClaimSuiteTest {

    @TestFactory
    Stream<DynamicNode> everyClaimHoldsAndItsControlFindsAViolation() {
        String only = System.getProperty("engram.families", "");
        java.util.Set<String> wanted = only.isBlank() ? null : java.util.Set.of(only.split(","));
        Stream<DynamicNode> families = Theorems.families().stream().filter(f -> wanted == null || wanted.contains(f.name()))
                .map(f -> dynamicContainer(f.name() + ": " + f.title(),
                f.claims().stream().map(c -> dynamicContainer(c.id(), Stream.of(
                        dynamicTest("holds on generated cases", () -> PropertyChecks.assertHolds(c)),
                        dynamicTest("negative control finds a violation",
                                () -> PropertyChecks.assertControlFindsViolation(c)))))));
        if (wanted != null) {
            return families; // a partial suite (-Dengram.families=..., as under mutation testing)
        }
        return Stream.concat(families, Stream.of(dynamicTest("every catalogue tolerance is read by its claim",
                ClaimSuiteTest::everyToleranceWasRead)));
    }

    private static void everyToleranceWasRead() {
        List<String> written = new ArrayList<>();
        for (Claim<?> c : Theorems.all()) {
            CatalogueEntry e = c.entry();
            written.add(e.id());
            e.tolerances().keySet().forEach(name -> written.add(e.id() + "/" + name));
        }
        assertThat(Catalogue.tolerancesRead()).as("tolerances read by the claims' checks").containsAll(written);
    }
}
