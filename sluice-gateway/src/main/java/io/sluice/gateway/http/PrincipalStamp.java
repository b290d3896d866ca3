package io.sluice.gateway.http;

import io.sluice.gateway.access.Principal;
import io.sluice.gateway.ingest.IngestRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Immutable and thread-safe: stamps records with the admitted principal as a record header
 * ({@code --principal-header NAME}) in every produce format, Sluice's own and the peers'. A header of that
 * name the client sent is dropped first, so identity cannot be spoofed. {@link #NONE} returns the records
 * as they are, without allocating.
 */
public final class PrincipalStamp {
    /** No principal header configured. */
    public static final PrincipalStamp NONE = new PrincipalStamp(null);

    private final String header;

    /** @param header the record header's name, or null for none */
    public PrincipalStamp(String header) {
        this.header = header;
    }

    /** The records with {@code who} as the principal header, in order. */
    public List<IngestRecord> apply(List<IngestRecord> records, Principal who) {
        if (header == null) {
            return records;
        }
        List<IngestRecord> out = new ArrayList<>(records.size());
        for (IngestRecord r : records) {
            out.add(apply(r, who));
        }
        return out;
    }

    /** The record with {@code who} as the principal header. */
    public IngestRecord apply(IngestRecord r, Principal who) {
        if (header == null) {
            return r;
        }
        List<Map.Entry<String, byte[]>> headers = new ArrayList<>(r.headers().size() + 1);
        for (Map.Entry<String, byte[]> h : r.headers()) {
            if (!h.getKey().equalsIgnoreCase(header)) {
                headers.add(h);
            }
        }
        headers.add(Map.entry(header, who.name().getBytes(StandardCharsets.UTF_8)));
        return new IngestRecord(r.partition(), r.key(), r.value(), headers, r.timestamp());
    }
}
