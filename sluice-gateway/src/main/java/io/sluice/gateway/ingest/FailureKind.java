package io.sluice.gateway.ingest;

/**
 * Why a record or a request was not published. The HTTP layer maps each to a status code: only what can
 * succeed later ({@link #BUFFER_FULL}, {@link #LOOKUP_THROTTLED}, {@link #UNAVAILABLE},
 * {@link #SHUTTING_DOWN}) becomes a 503 with Retry-After; a client's mistake is a 4xx; what Kafka will
 * keep refusing is {@link #INTERNAL}.
 */
public enum FailureKind {
    /** The topic does not exist, or is not in the allow-list / pattern. */
    UNKNOWN_TOPIC("unknown_topic"),
    /** The requested partition does not exist for the topic. */
    INVALID_PARTITION("invalid_partition"),
    /** Kafka says the topic name is invalid: the client's mistake, never worth retrying. */
    INVALID_TOPIC("invalid_topic"),
    /** The broker refused the record itself (e.g. a record without a key for a compacted topic). */
    INVALID_RECORD("invalid_record"),
    /** The producer's buffer (buffer.memory) is full: shed load. */
    BUFFER_FULL("buffer_full"),
    /**
     * The topic has no cached answer and names not seen before arrive faster than the gateway looks them
     * up (a flood of unknown names): asked again a second later, it is answered.
     */
    LOOKUP_THROTTLED("lookup_throttled"),
    /** Kafka cannot take writes right now (unreachable, no leader, metadata unavailable). */
    UNAVAILABLE("kafka_unavailable"),
    /** The broker did not acknowledge within delivery.timeout.ms. */
    TIMEOUT("delivery_timeout"),
    /** The record is larger than the producer's or the broker's limit. */
    RECORD_TOO_LARGE("record_too_large"),
    /** Kafka refused the write for lack of authorization. */
    NOT_AUTHORIZED("not_authorized"),
    /** The gateway is shutting down and takes no new records. */
    SHUTTING_DOWN("shutting_down"),
    /** Anything else. */
    INTERNAL("internal_error");

    private final String code;

    FailureKind(String code) {
        this.code = code;
    }

    /** The stable, machine-readable code used in error bodies. */
    public String code() {
        return code;
    }
}
