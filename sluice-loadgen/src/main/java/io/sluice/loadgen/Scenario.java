package io.sluice.loadgen;

import java.util.Locale;

/** The shapes of load {@code sluice bench} and {@code sluice soak} can offer. */
public enum Scenario {
    /**
     * The reference experiment's shape: K concurrent POSTs, each on a new connection, wait for all,
     * repeat. Closed loop. Sampled Criterion-style (iterations growing per sample; time per iteration
     * from a regression), throughput = K / time per iteration.
     */
    BURST,
    /** Closed loop: C keep-alive connections, each sends its next request when the answer arrives. */
    KEEPALIVE,
    /** Closed loop: C workers, a new TCP connection per request (accept, ephemeral ports, TIME_WAIT). */
    CONNECT,
    /**
     * Open loop at a fixed offered rate: requests follow an intended-start-time schedule, and latency is
     * measured from the intended start, so a slow server cannot hide its latency (no coordinated omission).
     */
    RATE;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scenario parse(String s) {
        for (Scenario v : values()) {
            if (v.name().equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + s + "'; use burst, keepalive, connect or rate");
    }
}
