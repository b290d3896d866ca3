package io.sluice.gateway.ingest.internal;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.ingest.IngestRecord;
import io.sluice.gateway.ingest.IngestResult;
import io.sluice.gateway.ingest.RecordResult;
import io.sluice.gateway.ingest.RecordSink;
import io.sluice.gateway.ingest.TopicDirectory;
import io.sluice.gateway.ingest.TopicInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A sink that writes nowhere ({@code --sink none}): every record is "acknowledged" at once with a made-up
 * offset. It measures the gateway's HTTP ceiling, the cost of everything but Kafka. Thread-safe.
 * Every topic the filter allows "exists" here, with any partition.
 */
public final class NullSink implements RecordSink, TopicDirectory {
    private final AtomicLong offsets = new AtomicLong();
    private final TopicFilter filter;

    public NullSink(TopicFilter filter) {
        this.filter = filter;
    }

    @Override
    public CompletableFuture<IngestResult> publish(String topic, List<IngestRecord> records, DeliveryMode mode) {
        if (mode == DeliveryMode.ASYNC) {
            return CompletableFuture.completedFuture(new IngestResult.Queued(records.size()));
        }
        long first = offsets.getAndAdd(records.size());
        List<RecordResult> results = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Integer p = records.get(i).partition();
            results.add(new RecordResult.Written(topic, p == null ? 0 : p, first + i));
        }
        return CompletableFuture.completedFuture(new IngestResult.Acknowledged(results));
    }

    @Override
    public boolean isReadyFor(String topic) {
        return true;
    }

    @Override
    public boolean isAllowed(String topic) {
        return filter.allows(topic);
    }

    @Override
    public void whenKnown(String topic, BiConsumer<TopicInfo, Throwable> action) {
        action.accept(new TopicInfo(topic, true, Integer.MAX_VALUE), null);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close(Duration timeout) {
    }
}
