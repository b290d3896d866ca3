package io.sluice.gateway.ingest.internal;

import io.sluice.gateway.ingest.TopicInfo;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Immutable but for a one-shot refresh claim, and so thread-safe: what Kafka last said of one topic, as
 * the {@link TopicCatalog} caches it. The topic exists (with its partition count), does not exist, or
 * the lookup was refused for good (an invalid name, no authorization).
 */
final class TopicAnswer {
    private static final AtomicIntegerFieldUpdater<TopicAnswer> REFRESH_CLAIM =
            AtomicIntegerFieldUpdater.newUpdater(TopicAnswer.class, "refreshClaimed");

    /** Null for a refusal. */
    final TopicInfo info;
    /** Kafka's error, for a refusal; otherwise null. */
    final Throwable refusal;
    /** For an existing topic: when to ask Kafka again, in the background. */
    final long refreshAtNanos;
    private volatile int refreshClaimed;

    private TopicAnswer(TopicInfo info, Throwable refusal, long refreshAtNanos) {
        this.info = info;
        this.refusal = refusal;
        this.refreshAtNanos = refreshAtNanos;
    }

    static TopicAnswer exists(TopicInfo info, long refreshAtNanos) {
        return new TopicAnswer(info, null, refreshAtNanos);
    }

    static TopicAnswer missing(String topic) {
        return new TopicAnswer(new TopicInfo(topic, false, 0), null, 0);
    }

    static TopicAnswer refused(Throwable kafkasError) {
        return new TopicAnswer(null, kafkasError, 0);
    }

    boolean exists() {
        return info != null && info.exists();
    }

    /** The same answer, to be re-checked at another time (after a failed refresh). */
    TopicAnswer refreshAt(long nanos) {
        return new TopicAnswer(info, refusal, nanos);
    }

    /** True for exactly one caller once a refresh is due: that caller starts it. */
    boolean claimRefresh(long nowNanos) {
        return exists() && nowNanos - refreshAtNanos >= 0 && refreshClaimed == 0
                && REFRESH_CLAIM.compareAndSet(this, 0, 1);
    }
}
