package io.sluice.gateway.ingest;

import io.sluice.gateway.DeliveryMode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where records go. Implementations are thread-safe and never block the calling thread; the returned
 * future may complete on any thread.
 */
public interface RecordSink {

    /** Publishes the records of one request, in order, and reports per the delivery mode. */
    CompletableFuture<IngestResult> publish(String topic, List<IngestRecord> records, DeliveryMode mode);

    /**
     * True if the sink can send to the topic right now without waiting for metadata. Never blocks; a
     * false answer may start fetching what is missing.
     */
    boolean isReadyFor(String topic);

    /** Blocks until every record handed over so far is delivered or failed. */
    void flush();

    /** Releases resources, waiting at most {@code timeout} for records still in flight. */
    void close(Duration timeout);
}
