package io.sluice.gateway.http.raw;

import io.sluice.gateway.http.RequestHeaders;
import java.util.function.BiConsumer;

/**
 * The header fields of one request as the {@link RawRequestParser} read them: names and values side by
 * side in one array, in arrival order. Immutable once built, so safe to read from any thread; a lookup
 * is a linear, case-insensitive scan that allocates nothing (requests carry a handful of fields).
 */
final class RawRequestHeaders implements RequestHeaders {
    static final RawRequestHeaders EMPTY = new RawRequestHeaders(new String[0], 0);

    /** name0, value0, name1, value1, ... */
    private final String[] fields;
    private final int count;

    /** Takes ownership of {@code fields}: the first {@code count} name/value pairs are the headers. */
    RawRequestHeaders(String[] fields, int count) {
        this.fields = fields;
        this.count = count;
    }

    @Override
    public String get(String name) {
        for (int i = 0; i < 2 * count; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                return fields[i + 1];
            }
        }
        return null;
    }

    @Override
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < 2 * count; i += 2) {
            action.accept(fields[i], fields[i + 1]);
        }
    }

    /** The number of header fields (repeated names count once per line). */
    int size() {
        return count;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        forEach((n, v) -> sb.append(sb.length() > 1 ? ", " : "").append(n).append(": ").append(v));
        return sb.append('}').toString();
    }
}
