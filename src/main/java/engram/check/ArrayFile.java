package engram.check;

import engram.Heap;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openlca.npy.Npy;
import org.openlca.npy.NpyArray;
import org.openlca.npy.NpyHeader;
import org.openlca.npy.Npz;

/**
 * A numeric array read from a user's file: NumPy {@code .npy} or {@code .npz} (any numeric dtype, either memory order,
 * through org.openlca:npy; an archive's only array, or the one named W, Xi or u) or CSV (numbers separated by commas, one row per line, no header). Rows and columns in row-major
 * order; a one-dimensional array is one column. Every problem (unreadable, truncated, not numeric, not finite) is an
 * {@link IllegalArgumentException} naming the option and the file.
 */
public record ArrayFile(int rows, int cols, double[] data) {

    public static ArrayFile read(Path file, String option) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(option + ": cannot read " + file + " (not a readable file)");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ArrayFile a;
        if (name.endsWith(".npy")) {
            a = npy(file, option);
        } else if (name.endsWith(".npz")) {
            a = npz(file, option);
        } else if (name.endsWith(".csv") || name.endsWith(".txt")) {
            a = csv(file, option);
        } else {
            throw new IllegalArgumentException(option + ": " + file + " is neither .npy, .npz nor .csv");
        }
        for (int k = 0; k < a.data.length; k++) {
            if (!Double.isFinite(a.data[k])) {
                throw new IllegalArgumentException(option + ": " + file + " has a non-finite entry (" + a.data[k]
                        + ") at row " + k / a.cols + ", column " + k % a.cols);
            }
        }
        if (a.data.length == 0) {
            throw new IllegalArgumentException(option + ": " + file + " is empty");
        }
        return a;
    }

    /** The array name looked for in an .npz archive with several arrays, per option. */
    static String npzName(String option) {
        return switch (option) {
            case "--couplings" -> "W";
            case "--patterns" -> "Xi";
            default -> "u";
        };
    }

    /** An .npz archive (numpy.savez): its only array, or the one named W, Xi or u for the option. */
    private static ArrayFile npz(Path file, String option) {
        List<String> entries;
        try {
            entries = Npz.entries(file.toFile());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + ": " + file + " is not a readable .npz archive (" + describe(e)
                    + ")");
        }
        String wanted = npzName(option);
        String entry = entries.size() == 1 ? entries.get(0)
                : entries.contains(wanted + ".npy") ? wanted + ".npy" : entries.contains(wanted) ? wanted : null;
        if (entry == null) {
            throw new IllegalArgumentException(option + ": " + file + " holds " + entries + "; expected one array, or one "
                    + "named " + wanted);
        }
        NpyArray<?> array;
        try {
            array = Npz.read(file.toFile(), entry);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + ": " + file + ": cannot read " + entry + " (" + describe(e) + ")");
        }
        return fromArray(array, file, option);
    }

    private static ArrayFile npy(Path file, String option) {
        // the header states the data's size: a shorter file is truncated (the reader would not always say so)
        try (InputStream in = Files.newInputStream(file)) {
            NpyHeader header = NpyHeader.read(in);
            long size = header.dict().dataSize();
            for (int d : header.dict().shape()) {
                if (d < 0) {
                    size = -1;
                }
            }
            if (size < 0) {
                throw new IllegalArgumentException(option + ": " + file + " is not a readable .npy file (its header "
                        + "announces a shape too large for one array)");
            }
            long expected = header.dataOffset() + size;
            long count = 1;
            for (int d : header.dict().shape()) {
                count = Math.multiplyExact(count, (long) d);
            }
            // the reader's array, its doubles and the network's copies
            Heap.elements(option + " " + file, count);
            Heap.checkDoubles(option + " " + file + " (" + count + " entries)", 4.0 * count);
            long actual = Files.size(file);
            if (actual < expected) {
                throw new IllegalArgumentException(option + ": " + file + " is truncated (" + actual + " bytes, its header "
                        + "announces " + expected + ")");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage().startsWith(option)) {
                throw iae;
            }
            throw new IllegalArgumentException(option + ": " + file + " is not a readable .npy file (" + describe(e) + ")");
        }
        NpyArray<?> array;
        try {
            array = Npy.read(file.toFile());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + ": " + file + " is not a readable .npy file (" + describe(e) + ")");
        }
        return fromArray(array, file, option);
    }

    /** A reader's exception in words: a bare number (an overflowed byte count) says that the header is impossible. */
    static String describe(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.trim().matches("-?\\d+")) {
            return "its header announces a size that does not fit: " + e.getClass().getSimpleName()
                    + (m == null ? "" : " " + m.trim());
        }
        return m.strip().lines().findFirst().orElse(m);
    }

    private static ArrayFile fromArray(NpyArray<?> array, Path file, String option) {
        if (array.isBooleanArray() || array.isCharArray()) {
            throw new IllegalArgumentException(option + ": " + file + " holds " + array.dataType() + ", not numbers");
        }
        int[] shape = array.shape();
        if (shape.length > 2 || shape.length == 0) {
            throw new IllegalArgumentException(option + ": " + file + " has " + shape.length + " dimensions, expected 1 or 2");
        }
        int rows = shape[0], cols = shape.length == 2 ? shape[1] : 1;
        // uint64 arrives as BigInteger (beyond a long); as doubles, exact up to 2^53 as every other integer dtype
        double[] raw = array.isBigIntegerArray()
                ? Arrays.stream((BigInteger[]) array.data()).mapToDouble(BigInteger::doubleValue).toArray()
                : array.asDoubleArray().data();
        if (raw.length != rows * cols) {
            throw new IllegalArgumentException(option + ": " + file + " is truncated (" + raw.length + " of " + rows * cols
                    + " entries)");
        }
        if (shape.length == 2 && array.hasColumnOrder()) {
            double[] t = new double[raw.length];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    t[i * cols + j] = raw[j * rows + i];
                }
            }
            raw = t;
        }
        return new ArrayFile(rows, cols, raw);
    }

    private static ArrayFile csv(Path file, String option) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + ": cannot read " + file + " (" + e.getMessage() + ")");
        }
        List<double[]> rows = new ArrayList<>();
        int cols = -1;
        for (int l = 0; l < lines.size(); l++) {
            String line = lines.get(l).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("[,;\\s]+");
            if (cols >= 0 && parts.length != cols) {
                throw new IllegalArgumentException(option + ": " + file + " line " + (l + 1) + " has " + parts.length
                        + " values, the first row has " + cols);
            }
            cols = parts.length;
            double[] row = new double[cols];
            for (int j = 0; j < cols; j++) {
                try {
                    row[j] = Double.parseDouble(parts[j]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(option + ": " + file + " line " + (l + 1) + ": '" + parts[j]
                            + "' is not a number");
                }
            }
            rows.add(row);
        }
        double[] data = new double[rows.size() * Math.max(cols, 0)];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, data, i * cols, cols);
        }
        // a single row is a vector too
        return rows.size() == 1 ? new ArrayFile(cols, 1, data) : new ArrayFile(rows.size(), Math.max(cols, 0), data);
    }

    /** As a vector (one row or one column). */
    public double[] vector(String option, Path file) {
        if (rows != 1 && cols != 1) {
            throw new IllegalArgumentException(option + ": " + file + " is a " + rows + " x " + cols
                    + " matrix, expected a vector");
        }
        return data.clone();
    }
}
