package io.sluice.gateway;

/**
 * When the gateway answers a produce request.
 * {@link #ACK}: 200 after the broker acknowledged every record of the request.
 * {@link #ASYNC}: 202 once every record is in the producer's buffer (fire-and-forget; flushed on shutdown).
 */
public enum DeliveryMode {
    ACK, ASYNC;

    public String cliName() {
        return OptionNames.of(this);
    }

    public static DeliveryMode parse(String s) {
        return OptionNames.parse(DeliveryMode.class, "--delivery", s);
    }
}
