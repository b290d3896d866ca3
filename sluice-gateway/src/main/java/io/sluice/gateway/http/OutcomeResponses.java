package io.sluice.gateway.http;

import io.sluice.gateway.ingest.FailureKind;
import io.sluice.gateway.ingest.IngestResult;
import io.sluice.gateway.ingest.RecordResult;
import java.util.List;
import java.util.Map;

/**
 * Maps ingest outcomes to HTTP answers. The rule: never a 2xx unless every record of the request was
 * acknowledged (ack mode) or queued (async mode). Stateless and thread-safe.
 */
public final class OutcomeResponses {
    static final String ROUTE = "produce";
    /** Seconds a client should wait before retrying after a 503. */
    static final String RETRY_AFTER_SECONDS = "1";

    private OutcomeResponses() {
    }

    /** @param batch true for NDJSON requests, whose success body lists every record */
    public static GatewayResponse of(IngestResult result, boolean batch) {
        if (result instanceof IngestResult.Queued q) {
            return GatewayResponse.json(202, JsonBodies.accepted(q.count()), ROUTE);
        }
        if (result instanceof IngestResult.Refused r) {
            byte[] body = r.queuedBefore() > 0
                    ? JsonBodies.error(r.kind().code(), r.message(), Map.of("queued", r.queuedBefore()))
                    : JsonBodies.error(r.kind().code(), r.message());
            return failure(r.kind(), body);
        }
        IngestResult.Acknowledged a = (IngestResult.Acknowledged) result;
        RecordResult.Failed failed = a.firstFailure();
        if (failed == null) {
            if (batch) {
                return GatewayResponse.json(200, JsonBodies.results(a.results()), ROUTE);
            }
            RecordResult.Written w = (RecordResult.Written) a.results().get(0);
            return GatewayResponse.json(200, JsonBodies.position(w.topic(), w.partition(), w.offset()), ROUTE);
        }
        String message = a.results().size() == 1 ? failed.message()
                : countFailed(a.results()) + " of " + a.results().size() + " records failed; first: "
                        + failed.message();
        Map<String, Object> extra = batch ? Map.of("results", JsonBodies.resultList(a.results())) : Map.of();
        return failure(failed.kind(), JsonBodies.error(failed.kind().code(), message, extra));
    }

    /** A rejection found before reaching Kafka. */
    public static GatewayResponse of(RequestRejection r, String route) {
        return GatewayResponse.json(r.status(), JsonBodies.error(r.code(), r.getMessage()), route);
    }

    /** Sluice's HTTP status for a failure class. */
    public static int status(FailureKind kind) {
        return switch (kind) {
            case UNKNOWN_TOPIC -> 404;
            case INVALID_PARTITION, INVALID_TOPIC, INVALID_RECORD -> 400;
            case RECORD_TOO_LARGE -> 413;
            case NOT_AUTHORIZED -> 403;
            case BUFFER_FULL, LOOKUP_THROTTLED, UNAVAILABLE, SHUTTING_DOWN -> 503;
            case TIMEOUT -> 504;
            case INTERNAL -> 500;
        };
    }

    private static GatewayResponse failure(FailureKind kind, byte[] body) {
        int status = status(kind);
        return failureAnswer(kind, status, GatewayResponse.json(status, body, ROUTE));
    }

    /**
     * A failure answer in any format, with what every failure answer carries: Retry-After on a 503, and
     * closing the connection when the gateway shuts down.
     */
    public static GatewayResponse failureAnswer(FailureKind kind, int status, GatewayResponse answer) {
        GatewayResponse r = answer;
        if (status == 503) {
            r = r.withHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (kind == FailureKind.SHUTTING_DOWN) {
            r = r.closing();
        }
        return r;
    }

    private static long countFailed(List<RecordResult> results) {
        return results.stream().filter(r -> r instanceof RecordResult.Failed).count();
    }
}
