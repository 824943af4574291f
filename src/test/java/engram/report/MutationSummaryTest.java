package engram.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading PIT's mutations.xml: scores per package, survivors, equivalent mutants from the CSV list. */
class MutationSummaryTest {

    private static String mutation(String cls, int line, String status, boolean detected, String description) {
        return "<mutation detected='" + detected + "' status='" + status + "' numberOfTestsRun='2'><sourceFile>X.java"
                + "</sourceFile><mutatedClass>" + cls + "</mutatedClass><mutatedMethod>step</mutatedMethod>"
                + "<methodDescription>()V</methodDescription><lineNumber>" + line + "</lineNumber><mutator>"
                + "org.pitest.mutationtest.engine.gregor.mutators.MathMutator</mutator><indexes><index>1</index></indexes>"
                + "<blocks><block>1</block></blocks><killingTest/><description>" + description + "</description></mutation>\n";
    }

    @Test
    void scoresPerPackageSurvivorsAndEquivalents(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("engram.a");
        Path b = dir.resolve("engram.b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        Files.writeString(a.resolve("mutations.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mutations>\n"
                + mutation("engram.a.X", 10, "KILLED", true, "Replaced double addition with subtraction")
                + mutation("engram.a.X", 11, "TIMED_OUT", true, "Replaced double addition with subtraction")
                + mutation("engram.a.X", 12, "SURVIVED", false, "Replaced double multiplication with division")
                + mutation("engram.a.Y", 5, "NO_COVERAGE", false, "Replaced double addition with subtraction")
                + "</mutations>\n");
        Files.writeString(b.resolve("mutations.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mutations>\n"
                + mutation("engram.b.Z", 3, "KILLED", true, "Replaced double addition with subtraction") + "</mutations>\n");
        Path csv = dir.resolve("equivalent.csv");
        Files.writeString(csv, "# equivalent mutants\nclass,line,mutator,description,kind,reason\n"
                + "engram.a.X,12,MathMutator,Replaced double multiplication with division,equivalent,\"x * 1 = x / 1\"\n"
                + "engram.a.Y,5,MathMutator,Replaced double addition with subtraction,accepted,\"last bits\"\n");
        MutationSummary m = MutationSummary.read(dir, MutationSummary.equivalents(csv));
        assertThat(m.packages()).extracting(MutationSummary.PackageScore::name).containsExactly("engram.a", "engram.b");
        MutationSummary.PackageScore pa = m.packages().get(0);
        assertThat(pa.mutants()).isEqualTo(4);
        assertThat(pa.detected()).isEqualTo(2);
        assertThat(pa.survived()).isEqualTo(1);
        assertThat(pa.noCoverage()).isEqualTo(1);
        assertThat(pa.equivalent()).isEqualTo(1);
        assertThat(pa.score()).isEqualTo(0.5);
        assertThat(pa.scoreWithoutEquivalent()).isEqualTo(2.0 / 3);
        assertThat(m.packages().get(1).score()).isEqualTo(1.0);
        assertThat(m.survivors()).hasSize(2);
        assertThat(m.survivors().get(0).equivalentReason()).isEqualTo("x * 1 = x / 1");
        // an accepted survivor keeps its reason but counts against the score
        assertThat(m.survivors().get(1).equivalentReason()).isEqualTo("last bits");
        assertThat(m.survivors().get(1).kind()).isEqualTo("accepted");
        assertThat(m.unmatchedEntries()).isEmpty();
    }

    @Test
    void eachRowExcusesExactlyOneSurvivorAndStaleRowsAreListed(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("engram.a");
        Files.createDirectories(a);
        Files.writeString(a.resolve("mutations.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mutations>\n"
                + mutation("engram.a.X", 12, "SURVIVED", false, "Replaced double multiplication with division")
                + mutation("engram.a.X", 12, "SURVIVED", false, "Replaced double multiplication with division")
                + "</mutations>\n");
        Path csv = dir.resolve("equivalent.csv");
        Files.writeString(csv, "class,line,mutator,description,kind,reason\n"
                + "engram.a.X,12,MathMutator,Replaced double multiplication with division,equivalent,\"x * 1 = x / 1\"\n"
                + "engram.a.X,40,MathMutator,Replaced double multiplication with division,equivalent,\"gone\"\n");
        MutationSummary m = MutationSummary.read(dir, MutationSummary.equivalents(csv));
        // one row, two survivors on the line: one is excused, the other counts against the score
        assertThat(m.packages().get(0).equivalent()).isEqualTo(1);
        assertThat(m.survivors()).extracting(MutationSummary.Survivor::equivalentReason).containsExactly("x * 1 = x / 1",
                null);
        assertThat(m.unmatchedEntries()).containsExactly("engram.a.X|40|MathMutator|Replaced double multiplication with "
                + "division");
    }

    @Test
    void aMissingOrEmptyDirectoryIsABadArgument(@TempDir Path dir) {
        assertThatThrownBy(() -> MutationSummary.read(dir.resolve("none"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mvn -Pmutation verify");
        assertThatThrownBy(() -> MutationSummary.read(dir, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no mutations.xml");
    }
}
