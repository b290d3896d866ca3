package io.sluice.gateway.http.formats;

import io.sluice.gateway.http.GatewayResponse;
import io.sluice.gateway.http.OutcomeResponses;
import io.sluice.gateway.ingest.FailureKind;

/**
 * Sluice's failure classes in the peers' numbering. Confluent REST Proxy's error codes
 * (kafka-rest {@code Errors.java}, API reference https://docs.confluent.io/platform/current/kafka-rest/api.html):
 * 40401 topic not found, 40402 partition not found, 40301 not authorized, 50002 Kafka error, 50003 retriable
 * Kafka error; elsewhere the HTTP status itself. The HTTP status is Sluice's own for the class, except an
 * unknown partition, which the peers answer 404. Stateless.
 */
public final class ConfluentErrors {
    static final int TOPIC_NOT_FOUND = 40401;
    static final int PARTITION_NOT_FOUND = 40402;
    static final int NOT_AUTHORIZED = 40301;
    static final int KAFKA_ERROR = 50002;
    static final int KAFKA_RETRIABLE_ERROR = 50003;

    private ConfluentErrors() {
    }

    /** The HTTP status of a failure class in the peers' APIs. */
    static int status(FailureKind kind) {
        return kind == FailureKind.INVALID_PARTITION ? 404 : OutcomeResponses.status(kind);
    }

    /** Confluent's error code for a failed record or request (REST Proxy v2 numbering). */
    static int code(FailureKind kind) {
        return switch (kind) {
            case UNKNOWN_TOPIC -> TOPIC_NOT_FOUND;
            case INVALID_PARTITION -> PARTITION_NOT_FOUND;
            case NOT_AUTHORIZED -> NOT_AUTHORIZED;
            case INVALID_TOPIC -> 400;
            case BUFFER_FULL, LOOKUP_THROTTLED, UNAVAILABLE, SHUTTING_DOWN, TIMEOUT -> KAFKA_RETRIABLE_ERROR;
            case INVALID_RECORD, RECORD_TOO_LARGE, INTERNAL -> KAFKA_ERROR;
        };
    }

    /** Confluent's v3 code: 40403 for an unknown topic or partition (v3 OpenAPI NotFoundErrorResponse), else the status. */
    static int v3Code(FailureKind kind) {
        return switch (kind) {
            case UNKNOWN_TOPIC, INVALID_PARTITION -> 40403;
            case NOT_AUTHORIZED -> NOT_AUTHORIZED;
            default -> status(kind);
        };
    }

    /** A failure answer with Sluice's usual companions: Retry-After on a 503, closing when shutting down. */
    static GatewayResponse answer(FailureKind kind, String contentType, byte[] body) {
        return OutcomeResponses.failureAnswer(kind, status(kind),
                new GatewayResponse(status(kind), contentType, body, java.util.List.of(), "produce", false));
    }
}
