package io.sluice.loadgen;

import java.time.Duration;

/**
 * One load run.
 *
 * @param scenario       the shape of the load
 * @param request        what to send
 * @param concurrency    connections (KEEPALIVE), workers (CONNECT), burst size K (BURST), or the most
 *                       requests in flight (RATE)
 * @param rate           offered requests per second (RATE only; 0 otherwise)
 * @param warmup         load offered before measuring (results discarded)
 * @param duration       measurement time (KEEPALIVE, CONNECT, RATE); for BURST an upper bound
 * @param samples        BURST: number of Criterion samples (sample i runs i x base iterations)
 * @param requestTimeout a request without an answer after this counts as a timeout error
 */
public record LoadSpec(Scenario scenario, RequestTemplate request, int concurrency, double rate, Duration warmup,
                       Duration duration, int samples, Duration requestTimeout) {
}
