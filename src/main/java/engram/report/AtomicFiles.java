package engram.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Safe file output. A file is written to a temporary sibling, flushed to disk, and renamed over the target, then the
 * directory is flushed: readers see the old file or the new one, never half of one, even after a crash. Only regular
 * files are ever replaced: a directory, device, named pipe, socket or symbolic link at the target is refused with an
 * {@link IllegalArgumentException} (exit 2 on the command line); a link is not followed, so no write lands outside the
 * directory named. Names read from data (a figure's file name) go through {@link #child}, which refuses any name that
 * would leave its directory. {@link #checkFile} and {@link #checkDirectory} run the same checks before any work, and
 * probe the directory with a real write (a read-only or special file system such as /proc fails there), so a bad
 * destination costs a second, not a run. Temporaries carry the writing process's id: those of a process that no
 * longer runs (killed mid-write) are removed by the next write beside them.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * The absolute path a write to {@code target} replaces; a symbolic link there is refused (it is never followed, so
     * a write cannot land outside the directory named).
     */
    static Path resolve(Path target) {
        Path p = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(p)) {
            throw new IllegalArgumentException(target + " is a symbolic link; Engram does not write through links "
                    + "(give the path it points to)");
        }
        return p;
    }

    /**
     * {@code dir.resolve(name)} for a plain file name read from data: refused (IllegalArgumentException) when the name
     * is empty, {@code .} or {@code ..}, or holds a path separator, so it cannot name anything outside {@code dir}.
     */
    public static Path child(Path dir, String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("'" + name + "' is not a plain file name inside " + dir);
        }
        return dir.resolve(name);
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
            Path real = resolveFor(target, option);
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
            Path real = resolveFor(dir, option);
            if (Files.exists(real) && !Files.isDirectory(real)) {
                throw new IllegalArgumentException(option + " " + dir + " is " + (Files.isRegularFile(real) ? "a file"
                        : kind(real)) + ", not a directory");
            }
            checkWritableDirectory(real, option, dir);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + dir + ": " + e.getMessage());
        }
    }

    private static Path resolveFor(Path target, String option) {
        try {
            return resolve(target);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + e.getMessage());
        }
    }

    /**
     * The nearest existing directory at or above {@code dir} must be a directory in which a file can really be
     * created: a probe file is created there and removed (permissions alone do not tell: root may write anywhere by
     * permission, and /proc or a read-only mount refuse it anyway).
     */
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
        Path probe;
        try {
            probe = Files.createTempFile(p, ".engram-probe-", ".tmp");
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(option + " " + asGiven + ": cannot write in " + p + " (" + reason(e) + ")");
        }
        Files.deleteIfExists(probe);
        if (!p.equals(dir)) {
            // the directories to be created: one level is enough to show that mkdir works here
            Path first = dir;
            while (!first.getParent().equals(p)) {
                first = first.getParent();
            }
            try {
                Files.createDirectory(first);
                Files.delete(first);
            } catch (IOException | SecurityException e) {
                throw new IllegalArgumentException(option + " " + asGiven + ": cannot create " + first + " ("
                        + reason(e) + ")");
            }
        }
    }

    /** Why a file-system call failed, in words ("Read-only file system", "permission denied"), not a path. */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "the file system refuses new files there";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** This process's id, in the names of its temporaries. */
    private static final long PID = ProcessHandle.current().pid();

    /**
     * Removes temporaries that an earlier write of {@code name} in {@code dir} left when its process was killed:
     * {@code .NAME.PID.*.tmp} files and {@code .NAME.new-PID-*} / {@code .NAME.old-PID-*} directories whose process no
     * longer runs. Those of running processes (a concurrent writer) are left alone.
     */
    static void removeStaleTemporaries(Path dir, String name) {
        String prefix = "." + name + ".";
        try (var entries = Files.list(dir)) {
            for (Path e : (Iterable<Path>) entries::iterator) {
                String n = e.getFileName().toString();
                if (!n.startsWith(prefix)) {
                    continue;
                }
                String rest = n.substring(prefix.length());
                String pid = rest.startsWith("new-") || rest.startsWith("old-") ? rest.substring(4) : rest;
                int end = pid.indexOf(rest.startsWith("new-") || rest.startsWith("old-") ? '-' : '.');
                if (end <= 0 || !pid.substring(0, end).chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long owner = Long.parseLong(pid.substring(0, end));
                if (owner != PID && !ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    deleteTree(e);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover we cannot remove is no reason to refuse this write
        }
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /** Writes the content of one stream into a file. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically from content produced as a stream (a long CSV need not be held in memory): into
     * a temporary sibling, flushed to disk, renamed over the target. If {@code content} throws, the target is left as
     * it was and the temporary is removed.
     */
    public static void write(Path target, StreamWriter content) throws IOException {
        Path real = resolve(target);
        if (Files.exists(real, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(target + " is " + kind(real)
                    + "; Engram writes regular files only and will not replace it");
        }
        Path dir = real.getParent();
        Files.createDirectories(dir);
        removeStaleTemporaries(dir, real.getFileName().toString());
        Path tmp = Files.createTempFile(dir, "." + real.getFileName() + "." + PID + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream raw = Channels.newOutputStream(ch);
                    BufferedOutputStream buffered = new BufferedOutputStream(raw, 1 << 16)) {
                content.write(buffered);
                buffered.flush();
                ch.force(true);
            }
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
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
        write(target, content.getBytes(StandardCharsets.UTF_8));
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
    public static void replaceDirectory(Path dir, Predicate<String> mayReplace, DirectoryFiller fill)
            throws IOException {
        Path real = resolve(dir);
        checkReplaceable(dir, real, mayReplace);
        Path parent = real.getParent();
        Files.createDirectories(parent);
        removeStaleTemporaries(parent, real.getFileName().toString());
        String tag = PID + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
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

    private static void checkReplaceable(Path asGiven, Path real, Predicate<String> mayReplace)
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
    public static void checkReplaceableDirectory(Path dir, String option, Predicate<String> mayReplace) {
        try {
            Path real = resolveFor(dir, option);
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
            for (Path q : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(q);
            }
        }
    }

    /** The names an Engram report directory holds. */
    public static final Set<String> REPORT_FILES = Set.of("report.json", "figures.json", "summary.md", "index.html");
}
