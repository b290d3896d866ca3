package io.sluice.gateway.ingest;

import java.util.function.BiConsumer;

/** Which topics may be produced to and exist. Implementations are thread-safe and never block. */
public interface TopicDirectory {

    /** True if the configuration allows producing to this topic name (it may still not exist). */
    boolean isAllowed(String topic);

    /**
     * Calls {@code action} with what is known of the topic, at once or later; calls for one topic run in
     * the order they were made. The error, if any, says the topic could not be looked up.
     */
    void whenKnown(String topic, BiConsumer<TopicInfo, Throwable> action);
}
