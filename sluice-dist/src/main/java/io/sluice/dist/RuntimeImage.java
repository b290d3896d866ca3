package io.sluice.dist;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Makes the Java runtime of the {@code -runtime} release archive with jlink, trimmed to the modules Sluice
 * needs: those the jars of {@code lib/} require (a modular jar's non-static {@code requires}, jdeps' answer
 * for the others), plus the ones named on the command line, which code loads by name or reflectively
 * (SASL, JNDI, JFR, jcmd; see sluice-dist/pom.xml). Runs at build time in the build's own JVM, so the
 * runtime is the JDK that builds the release; both tools run in-process ({@link ToolProvider}).
 */
public final class RuntimeImage {

    private RuntimeImage() {
    }

    /** {@code args}: the lib/ directory, the output directory (replaced), extra modules (comma-separated). */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: RuntimeImage <lib dir> <output dir> <extra modules,...>");
        }
        Path lib = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Set<String> modules = requiredModules(jars(lib));
        for (String extra : args[2].split(",")) {
            if (!extra.isBlank()) {
                modules.add(extra.trim());
            }
        }
        modules.removeIf(name -> {
            boolean absent = ModuleFinder.ofSystem().find(name).isEmpty();
            if (absent) {
                System.out.println("[sluice-dist] module " + name + " is not in this JDK (" + Runtime.version()
                        + "); the runtime goes without it");
            }
            return absent;
        });
        deleteRecursively(out);
        // No --compress: the image is larger unpacked (about 100 MB against 67 MB with zip-6), but jlink takes half
        // the time, the tar.gz comes out smaller (gzip does better on uncompressed modules) and nothing is
        // inflated at class loading. No --generate-cds-archive: +28 MB and no start-up gain measurable here.
        run("jlink", "--add-modules", String.join(",", modules), "--output", out.toString(),
                "--strip-debug", "--no-man-pages", "--no-header-files");
        System.out.println("[sluice-dist] Java runtime " + Runtime.version() + " with " + modules.size()
                + " modules in " + out + ": " + String.join(",", modules));
    }

    /** The JDK modules the jars need. */
    static Set<String> requiredModules(List<Path> jars) {
        Set<String> modules = new TreeSet<>();
        List<String> plainJars = new ArrayList<>();
        for (Path jar : jars) {
            Optional<ModuleDescriptor> descriptor = explicitModule(jar);
            if (descriptor.isPresent()) {
                descriptor.get().requires().stream()
                        .filter(r -> !r.modifiers().contains(Requires.Modifier.STATIC))
                        .map(Requires::name)
                        .forEach(modules::add);
            } else {
                plainJars.add(jar.toString());
            }
        }
        if (!plainJars.isEmpty()) {
            List<String> jdepsArgs = new ArrayList<>(List.of("-q", "--ignore-missing-deps", "--multi-release",
                    String.valueOf(Runtime.version().feature()), "-summary"));
            jdepsArgs.addAll(plainJars);
            for (String line : run("jdeps", jdepsArgs.toArray(String[]::new)).split("\n")) {
                String[] arrow = line.split(" -> ");
                if (arrow.length == 2) {
                    modules.add(arrow[1].trim());
                }
            }
        }
        modules.removeIf(name -> !(name.startsWith("java.") || name.startsWith("jdk.")));
        return modules;
    }

    /** A jar's own module descriptor; empty for plain jars, automatic modules and jars no module name fits. */
    private static Optional<ModuleDescriptor> explicitModule(Path jar) {
        try {
            return ModuleFinder.of(jar).findAll().stream().findFirst().map(ModuleReference::descriptor)
                    .filter(d -> !d.isAutomatic());
        } catch (FindException e) {
            return Optional.empty(); // e.g. kafka_2.13: "2" is no Java identifier
        }
    }

    private static List<Path> jars(Path lib) throws IOException {
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static String run(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException(
                tool + " is not in this JDK (" + System.getProperty("java.home") + "); build the release with a full JDK 21+"));
        StringWriter out = new StringWriter();
        int code = provider.run(new PrintWriter(out, true), new PrintWriter(out, true), args);
        if (code != 0) {
            throw new IllegalStateException(tool + " " + String.join(" ", args) + " failed (" + code + "):\n" + out);
        }
        return out.toString();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
