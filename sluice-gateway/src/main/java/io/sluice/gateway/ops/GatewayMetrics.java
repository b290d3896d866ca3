package io.sluice.gateway.ops;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sluice.gateway.access.Principal;
import io.sluice.gateway.http.RefusalMetrics;
import io.sluice.gateway.http.HttpMetrics;
import io.sluice.gateway.ingest.FailureKind;
import io.sluice.gateway.ingest.IngestMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.DoubleSupplier;

/**
 * The gateway's Prometheus metrics, in a registry of its own (several gateways may share a JVM in
 * tests). Thread-safe: recorded from I/O threads and the producer thread, scraped from any thread.
 */
public final class GatewayMetrics implements HttpMetrics, IngestMetrics, RefusalMetrics {
    private static final double NANOS_PER_SECOND = 1e9;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests;
    private final Counter records;
    private final Counter bytes;
    private final Counter failures;
    private final Histogram produceLatency;
    private final Counter authFailures;
    private final Counter forbidden;
    private final Counter throttled;
    /** Label 403s and 429s by principal too ({@code --metrics-principal-labels}): unbounded, opt-in. */
    private final boolean principalLabels;
    /** Data points by route, then status code: avoids a label lookup per request on the hot path. */
    private final ConcurrentHashMap<String, AtomicReferenceArray<CounterDataPoint>> requestPoints =
            new ConcurrentHashMap<>();

    public GatewayMetrics() {
        this(false);
    }

    /** @param principalLabels label 403 and 429 counts by principal name (cardinality grows with principals) */
    public GatewayMetrics(boolean principalLabels) {
        this.principalLabels = principalLabels;
        authFailures = Counter.builder().name("sluice_auth_failures_total")
                .help("Requests refused with 401, by authentication method and reason (missing, invalid, expired)")
                .labelNames("method", "reason").register(registry);
        forbidden = principalLabels
                ? Counter.builder().name("sluice_forbidden_total").help("Requests refused with 403 by the ACL")
                        .labelNames("principal").register(registry)
                : Counter.builder().name("sluice_forbidden_total").help("Requests refused with 403 by the ACL")
                        .register(registry);
        throttled = Counter.builder().name("sluice_throttled_total")
                .help("Requests refused with 429: kind=quota (over quota) or auth (too many failed authentications)")
                .labelNames(principalLabels ? new String[] {"kind", "principal"} : new String[] {"kind"})
                .register(registry);
        requests = Counter.builder().name("sluice_http_requests_total")
                .help("HTTP requests answered, by route and status code").labelNames("route", "status")
                .register(registry);
        records = Counter.builder().name("sluice_records_produced_total")
                .help("Records the broker acknowledged").register(registry);
        bytes = Counter.builder().name("sluice_record_bytes_produced_total")
                .help("Bytes (value, key, headers) of acknowledged records, counted per request whose records were all "
                        + "acknowledged").register(registry);
        failures = Counter.builder().name("sluice_records_failed_total")
                .help("Records not delivered, by reason").labelNames("reason").register(registry);
        produceLatency = Histogram.builder().name("sluice_produce_latency_seconds")
                .help("Per request: time from handing its first record to the producer until the broker "
                        + "acknowledged its last")
                .classicOnly()
                .classicExponentialUpperBounds(0.0005, 2, 16)
                .register(registry);
        // The JVM's own figures (heap, GC, threads, file descriptors): what a soak watches for growth.
        JvmMetrics.builder().register(registry);
    }

    @Override
    public void requestCompleted(String route, int status) {
        AtomicReferenceArray<CounterDataPoint> byStatus =
                requestPoints.computeIfAbsent(route, r -> new AtomicReferenceArray<>(600));
        int slot = status >= 100 && status < 600 ? status : 599;
        CounterDataPoint p = byStatus.get(slot);
        if (p == null) {
            p = requests.labelValues(route, Integer.toString(status));
            byStatus.set(slot, p);
        }
        p.inc();
    }

    @Override
    public void recordsProduced(long count, long sizeBytes, long latencyNanos) {
        records.inc(count);
        if (sizeBytes > 0) {
            bytes.inc(sizeBytes);
        }
        produceLatency.observe(latencyNanos / NANOS_PER_SECOND);
    }

    @Override
    public void recordFailed(FailureKind kind) {
        failures.labelValues(kind.code()).inc();
    }

    @Override
    public void recordsFailed(FailureKind kind, long count) {
        failures.labelValues(kind.code()).inc(count);
    }

    @Override
    public void authenticationFailed(String method, String reason) {
        authFailures.labelValues(method, reason).inc();
    }

    @Override
    public void forbidden(Principal who) {
        if (principalLabels) {
            forbidden.labelValues(who.name()).inc();
        } else {
            forbidden.inc();
        }
    }

    @Override
    public void throttled(String kind, Principal who) {
        if (principalLabels) {
            throttled.labelValues(kind, who == null ? "" : who.name()).inc();
        } else {
            throttled.labelValues(kind).inc();
        }
    }

    @Override
    public void gauge(String name, String help, DoubleSupplier value) {
        GaugeWithCallback.builder().name(name).help(help)
                .callback(cb -> cb.call(value.getAsDouble()))
                .register(registry);
    }

    @Override
    public String contentType() {
        return writer.getContentType();
    }

    /** Everything in the Prometheus text format. */
    @Override
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
