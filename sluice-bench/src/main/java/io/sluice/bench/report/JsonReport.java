package io.sluice.bench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sluice.bench.model.BenchRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code results.json}: a {@link BenchRun} as indented JSON, the machine-readable twin of the terminal
 * table and the input of {@code --compare}. Unknown values (NaN) are written as the string {@code "NaN"};
 * properties this version does not know are ignored on reading, so older tools read newer results.
 * Thread-safe.
 */
public final class JsonReport {
    public static final String FILE_NAME = "results.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonReport() {
    }

    public static String toJson(BenchRun run) {
        try {
            return MAPPER.writeValueAsString(run);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the run as JSON", e);
        }
    }

    /** @throws IOException when the text is not a bench run */
    public static BenchRun fromJson(String json) throws IOException {
        return MAPPER.readValue(json, BenchRun.class);
    }

    /** Writes any report model (e.g. a soak run) as indented JSON, the same way as a bench run. */
    public static void writeValue(Object value, Path file) throws IOException {
        Files.writeString(file, MAPPER.writeValueAsString(value) + "\n");
    }

    /** Reads a report model written by {@link #writeValue}. */
    public static <T> T readValue(Path file, Class<T> type) throws IOException {
        return MAPPER.readValue(Files.readString(file), type);
    }

    public static void write(BenchRun run, Path file) throws IOException {
        Files.writeString(file, toJson(run) + "\n");
    }

    /** @throws IOException when the file cannot be read or is not a bench run's results */
    public static BenchRun read(Path file) throws IOException {
        try {
            return fromJson(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not a sluice bench results file: " + e.getOriginalMessage(), e);
        }
    }
}
