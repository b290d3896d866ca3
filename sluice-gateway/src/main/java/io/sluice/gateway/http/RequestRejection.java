package io.sluice.gateway.http;

/** A request the gateway refuses before it reaches Kafka: status, error code and a human message. */
public final class RequestRejection extends Exception {
    private final int status;
    private final String code;

    public RequestRejection(int status, String code, String message) {
        super(message, null, false, false); // control flow, not a bug: no stack trace
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
