package engram.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading a text file that a user named (a baseline, a history, a measurement, a shard's files): it must be a regular
 * file of at most {@value #MAX_MEGABYTES} MB holding UTF-8 text without NUL characters. Anything else is one
 * {@link IllegalArgumentException} naming the option, the file and the problem (exit 2 on the command line), so a
 * binary file, a device or a directory is refused in a line rather than with an encoding error or a stack trace.
 */
public final class TextFiles {

    public static final int MAX_MEGABYTES = 256;

    private TextFiles() {
    }

    /** The file's text; {@code option} names where it came from ({@code --baseline}, {@code DIR}, ...). */
    public static String read(Path file, String option) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(option + " " + file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + " " + file + " is " + (Files.isDirectory(file) ? "a directory"
                    : AtomicFiles.kind(file)) + ", not a file");
        }
        byte[] bytes;
        try {
            if (Files.size(file) > (long) MAX_MEGABYTES << 20) {
                throw new IllegalArgumentException(option + " " + file + ": larger than " + MAX_MEGABYTES
                        + " MB, not a file Engram wrote");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(option + " " + file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": cannot read (" + firstLine(e.getMessage()) + ")");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') < 0) {
                return text;
            }
        } catch (CharacterCodingException e) {
            // fall through: binary
        }
        throw new IllegalArgumentException(option + " " + file + ": not a text file (binary content)");
    }

    /** The first line of a message, at most 200 characters: what a one-line error can quote. */
    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
