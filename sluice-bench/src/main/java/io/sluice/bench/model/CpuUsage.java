package io.sluice.bench.model;

/**
 * CPU used during a cell's measurement; an immutable value. NaN where unknown.
 *
 * <p>{@code gateway}, {@code broker} and {@code loadgen} are cores (CPU seconds / wall seconds). The per-request
 * figures put the gateway's cores against its throughput: 1.6 cores at 80,000 req/s is 1.6 x 1e6 / 80,000 =
 * 20 microseconds of CPU per request. On a shared machine this moves less than throughput does, because a
 * gateway that gets fewer cores also serves fewer requests. Results written before these figures existed read
 * them back as 0 (the reports show 0 as unknown).
 *
 * @param gateway                 cores of the server under test (the gateway; the reference design's process
 *                                tree; the bench JVM for the producer-alone baseline)
 * @param broker                  cores of the broker
 * @param loadgen                 cores of the load generator
 * @param gatewayMicrosPerRequest the server's CPU microseconds per request
 * @param gatewayMicrosPerRecord  the same per record (equal for one record per request)
 */
public record CpuUsage(double gateway, double broker, double loadgen, double gatewayMicrosPerRequest,
                       double gatewayMicrosPerRecord) {

    /** Cores only; the per-request figures unknown. */
    public CpuUsage(double gateway, double broker, double loadgen) {
        this(gateway, broker, loadgen, Double.NaN, Double.NaN);
    }

    /** These cores with the gateway's CPU per request and per record at {@code requestsPerSecond}. */
    public CpuUsage per(double requestsPerSecond, int recordsPerRequest) {
        double perRequest = requestsPerSecond > 0 ? gateway * 1e6 / requestsPerSecond : Double.NaN;
        return new CpuUsage(gateway, broker, loadgen, perRequest, perRequest / Math.max(1, recordsPerRequest));
    }
}
