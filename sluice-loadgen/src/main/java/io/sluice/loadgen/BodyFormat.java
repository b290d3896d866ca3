package io.sluice.loadgen;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a load request carries its records: Sluice's raw body (one record per request), NDJSON (one record per
 * line) or the REST Proxy v2 JSON envelope ({@code {"records":[{"value":{...}}, ...]}}). Each record is the
 * experiment's JSON payload ({@link RequestTemplate#jsonPayload}), so the three formats publish the same
 * values and their records per second compare directly. Immutable.
 */
public enum BodyFormat {
    RAW("raw", "application/json"),
    NDJSON("ndjson", "application/x-ndjson"),
    V2_JSON("v2-json", "application/vnd.kafka.json.v2+json");

    private final String cliName;
    private final String contentType;

    BodyFormat(String cliName, String contentType) {
        this.cliName = cliName;
        this.contentType = contentType;
    }

    public String cliName() {
        return cliName;
    }

    public String contentType() {
        return contentType;
    }

    /** Whether a request may carry more than one record. */
    public boolean batches() {
        return this != RAW;
    }

    /**
     * A body of {@code records} records of {@code payloadBytes} bytes each.
     *
     * @throws IllegalArgumentException for a raw body of more than one record (raw is one record per request)
     */
    public byte[] body(int records, int payloadBytes) {
        if (records < 1 || records > 1 && !batches()) {
            throw new IllegalArgumentException(cliName + " carries " + (batches() ? "at least 1 record" : "exactly 1 "
                    + "record") + " per request, not " + records);
        }
        byte[] record = RequestTemplate.jsonPayload(payloadBytes);
        if (this == RAW) {
            return record;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(records * (record.length + 12) + 16);
        if (this == NDJSON) {
            for (int i = 0; i < records; i++) {
                out.writeBytes(record);
                out.write('\n');
            }
            return out.toByteArray();
        }
        out.writeBytes("{\"records\":[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < records; i++) {
            out.writeBytes((i == 0 ? "{\"value\":" : ",{\"value\":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(record);
            out.write('}');
        }
        out.writeBytes("]}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The request template: POST {@code path} with {@code records} records per request. */
    public RequestTemplate template(String host, int port, String path, int records, int payloadBytes) {
        return new RequestTemplate(host, port, path, contentType, body(records, payloadBytes));
    }

    /** {@code raw}, {@code ndjson} or {@code v2-json}, case-insensitive. */
    public static BodyFormat parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (BodyFormat f : values()) {
            if (f.cliName.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown body format '" + name + "'; use one of "
                + Arrays.stream(values()).map(BodyFormat::cliName).toList());
    }
}
