package engram.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Safe file output. A file is written to a temporary sibling, flushed to disk, and renamed over the target, then the
 * directory is flushed: readers see the old file or the new one, never half of one, even after a crash. Only regular
 * files are ever replaced: a directory, device, named pipe or socket at the target is refused with an
 * {@link IllegalArgumentException} (exit 2 on the command line), and a symbolic link is followed, so the file it
 * points to is replaced and the link is kept. {@link #checkFile} and {@link #checkDirectory} run the same checks
 * before any work, so a bad destination costs a second, not a run.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** The path a write to {@code target} really replaces: symbolic links followed (also dangling ones). */
    static Path resolve(Path target) throws IOException {
        Path p = target.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops > 40) {
                throw new IllegalArgumentException(target + ": too many levels of symbolic links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        return p;
    }

    /** What a non-regular file is, for messages. */
    static String kind(Path p) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "a directory";
        }
        try {
            Object type = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) type & 0170000;
            return switch (mode) {
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0010000 -> "a named pipe";
                case 0140000 -> "a socket";
                default -> "not a regular file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "not a regular file";
        }
    }

    /**
     * Checks that {@code target} may be written as a regular file: whatever is there (links followed) is a regular
     * file or nothing, and the directory it goes into exists or can be created, and is writable.
     */
    public static void checkFile(Path target, String option) {
        try {
            Path real = resolve(target);
            if (Files.exists(real, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException(option + " " + target + " is " + kind(real)
                        + "; Engram writes regular files only and will not replace it");
            }
            checkWritableDirectory(real.getParent(), option, target);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + target + ": " + e.getMessage());
        }
    }

    /** Checks that {@code dir} is a directory (or can be created) that can be written. */
    public static void checkDirectory(Path dir, String option) {
        try {
            Path real = resolve(dir);
            if (Files.exists(real) && !Files.isDirectory(real)) {
                throw new IllegalArgumentException(option + " " + dir + " is " + (Files.isRegularFile(real) ? "a file"
                        : kind(real)) + ", not a directory");
            }
            checkWritableDirectory(real, option, dir);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + dir + ": " + e.getMessage());
        }
    }

    private static void checkWritableDirectory(Path dir, String option, Path asGiven) throws IOException {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalArgumentException(option + " " + asGiven + ": no existing directory above it");
        }
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException(option + " " + asGiven + ": " + p + " is not a directory");
        }
        if (!Files.isWritable(p)) {
            throw new IllegalArgumentException(option + " " + asGiven + ": " + p + " is not writable");
        }
    }

    public static void write(Path target, byte[] content) throws IOException {
        Path real = resolve(target);
        if (Files.exists(real, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(target + " is " + kind(real)
                    + "; Engram writes regular files only and will not replace it");
        }
        Path dir = real.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + real.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
            Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Flushes a directory's entries (a rename in it) to disk, where the platform allows opening a directory. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here (e.g. Windows): the rename itself is still atomic
        }
    }

    /**
     * Replaces the directory {@code dir} (links followed) with the content written into a fresh sibling by
     * {@code fill}: the old directory is renamed aside, the new one renamed into place, and the old one deleted, so a
     * reader sees the old set of files or the new one, never a mix (for an instant, neither). The existing directory
     * may only hold names {@code mayReplace} accepts; anything else is refused before anything is written.
     */
    public static void replaceDirectory(Path dir, java.util.function.Predicate<String> mayReplace, DirectoryFiller fill)
            throws IOException {
        Path real = resolve(dir);
        checkReplaceable(dir, real, mayReplace);
        Path parent = real.getParent();
        Files.createDirectories(parent);
        String tag = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        Path fresh = parent.resolve("." + real.getFileName() + ".new-" + tag);
        Path old = parent.resolve("." + real.getFileName() + ".old-" + tag);
        Files.createDirectory(fresh);
        try {
            fill.fill(fresh);
            syncDirectory(fresh);
            if (Files.exists(real)) {
                Files.move(real, old, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(fresh, real, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                throw new IOException(dir + " appeared while the report was written", e);
            }
            syncDirectory(parent);
        } finally {
            deleteTree(fresh);
            deleteTree(old);
        }
    }

    /** Writes the files of a directory being replaced. */
    @FunctionalInterface
    public interface DirectoryFiller {
        void fill(Path dir) throws IOException;
    }

    private static void checkReplaceable(Path asGiven, Path real, java.util.function.Predicate<String> mayReplace)
            throws IOException {
        if (!Files.exists(real)) {
            return;
        }
        if (!Files.isDirectory(real)) {
            throw new IllegalArgumentException(asGiven + " is " + (Files.isRegularFile(real) ? "a file" : kind(real))
                    + ", not a directory");
        }
        try (var entries = Files.list(real)) {
            for (Path e : (Iterable<Path>) entries::iterator) {
                String name = e.getFileName().toString();
                if (!Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS) || !mayReplace.test(name)) {
                    throw new IllegalArgumentException(asGiven + " holds " + name + ", which Engram did not write; "
                            + "choose an empty directory or one that holds only an Engram report");
                }
            }
        }
    }

    /** Checks, before any work, that {@link #replaceDirectory} may replace {@code dir}. */
    public static void checkReplaceableDirectory(Path dir, String option, java.util.function.Predicate<String> mayReplace) {
        try {
            Path real = resolve(dir);
            try {
                checkReplaceable(dir, real, mayReplace);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + " " + e.getMessage());
            }
            checkWritableDirectory(real.getParent(), option, dir);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + dir + ": " + e.getMessage());
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(q);
            }
        }
    }

    /** The names an Engram report directory holds. */
    public static final Set<String> REPORT_FILES = Set.of("report.json", "figures.json", "summary.md", "index.html");
}
