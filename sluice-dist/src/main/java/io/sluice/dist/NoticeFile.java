package io.sluice.dist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Writes the release archives' NOTICE files: every jar of {@code lib/} with its coordinates and the licences
 * its Maven pom declares (a parent pom's when it declares none), then the NOTICE texts the libraries carry
 * inside their jars. {@code NOTICE-runtime} adds the bundled Java runtime. Fails when a jar of lib/ is not
 * in the dependency list or has no licence, so the list is complete. Runs at build time.
 */
public final class NoticeFile {

    private static final List<String> JAR_NOTICES = List.of("META-INF/NOTICE", "META-INF/NOTICE.txt",
            "META-INF/NOTICE.md");

    /** One bundled library: its coordinates, the jar's file name in lib/, its licences. */
    record Library(String coordinates, String fileName, List<String> licences) {
    }

    private NoticeFile() {
    }

    /** {@code args}: the output of dependency:list, the lib/ directory, the output directory, the version. */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: NoticeFile <dependency list> <lib dir> <output dir> <version>");
        }
        Path lib = Path.of(args[1]);
        Path out = Path.of(args[2]);
        List<Library> libraries = libraries(Files.readAllLines(Path.of(args[0])), lib);
        String notice = render(args[3], libraries, jarNotices(lib, libraries));
        Files.createDirectories(out);
        Files.writeString(out.resolve("NOTICE"), notice, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("NOTICE-runtime"), notice + runtimeNotice(), StandardCharsets.UTF_8);
        System.out.println("[sluice-dist] NOTICE lists " + libraries.size() + " libraries");
    }

    static List<Library> libraries(List<String> dependencyList, Path lib) throws Exception {
        Map<String, Library> byFile = new TreeMap<>();
        for (String raw : dependencyList) {
            String line = raw.strip();
            int module = line.indexOf(" -- ");
            if (module > 0) {
                line = line.substring(0, module).strip();
            }
            String[] parts = line.split(":");
            if (parts.length != 6 && parts.length != 7) {
                continue; // the header, blank lines
            }
            String group = parts[0];
            String artifact = parts[1];
            String type = parts[2];
            String classifier = parts.length == 7 ? parts[3] : "";
            String version = parts[parts.length - 3];
            Path file = Path.of(parts[parts.length - 1]);
            String fileName = artifact + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + "." + type;
            List<String> licences = group.equals("io.sluice")
                    ? List.of("Sluice itself: see LICENSE")
                    : licences(file.getParent().resolve(artifact + "-" + version + ".pom"), repositoryRoot(file, group));
            String coordinates = group + ":" + artifact + ":" + version + (classifier.isEmpty() ? "" : ":" + classifier);
            byFile.put(fileName, new Library(coordinates, fileName, licences));
        }
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(lib)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jar"))
                    .filter(n -> !byFile.containsKey(n) || byFile.get(n).licences().isEmpty())
                    .forEach(missing::add);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("NOTICE would be incomplete: no licence found for " + missing
                    + "; add the library's licence to NoticeFile or fix its pom lookup");
        }
        return List.copyOf(byFile.values());
    }

    /** The licence names of a pom, else of its nearest parent that has some. */
    private static List<String> licences(Path pom, Path repository) throws Exception {
        for (int depth = 0; depth < 10 && Files.exists(pom); depth++) {
            Document doc;
            try (InputStream in = Files.newInputStream(pom)) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
                factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                doc = factory.newDocumentBuilder().parse(in);
            }
            Element project = doc.getDocumentElement();
            List<String> names = new ArrayList<>();
            Element licences = child(project, "licenses");
            if (licences != null) {
                NodeList list = licences.getElementsByTagName("license");
                for (int i = 0; i < list.getLength(); i++) {
                    Element licence = (Element) list.item(i);
                    Element name = child(licence, "name");
                    Element url = child(licence, "url");
                    String text = name != null ? name.getTextContent().strip() : "";
                    if (url != null && !url.getTextContent().isBlank()) {
                        text = text + (text.isEmpty() ? "" : " ") + "<" + url.getTextContent().strip() + ">";
                    }
                    if (!text.isEmpty()) {
                        names.add(text.replaceAll("\\s+", " "));
                    }
                }
            }
            if (!names.isEmpty()) {
                return names;
            }
            Element parent = child(project, "parent");
            if (parent == null) {
                return List.of();
            }
            String g = child(parent, "groupId").getTextContent().strip();
            String a = child(parent, "artifactId").getTextContent().strip();
            String v = child(parent, "version").getTextContent().strip();
            pom = repository.resolve(g.replace('.', '/')).resolve(a).resolve(v).resolve(a + "-" + v + ".pom");
        }
        return List.of();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    /** The local repository a resolved artifact lies in: {@code <repo>/<group as path>/<artifact>/<version>/file}. */
    private static Path repositoryRoot(Path artifactFile, String group) {
        Path root = artifactFile.getParent().getParent().getParent();
        for (int i = group.split("\\.").length; i > 1; i--) {
            root = root.getParent();
        }
        return root.getParent();
    }

    /** The distinct NOTICE texts the jars carry, each with the jars that carry it. */
    private static Map<String, Set<String>> jarNotices(Path lib, List<Library> libraries) throws IOException {
        Map<String, Set<String>> byText = new LinkedHashMap<>();
        for (Library library : libraries) {
            try (JarFile jar = new JarFile(lib.resolve(library.fileName()).toFile())) {
                for (String name : JAR_NOTICES) {
                    ZipEntry entry = jar.getEntry(name);
                    if (entry != null) {
                        String text = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8).strip();
                        byText.computeIfAbsent(text, t -> new LinkedHashSet<>()).add(library.fileName());
                    }
                }
            }
        }
        return byText;
    }

    static String render(String version, List<Library> libraries, Map<String, Set<String>> jarNotices) {
        StringBuilder s = new StringBuilder();
        s.append("Sluice ").append(version).append('\n')
                .append("An HTTP-to-Kafka ingestion gateway. Its own licence is in LICENSE.\n\n")
                .append("This distribution bundles the following libraries in lib/, each under its own licence\n")
                .append("(as its Maven pom declares it; the full texts travel inside each jar, under META-INF/).\n\n");
        for (Library library : libraries) {
            s.append(library.coordinates()).append("  (lib/").append(library.fileName()).append(")\n");
            library.licences().forEach(licence -> s.append("    ").append(licence).append('\n'));
        }
        if (!jarNotices.isEmpty()) {
            s.append("\n\nNotices the bundled libraries carry (Apache License 2.0, section 4(d)), as they ship them\n");
            jarNotices.forEach((text, jars) -> s.append("\n---- from ").append(String.join(", ", jars))
                    .append(" ----\n").append(text).append('\n'));
        }
        return s.toString();
    }

    private static String runtimeNotice() {
        return "\n\nThe Java runtime in runtime/ was made with jlink from " + System.getProperty("java.vendor") + " "
                + System.getProperty("java.runtime.name") + " " + System.getProperty("java.runtime.version")
                + ".\nIt is licensed under the GNU General Public License, version 2, with the Classpath Exception;"
                + "\nits licence and third-party notices are in runtime/legal/.\n";
    }
}
