package engram.report;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A deterministic 1/N slice of the claims: claim id goes to shard {@code crc32(id) mod N + 1}, so the split depends
 * only on the ids (not on the registry order, the machine or the time).
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("--shard must be I/N with 1 <= I <= N, got " + index + "/" + count);
        }
    }

    public static final Shard ALL = new Shard(1, 1);

    public static Shard parse(String text) {
        String[] parts = text.split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("--shard must be I/N (for example 2/4), got '" + text + "'");
    }

    public boolean includes(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % count == index - 1;
    }

    @Override public String toString() {
        return count == 1 ? "all" : index + "/" + count;
    }
}
