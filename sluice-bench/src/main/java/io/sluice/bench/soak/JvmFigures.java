package io.sluice.bench.soak;

import io.sluice.bench.run.GatewayProcess;

/**
 * The gateway JVM's heap in use and its total GC pause time, scraped from its Prometheus {@code /metrics}
 * ({@code jvm_memory_used_bytes{area="heap"}} and the sum of {@code jvm_gc_collection_seconds_sum} over the
 * stop-the-world collectors; G1's concurrent cycles are left out: they do not stop the application).
 *
 * @param heapUsedBytes    heap in use, or null when absent
 * @param gcPauseSeconds   GC pause time since the JVM started, or null when absent
 */
record JvmFigures(Long heapUsedBytes, Double gcPauseSeconds) {
    static final JvmFigures NONE = new JvmFigures(null, null);

    /** Scrapes {@code 127.0.0.1:port/metrics}; {@link #NONE} when it does not answer within {@code timeoutMillis}. */
    static JvmFigures scrape(int port, int timeoutMillis) {
        String response = GatewayProcess.get(port, "/metrics", timeoutMillis);
        return response == null ? NONE : parse(response);
    }

    /** Reads the two figures from Prometheus text exposition. */
    static JvmFigures parse(String text) {
        Long heap = null;
        Double pause = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"}")) {
                heap = (long) value(line);
            } else if (line.startsWith("jvm_gc_collection_seconds_sum{") && !line.contains("Concurrent")) {
                pause = (pause == null ? 0 : pause) + value(line);
            }
        }
        return new JvmFigures(heap, pause);
    }

    /** The sample's value: the first field after the labels (an optional timestamp may follow). */
    private static double value(String line) {
        String[] f = line.substring(line.lastIndexOf('}') + 1).trim().split("\\s+");
        return Double.parseDouble(f[0]);
    }
}
