package io.sluice.bench.run;

import io.sluice.loadgen.BodyFormat;
import io.sluice.loadgen.Scenario;

/**
 * One cell of the matrix before it runs.
 *
 * @param runtime      --io of the gateway under test ("-" for the producer baseline, "external" for --target-url,
 *                     {@value #REFERENCE} for the reference design)
 * @param http         --http ("-" when not applicable)
 * @param delivery     ack or async ("-" for the reference design, which has no such choice)
 * @param scenario     load shape
 * @param sink         kafka, none (HTTP-only ceiling) or producer (Kafka-only ceiling: no HTTP at all)
 * @param payloadBytes request body size
 * @param concurrency  connections, workers or burst size
 * @param rate         offered rate for the rate scenario (0 otherwise)
 * @param transport    {@value #PLAIN}, {@value #TLS} (TLS, sessions resumed where the client can) or
 *                     {@value #TLS_FULL} (TLS, every connection a full handshake)
 * @param format       how requests carry records: raw (one per request), ndjson or v2-json
 * @param batch        records per request (1 for raw)
 */
public record CellSpec(String runtime, String http, String delivery, Scenario scenario, String sink,
                       int payloadBytes, int concurrency, double rate, String transport, BodyFormat format,
                       int batch) {
    public static final String PLAIN = "plain";
    public static final String TLS = "tls";
    public static final String TLS_FULL = "tls-full";
    /** The runtime of the reference design's cells. */
    public static final String REFERENCE = "reference";

    /** A cell of raw requests, one record each. */
    public CellSpec(String runtime, String http, String delivery, Scenario scenario, String sink,
                    int payloadBytes, int concurrency, double rate, String transport) {
        this(runtime, http, delivery, scenario, sink, payloadBytes, concurrency, rate, transport, BodyFormat.RAW, 1);
    }

    /** A plaintext cell. */
    public CellSpec(String runtime, String http, String delivery, Scenario scenario, String sink,
                    int payloadBytes, int concurrency, double rate) {
        this(runtime, http, delivery, scenario, sink, payloadBytes, concurrency, rate, PLAIN);
    }

    /**
     * A stable key, used to compare runs: runtime/http/delivery/scenario/sink/payloadB/cN, and /tls or /tls-full
     * for TLS cells, then /ndjson/b10 or /v2-json/b10 for batched formats (raw cells' ids are as they always were).
     */
    public String id() {
        return runtime + "/" + http + "/" + delivery + "/" + scenario.cliName() + "/" + sink + "/" + payloadBytes
                + "B/c" + concurrency + (rate > 0 ? "/r" + (long) rate : "") + (isTls() ? "/" + transport : "")
                + (format == BodyFormat.RAW ? "" : "/" + format.cliName() + "/b" + batch);
    }

    public boolean isTls() {
        return !PLAIN.equals(transport);
    }

    /** The same cell over another transport. */
    public CellSpec over(String otherTransport) {
        return new CellSpec(runtime, http, delivery, scenario, sink, payloadBytes, concurrency, rate, otherTransport,
                format, batch);
    }

    /** The same cell with another body format and batch size. */
    public CellSpec carrying(BodyFormat otherFormat, int otherBatch) {
        return new CellSpec(runtime, http, delivery, scenario, sink, payloadBytes, concurrency, rate, transport,
                otherFormat, otherBatch);
    }

    public boolean isProducerBaseline() {
        return sink.equals("producer");
    }

    public boolean isExternal() {
        return runtime.equals("external");
    }

    /** The reference design: it answers before it publishes, and 200 to bad input, so it cannot be verified. */
    public boolean isReference() {
        return runtime.equals(REFERENCE);
    }

    /** True when the cell's 2xx answers must match records in Kafka. */
    public boolean verifiable() {
        return sink.equals("kafka") && !isExternal() && !isReference() || isProducerBaseline();
    }
}
