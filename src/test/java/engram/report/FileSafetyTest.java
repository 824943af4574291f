package engram.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes replace regular files only, follow links, and replace report directories whole. */
class FileSafetyTest {

    @Test
    void devicesPipesAndDirectoriesAreRefusedAndLeftAlone(@TempDir Path dir) throws Exception {
        Path device = Path.of("/dev/null");
        if (Files.exists(device)) {
            assertThatThrownBy(() -> AtomicFiles.write(device, "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("character device");
            assertThat(Files.isRegularFile(device)).isFalse();
            assertThatThrownBy(() -> AtomicFiles.checkFile(device, "--out")).hasMessageStartingWith("--out /dev/null is a");
        }
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertThatThrownBy(() -> AtomicFiles.write(sub, "x")).hasMessageContaining("a directory");
        assertThat(Files.isDirectory(sub)).isTrue();
        Path pipe = dir.resolve("pipe");
        boolean made = new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0;
        if (made) {
            assertThatThrownBy(() -> AtomicFiles.write(pipe, "x")).hasMessageContaining("named pipe");
            assertThat(Files.isRegularFile(pipe)).isFalse();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList()).isEmpty();
        }
    }

    @Test
    void aSymbolicLinkIsFollowedAndKept(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("data.csv");
        Files.writeString(target, "old");
        Path link = dir.resolve("link.csv");
        try {
            Files.createSymbolicLink(link, target.getFileName());
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        AtomicFiles.write(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new");
        // a dangling link creates the file it names
        Path dangling = dir.resolve("dangling.csv");
        Files.createSymbolicLink(dangling, Path.of("created.csv"));
        AtomicFiles.write(dangling, "made");
        assertThat(Files.readString(dir.resolve("created.csv"))).isEqualTo("made");
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
    }

    @Test
    void aReportDirectoryIsReplacedWholeOrNotAtAll(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("latest");
        AtomicFiles.replaceDirectory(report, ReportWriter::isReportFile, d -> {
            AtomicFiles.write(d.resolve("report.json"), "1");
            AtomicFiles.write(d.resolve("old-figure.png"), "png");
        });
        AtomicFiles.replaceDirectory(report, ReportWriter::isReportFile, d -> AtomicFiles.write(d.resolve("report.json"), "2"));
        try (var files = Files.list(report)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("report.json");
        }
        assertThat(Files.readString(report.resolve("report.json"))).isEqualTo("2");
        // a failure while writing leaves the previous report whole and no temporary directory behind
        assertThatThrownBy(() -> AtomicFiles.replaceDirectory(report, ReportWriter::isReportFile, d -> {
            AtomicFiles.write(d.resolve("report.json"), "3");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(report.resolve("report.json"))).isEqualTo("2");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("latest");
        }
        // a directory holding other files is refused before anything is written
        Files.writeString(report.resolve("notes.txt"), "mine", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReportWriter.checkDestination(report, "--out")).hasMessageContaining("notes.txt");
        assertThatThrownBy(() -> AtomicFiles.replaceDirectory(report, ReportWriter::isReportFile,
                d -> AtomicFiles.write(d.resolve("report.json"), "4"))).hasMessageContaining("did not write");
        assertThat(Files.readString(report.resolve("notes.txt"))).isEqualTo("mine");
        // a file where a directory is wanted
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> ReportWriter.checkDestination(file, "--out")).hasMessageContaining("not a directory");
        assertThat(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }
}
