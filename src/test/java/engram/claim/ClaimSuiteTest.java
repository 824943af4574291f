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
 * that the number there is the number the check uses).
 */
class ClaimSuiteTest {

    @TestFactory
    Stream<DynamicNode> everyClaimHoldsAndItsControlFindsAViolation() {
        Stream<DynamicNode> families = Theorems.families().stream().map(f -> dynamicContainer(f.name() + ": " + f.title(),
                f.claims().stream().map(c -> dynamicContainer(c.id(), Stream.of(
                        dynamicTest("holds on generated cases", () -> PropertyChecks.assertHolds(c)),
                        dynamicTest("negative control finds a violation",
                                () -> PropertyChecks.assertControlFindsViolation(c)))))));
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
