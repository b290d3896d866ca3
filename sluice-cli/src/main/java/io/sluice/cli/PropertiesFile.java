package io.sluice.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Reads a Java properties file (UTF-8) into a sorted map, failing with a message that names the file and its source. */
final class PropertiesFile {

    private PropertiesFile() {
    }

    /**
     * @param file  the file to read
     * @param given how the user named it, for the error message, e.g. "--config" or "SLUICE_CONFIG"
     */
    static Map<String, String> read(Path file, String given) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new CliException("file '" + file + "' (from " + given + ") does not exist; check the path");
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException("cannot read '" + file + "' (from " + given + "): " + e.getMessage()
                    + "; it must be a readable Java properties file (key=value lines)");
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }
}
