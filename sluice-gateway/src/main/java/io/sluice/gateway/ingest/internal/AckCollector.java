package io.sluice.gateway.ingest.internal;

import io.sluice.gateway.ingest.IngestResult;
import io.sluice.gateway.ingest.RecordResult;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gathers the per-record outcomes of one request and completes its future when the last one is in.
 * Thread-safe: slots are set from the producer thread and from the sending thread; each slot once.
 */
final class AckCollector {
    private final RecordResult[] results;
    private final AtomicInteger remaining;
    private final CompletableFuture<IngestResult> future;

    AckCollector(int size, CompletableFuture<IngestResult> future) {
        this.results = new RecordResult[size];
        this.remaining = new AtomicInteger(size);
        this.future = future;
        if (size == 0) {
            future.complete(new IngestResult.Acknowledged(List.of()));
        }
    }

    void set(int index, RecordResult result) {
        results[index] = result;
        // The decrement publishes the array write to the thread that completes the future.
        if (remaining.decrementAndGet() == 0) {
            future.complete(new IngestResult.Acknowledged(Arrays.asList(results)));
        }
    }
}
