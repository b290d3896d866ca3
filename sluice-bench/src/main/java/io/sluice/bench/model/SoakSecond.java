package io.sluice.bench.model;

/**
 * One second of a soak phase: what the load generator saw and what the gateway process looked like at its end.
 * A resource that could not be read is {@code null} (e.g. /proc is missing, or /metrics did not answer).
 *
 * @param second      seconds since the load started (0-based)
 * @param started     requests started in this second
 * @param answered    answers received (any status)
 * @param succeeded   2xx answers
 * @param failed      requests that ended without an answer (timeouts, resets, refused connects...)
 * @param outstanding requests started and not yet ended at the end of this second
 * @param rssBytes    resident set size of the gateway process
 * @param heapUsedBytes JVM heap in use
 * @param liveHeapBytes heap in use right after a full collection forced in this second (what the gateway holds
 *                    on to), or null: measured only at the end of the baseline window and in the end window
 * @param gcMillis    time the gateway's JVM spent in garbage collection during this second
 * @param openFiles   open file descriptors of the gateway process
 * @param threads     threads of the gateway process
 * @param timeWait    TCP sockets in TIME_WAIT to or from the gateway's port (this machine)
 */
public record SoakSecond(int second, long started, long answered, long succeeded, long failed, long outstanding,
                         Long rssBytes, Long heapUsedBytes, Long liveHeapBytes, Double gcMillis, Integer openFiles,
                         Integer threads, Integer timeWait) {
}
