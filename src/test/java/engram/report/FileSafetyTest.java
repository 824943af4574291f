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

/** Writes replace regular files only, never through links, and replace report directories whole. */
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
    void aSymbolicLinkIsRefusedAndNeitherItNorItsTargetIsTouched(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("data.csv");
        Files.writeString(target, "old");
        Path link = dir.resolve("link.csv");
        try {
            Files.createSymbolicLink(link, target.getFileName());
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        assertThatThrownBy(() -> AtomicFiles.write(link, "new")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> AtomicFiles.checkFile(link, "--out")).hasMessageStartingWith("--out ")
                .hasMessageContaining("symbolic link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("old");
        // a dangling link to a file outside the directory creates nothing
        Path dangling = dir.resolve("dangling.csv");
        Files.createSymbolicLink(dangling, Path.of("..", "outside-" + dir.getFileName() + ".csv"));
        assertThatThrownBy(() -> AtomicFiles.write(dangling, "made")).hasMessageContaining("symbolic link");
        assertThat(Files.exists(dir.getParent().resolve("outside-" + dir.getFileName() + ".csv"))).isFalse();
        Path linkedDir = dir.resolve("reports");
        Files.createSymbolicLink(linkedDir, Files.createDirectory(dir.resolve("real")).getFileName());
        assertThatThrownBy(() -> ReportWriter.checkDestination(linkedDir, "--out")).hasMessageContaining("symbolic link");
    }

    @Test
    void namesReadFromDataCannotLeaveTheirDirectory(@TempDir Path dir) {
        assertThat(AtomicFiles.child(dir, "figure.png")).isEqualTo(dir.resolve("figure.png"));
        for (String bad : new String[] {"../../victim.txt", "..", ".", "", "a/b.png", "/etc/passwd", "a\\b"}) {
            assertThatThrownBy(() -> AtomicFiles.child(dir, bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a plain file name");
        }
    }

    @Test
    void destinationsWhereNothingCanBeCreatedAreRefusedBeforeAnyWork() {
        Path proc = Path.of("/proc");
        assumeTrue(Files.isDirectory(proc), "no /proc here");
        assertThatThrownBy(() -> ReportWriter.checkDestination(Path.of("/proc/x/r"), "--out"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--out /proc/x/r: cannot");
        assertThatThrownBy(() -> AtomicFiles.checkFile(Path.of("/proc/engram.csv"), "--out"))
                .hasMessageStartingWith("--out /proc/engram.csv: cannot write in /proc");
        assertThatThrownBy(() -> AtomicFiles.checkDirectory(Path.of("/proc/self/engram"), "--out"))
                .hasMessageStartingWith("--out /proc/self/engram: cannot");
    }

    @Test
    void temporariesOfAKilledWriterAreRemovedByTheNextWrite(@TempDir Path dir) throws Exception {
        long dead = deadPid();
        Path staleFile = Files.writeString(dir.resolve(".report.json." + dead + ".123.tmp"), "half");
        Path staleDir = Files.createDirectory(dir.resolve(".latest.new-" + dead + "-abc"));
        Files.writeString(staleDir.resolve("report.json"), "half");
        long alive = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        Path concurrent = Files.writeString(dir.resolve(".report.json." + alive + ".456.tmp"), "being written");
        Path mine = Files.writeString(dir.resolve(".report.json.notapid.tmp"), "someone else's");
        AtomicFiles.write(dir.resolve("report.json"), "whole");
        AtomicFiles.replaceDirectory(dir.resolve("latest"), ReportWriter::isReportFile,
                d -> AtomicFiles.write(d.resolve("report.json"), "whole"));
        assertThat(staleFile).doesNotExist();
        assertThat(staleDir).doesNotExist();
        assertThat(concurrent).exists();
        assertThat(mine).exists();
        assertThat(Files.readString(dir.resolve("report.json"))).isEqualTo("whole");
    }

    /** A process id that no running process has (the kernel hands out ids up to 2^22 at most). */
    private static long deadPid() {
        for (long pid : new long[] {(1L << 22) + 1, Integer.MAX_VALUE - 1L, 999_999L}) {
            if (ProcessHandle.of(pid).isEmpty()) {
                return pid;
            }
        }
        assumeTrue(false, "no free process id to stand for a dead writer");
        return -1;
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
