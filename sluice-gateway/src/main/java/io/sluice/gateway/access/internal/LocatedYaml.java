package io.sluice.gateway.access.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.gateway.access.PolicyFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into a small tree whose every node and key knows its 1-based line, so a policy
 * file's validation can say where a problem is. Immutable once read; used at load time only.
 *
 * <p>Jackson's {@code JsonNode} forgets token locations, so the document is walked token by token with a
 * {@code YAMLParser}. A repeated key in one mapping is an error (YAML forbids it; Jackson would keep the
 * last one silently).
 */
public final class LocatedYaml {
    private static final YAMLFactory YAML = new YAMLFactory();

    private LocatedYaml() {
    }

    /** A node of the tree. */
    public sealed interface Node permits Scalar, Sequence, Mapping {
        /** The 1-based line where the node starts. */
        int line();

        /** What the node is, for error messages: "a mapping", "a list", "a value". */
        String kind();
    }

    /** A scalar; {@code text} is null for YAML's null (an empty value). */
    public record Scalar(String text, int line) implements Node {
        @Override
        public String kind() {
            return text == null ? "an empty value" : "a value";
        }
    }

    /** A list. */
    public record Sequence(List<Node> items, int line) implements Node {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A mapping, keys in file order. */
    public record Mapping(Map<String, Entry> entries, int line) implements Node {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** One key of a mapping, with the line of the key itself. */
    public record Entry(String key, int keyLine, Node value) {
    }

    /**
     * Reads one YAML document; null when the file holds none (empty or only comments).
     *
     * @throws PolicyFileException on malformed YAML, a repeated key, or more than one document
     */
    public static Node read(Path file, byte[] content) throws PolicyFileException {
        try (JsonParser p = YAML.createParser(content)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            Node root = readValue(file, p);
            if (p.nextToken() != null) {
                throw new PolicyFileException(file, line(p.currentTokenLocation()),
                        "a second YAML document ('---'); the file must hold one");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new PolicyFileException(file, e.getLocation() == null ? 0 : line(e.getLocation()),
                    "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new PolicyFileException(file, 0, "cannot parse: " + e);
        }
    }

    private static Node readValue(Path file, JsonParser p) throws IOException, PolicyFileException {
        int line = line(p.currentTokenLocation());
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p.currentTokenLocation());
                    p.nextToken();
                    Node value = readValue(file, p);
                    if (entries.putIfAbsent(key, new Entry(key, keyLine, value)) != null) {
                        throw new PolicyFileException(file, keyLine, "'" + key + "' appears twice in one mapping");
                    }
                }
                return new Mapping(Collections.unmodifiableMap(entries), line);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(file, p));
                }
                return new Sequence(List.copyOf(items), line);
            }
            case VALUE_NULL -> {
                return new Scalar(null, line);
            }
            default -> {
                return new Scalar(p.getText(), line);
            }
        }
    }

    private static int line(JsonLocation at) {
        return Math.max(0, at.getLineNr());
    }
}
