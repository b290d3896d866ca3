package io.sluice.gateway;

import java.util.Locale;

/**
 * When the gateway answers a produce request.
 * {@link #ACK}: 200 after the broker acknowledged every record of the request.
 * {@link #ASYNC}: 202 once every record is in the producer's buffer (fire-and-forget; flushed on shutdown).
 */
public enum DeliveryMode {
    ACK, ASYNC;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryMode parse(String s) {
        for (DeliveryMode m : values()) {
            if (m.name().equalsIgnoreCase(s.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown --delivery '" + s + "'; use ack or async");
    }
}
