package engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engram merge} accepts exactly the shards of one run: all of them, each once, each holding only its own claims;
 * anything else (a missing, duplicated, foreign or edited shard, no claims at all, a report that is not one) is refused
 * with exit 2 and one line, and a shard's figures.json can name nothing outside its directory.
 */
class MergeCommandTest {

    private static final List<String> CLAIMS = List.of("rate.positivity", "discrete.energy-monotone", "fr.sign-structure",
            "modern.energy-monotone", "integrate.euler-order", "fr.equilibrium");

    @TempDir static Path shards;

    @BeforeAll
    static void runThreeShards() {
        for (int i = 1; i <= 3; i++) {
            List<String> args = new ArrayList<>(List.of("report", "--shard", i + "/3", "--out", shard(i).toString(),
                    "--no-history", "--seed", "5"));
            CLAIMS.forEach(c -> args.addAll(List.of("--claim", c)));
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            assertThat(r.code()).as(r.err()).isZero();
        }
    }

    private static Path shard(int i) {
        return shards.resolve("s" + i);
    }

    private static CliTest.Run merge(Path out, Path... dirs) {
        List<String> args = new ArrayList<>(List.of("merge", "--out", out.toString(), "--no-history"));
        for (Path d : dirs) {
            args.add(d.toString());
        }
        return CliTest.run(args.toArray(String[]::new));
    }

    private static void refused(CliTest.Run r, String expected) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().trim().lines()).hasSize(1);
        assertThat(r.err()).startsWith("engram: error: ").contains(expected).doesNotContain("Exception");
    }

    private static Path copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    @Test
    void allShardsMergeIntoOneReport(@TempDir Path out) throws Exception {
        CliTest.Run r = merge(out.resolve("m"), shard(1), shard(2), shard(3));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("m").resolve("report.json"))).contains("\"total\": " + CLAIMS.size());
    }

    @Test
    void missingAndDuplicatedShardsAreRefused(@TempDir Path out) {
        refused(merge(out.resolve("m"), shard(1), shard(3)), "shards missing: [2] of 3");
        refused(merge(out.resolve("m"), shard(1), shard(2), shard(2), shard(3)), "given twice");
        assertThat(out.resolve("m")).doesNotExist();
    }

    /** Shard 3 holds rate.positivity and discrete.energy-monotone; relabelled as shard 1, its claims are foreign. */
    @Test
    void aShardWhoseShardFieldWasEditedIsForeign(@TempDir Path tmp) throws Exception {
        Path edited = copy(shard(3), tmp.resolve("edited"));
        Path report = edited.resolve("report.json");
        Files.writeString(report, Files.readString(report).replace("\"shard\": \"3/3\"", "\"shard\": \"1/3\""));
        refused(merge(tmp.resolve("m"), edited, shard(2), shard(3)), "does not belong to shard 1/3");
    }

    @Test
    void noClaimsBinaryAndEmptyReportsAreRefused(@TempDir Path tmp) throws Exception {
        // shard 1 holds none of the claims run: alone (as 1 of 1) it merges nothing
        Path empty = copy(shard(1), tmp.resolve("empty"));
        Path report = empty.resolve("report.json");
        Files.writeString(report, Files.readString(report).replace("\"shard\": \"1/3\"", "\"shard\": \"1/1\""));
        refused(merge(tmp.resolve("m"), empty), "hold no claims");
        Path bare = Files.createDirectories(tmp.resolve("bare"));
        Files.writeString(bare.resolve("report.json"), "{}");
        refused(merge(tmp.resolve("m"), bare), "not an Engram report.json");
        Path binary = Files.createDirectories(tmp.resolve("binary"));
        Files.write(binary.resolve("report.json"), new byte[] {0, (byte) 0xff, 1, 2});
        refused(merge(tmp.resolve("m"), binary), "not a text file");
        refused(merge(tmp.resolve("m"), tmp.resolve("nowhere")), "no such file");
    }

    @Test
    void figureNamesLeadingOutOfTheShardAreRefusedAndNothingOutsideOutIsWritten(@TempDir Path tmp) throws Exception {
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "mine", StandardCharsets.UTF_8);
        Path evil = copy(shard(1), tmp.resolve("a").resolve("b").resolve("evil"));
        assertThat(Files.readString(evil.resolve("report.json"))).contains("\"shard\": \"1/3\"");
        Files.writeString(evil.resolve("figures.json"), "[{\"file\": \"../../../victim.txt\", \"caption\": \"x\"}]");
        Path out = tmp.resolve("a").resolve("out");
        refused(merge(out, evil, shard(2), shard(3)), "not a plain file name");
        assertThat(Files.readString(victim)).isEqualTo("mine");
        assertThat(out).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("victim.txt", "a");
        }
    }
}
