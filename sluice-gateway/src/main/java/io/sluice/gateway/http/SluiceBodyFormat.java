package io.sluice.gateway.http;

import io.sluice.gateway.ingest.IngestRecord;
import io.sluice.gateway.ingest.IngestResult;
import java.util.List;

/**
 * Sluice's own produce formats: the body as one record, or NDJSON with one record per line
 * ({@link ProduceFormat#RAW}, {@link ProduceFormat#NDJSON}). Immutable and thread-safe.
 *
 * @param ndjson true for one record per line, and an answer listing every record
 */
record SluiceBodyFormat(boolean ndjson) implements ProduceFormat {

    @Override
    public List<IngestRecord> decode(GatewayRequest request, Integer pathPartition) throws RequestRejection {
        return ProduceRequestReader.read(request, pathPartition, ndjson);
    }

    @Override
    public GatewayResponse encode(IngestResult outcome) {
        return OutcomeResponses.of(outcome, ndjson);
    }
}
