package io.sluice.gateway.http;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.http.formats.RestProxyV2Format;
import io.sluice.gateway.ingest.IngestRecord;
import io.sluice.gateway.ingest.IngestResult;
import java.util.List;

/**
 * How a produce request's body is read and its outcome answered, chosen by the request's media type
 * ({@link #forContentType}). Each format decodes a request into records and encodes an outcome into an
 * answer; the router does the rest (topic, partition from the path, delivery). Sluice's own formats are
 * the raw body (one record, the body byte for byte) and NDJSON (one record per line); the peers' JSON
 * envelopes (REST Proxy v2/v3, Strimzi) are further formats behind the same two methods.
 * Sluice's own formats are stateless and thread-safe; a peer's format may be one object per request
 * ({@link #forRequest}), confined to that request. Called on I/O threads.
 */
public interface ProduceFormat {

    /** The records of one request, in order; takes nothing from the body it does not copy. */
    List<IngestRecord> decode(GatewayRequest request, Integer pathPartition) throws RequestRejection;

    /** The answer to the request once its records' outcome is known. */
    GatewayResponse encode(IngestResult outcome);

    /** The answer to a request refused before it reached Kafka, in this format's error shape. */
    default GatewayResponse reject(RequestRejection rejection) {
        return OutcomeResponses.of(rejection, OutcomeResponses.ROUTE);
    }

    /** The delivery mode of this request: the gateway's, unless the format lets a request choose. */
    default DeliveryMode mode(DeliveryMode configured) {
        return configured;
    }

    /** The body is one record, whatever its content type. */
    ProduceFormat RAW = new SluiceBodyFormat(false);

    /** {@code application/x-ndjson}: one record per non-empty line; the answer lists every record. */
    ProduceFormat NDJSON = new SluiceBodyFormat(true);

    /**
     * The format for a request: a REST Proxy v2 / Strimzi envelope for the {@code application/vnd.kafka.*}
     * media types, otherwise Sluice's own by {@link #forContentType}.
     */
    static ProduceFormat forRequest(GatewayRequest request) {
        String contentType = request.headers().get("Content-Type");
        return RestProxyV2Format.isV2(contentType) ? RestProxyV2Format.of(request, contentType)
                : forContentType(contentType);
    }

    /** The format for a request's Content-Type (null when absent); allocation-free. */
    static ProduceFormat forContentType(String contentType) {
        return ProduceRequestReader.isNdjson(contentType) ? NDJSON : RAW;
    }
}
