package engram.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Mutation scores per package and the surviving mutants, read from PIT's {@code mutations.xml} files (one per package
 * under {@code target/pit-reports/} after {@code mvn -Pmutation verify}). PIT's score counts a mutant as detected when
 * a test failed, timed out or crashed on it. Survivors listed in {@code properties/equivalent-mutants.csv} (class,
 * line, mutator, description, kind, reason) with kind "equivalent" are equivalent mutants: no input tells them apart;
 * they are kept in the list with their reason, and a second score leaves them out. Rows of kind "accepted" give a
 * survivor's reason but it counts against both scores. Each row excuses exactly one survivor: two survivors with the same
 * class, line, mutator and description need two rows (each with its own argument); rows that excuse no survivor are
 * listed in {@code unmatchedEntries}, so a stale list shows. The raw score is the headline.
 *
 * @param source where the XML files were read from
 */
public record MutationSummary(String source, List<PackageScore> packages, List<Survivor> survivors,
        List<String> unmatchedEntries) {

    /** The scores of one package. */
    public record PackageScore(String name, int mutants, int detected, int survived, int noCoverage, int equivalent,
            double score, double scoreWithoutEquivalent) {
    }

    /** A mutant no test detected (status SURVIVED or NO_COVERAGE). */
    public record Survivor(String mutatedClass, String method, int line, String mutator, String description,
            String status, String equivalentReason, String kind) {
    }

    /** A row of the list: {@code kind} is "equivalent" (no input tells) or "accepted" (a survivor with its reason). */
    public record Listed(String kind, String reason) {

        public boolean equivalent() {
            return "equivalent".equals(kind);
        }
    }

    /** The key under which an equivalent mutant is listed. */
    static String key(String mutatedClass, int line, String mutator, String description) {
        return mutatedClass + "|" + line + "|" + mutator + "|" + description;
    }

    /** Reads every {@code mutations.xml} under {@code dir} (or the file itself). */
    public static MutationSummary read(Path dir, Map<String, List<Listed>> equivalent) throws IOException {
        Map<String, ArrayDeque<Listed>> unused = new TreeMap<>();
        equivalent.forEach((k, v) -> unused.put(k, new ArrayDeque<>(v)));
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException("--mutations: not found: " + dir + " (run mvn -Pmutation verify first)");
        }
        List<Path> files;
        if (Files.isRegularFile(dir)) {
            files = List.of(dir);
        } else {
            try (Stream<Path> walk = Files.walk(dir, 3)) {
                files = walk.filter(p -> p.getFileName().toString().equals("mutations.xml")).sorted().toList();
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("--mutations: no mutations.xml under " + dir
                    + " (run mvn -Pmutation verify first)");
        }
        Map<String, int[]> counts = new TreeMap<>(); // mutants, detected, survived, noCoverage, equivalent
        List<Survivor> survivors = new ArrayList<>();
        for (Path f : files) {
            Document doc = parse(f);
            NodeList list = doc.getElementsByTagName("mutation");
            for (int k = 0; k < list.getLength(); k++) {
                Element m = (Element) list.item(k);
                String status = m.getAttribute("status");
                String cls = text(m, "mutatedClass");
                String pkg = cls.contains(".") ? cls.substring(0, cls.lastIndexOf('.')) : "";
                int[] c = counts.computeIfAbsent(pkg, x -> new int[5]);
                c[0]++;
                if (Boolean.parseBoolean(m.getAttribute("detected"))) {
                    c[1]++;
                    continue;
                }
                if (status.equals("NO_COVERAGE")) {
                    c[3]++;
                } else {
                    c[2]++;
                }
                int line = Integer.parseInt(text(m, "lineNumber"));
                String mutator = text(m, "mutator");
                mutator = mutator.substring(mutator.lastIndexOf('.') + 1);
                String description = text(m, "description");
                ArrayDeque<Listed> rows = unused.get(key(cls, line, mutator, description));
                Listed listed = rows == null ? null : rows.poll();
                if (listed != null && listed.equivalent()) {
                    c[4]++;
                }
                survivors.add(new Survivor(cls, text(m, "mutatedMethod"), line, mutator, description, status,
                        listed == null ? null : listed.reason(), listed == null ? null : listed.kind()));
            }
        }
        List<PackageScore> scores = new ArrayList<>();
        counts.forEach((pkg, c) -> scores.add(new PackageScore(pkg, c[0], c[1], c[2], c[3], c[4],
                c[0] == 0 ? 1 : (double) c[1] / c[0], c[0] - c[4] == 0 ? 1 : (double) c[1] / (c[0] - c[4]))));
        List<String> unmatched = new ArrayList<>();
        unused.forEach((k, v) -> v.forEach(r -> unmatched.add(k)));
        return new MutationSummary(dir.toString(), scores, survivors, unmatched);
    }

    private static Document parse(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = dbf.newDocumentBuilder();
            // the default handler prints "[Fatal Error] ..." on stderr before throwing: report it once, in the exception
            builder.setErrorHandler(new DefaultHandler() {
                @Override public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(in);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("--mutations: cannot read " + f + ": " + e.getMessage());
        }
    }

    private static String text(Element m, String tag) {
        NodeList l = m.getElementsByTagName(tag);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().trim();
    }

    /**
     * The equivalent mutants listed in a CSV file (class, line, mutator, description, reason), one reason per row
     * under each key; empty if absent.
     */
    public static Map<String, List<Listed>> equivalents(Path csv) throws IOException {
        Map<String, List<Listed>> out = new TreeMap<>();
        if (!Files.exists(csv)) {
            return out;
        }
        for (Map<String, String> row : Csv.readRows(csv)) {
            String kind = row.getOrDefault("kind", "equivalent");
            if (!kind.equals("equivalent") && !kind.equals("accepted")) {
                throw new IllegalArgumentException(csv + ": kind must be equivalent or accepted, got " + kind);
            }
            out.computeIfAbsent(key(row.get("class"), Integer.parseInt(row.get("line").trim()), row.get("mutator"),
                    row.get("description")), k -> new ArrayList<>()).add(new Listed(kind, row.get("reason")));
        }
        return out;
    }
}
