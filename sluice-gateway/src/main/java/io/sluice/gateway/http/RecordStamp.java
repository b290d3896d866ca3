package io.sluice.gateway.http;

import io.sluice.gateway.ingest.IngestRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Immutable and thread-safe: adds the record headers the gateway itself vouches for, in every produce
 * format (Sluice's own and the peers'): the W3C trace context of the request ({@code --trace-headers},
 * see {@link TraceContext}) and the admitted principal ({@code --principal-header NAME}). A header of the
 * same name the client sent ({@code Kafka-Header-<name>}, or a peer envelope's header) is dropped first,
 * so identity cannot be spoofed and a trace context is not doubled. A request that brings nothing to add
 * gets its records back as they are, without allocating.
 */
public final class RecordStamp {
    /** Adds nothing. */
    public static final RecordStamp NONE = new RecordStamp(null, false);

    private final String principalHeader;
    private final boolean traceHeaders;

    /**
     * @param principalHeader the record header carrying the principal's name, or null for none
     * @param traceHeaders    whether {@code traceparent}/{@code tracestate} become record headers
     */
    public RecordStamp(String principalHeader, boolean traceHeaders) {
        this.principalHeader = principalHeader;
        this.traceHeaders = traceHeaders;
    }

    /** The records of {@code req} with the headers it earns, in order. */
    public List<IngestRecord> apply(List<IngestRecord> records, GatewayRequest req) {
        List<Map.Entry<String, byte[]>> added = added(req);
        if (added.isEmpty()) {
            return records;
        }
        List<IngestRecord> out = new ArrayList<>(records.size());
        for (IngestRecord r : records) {
            out.add(with(r, added));
        }
        return out;
    }

    /** One record of {@code req} with the headers it earns. */
    public IngestRecord apply(IngestRecord record, GatewayRequest req) {
        List<Map.Entry<String, byte[]>> added = added(req);
        return added.isEmpty() ? record : with(record, added);
    }

    private List<Map.Entry<String, byte[]>> added(GatewayRequest req) {
        List<Map.Entry<String, byte[]>> trace = traceHeaders ? TraceContext.recordHeaders(req.headers()) : List.of();
        if (principalHeader == null) {
            return trace;
        }
        List<Map.Entry<String, byte[]>> added = new ArrayList<>(trace.size() + 1);
        added.addAll(trace);
        added.add(Map.entry(principalHeader, req.principal().name().getBytes(StandardCharsets.UTF_8)));
        return added;
    }

    private static IngestRecord with(IngestRecord r, List<Map.Entry<String, byte[]>> added) {
        List<Map.Entry<String, byte[]>> headers = new ArrayList<>(r.headers().size() + added.size());
        for (Map.Entry<String, byte[]> h : r.headers()) {
            if (!isNamedIn(h.getKey(), added)) {
                headers.add(h);
            }
        }
        headers.addAll(added);
        return new IngestRecord(r.partition(), r.key(), r.value(), headers, r.timestamp());
    }

    private static boolean isNamedIn(String name, List<Map.Entry<String, byte[]>> headers) {
        for (Map.Entry<String, byte[]> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
