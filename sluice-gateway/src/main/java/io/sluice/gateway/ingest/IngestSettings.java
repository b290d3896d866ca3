package io.sluice.gateway.ingest;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.ingest.internal.BacklogLimit;
import io.sluice.gateway.ingest.internal.TopicFilter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings ingest needs, and no more (the HTTP limits, the runtime and the ports are not its
 * business). Built by the gateway from its configuration. Immutable.
 *
 * @param bootstrapServers   Kafka bootstrap servers
 * @param defaultTopic       topic for POSTs to other paths, or empty (only checked at start-up here)
 * @param topicAllowList     if non-empty, only these topics may be produced to
 * @param topicPattern       if non-null, only topics matching it may be produced to
 * @param delivery           when to answer (after ack, or once queued)
 * @param producerProperties Kafka producer properties, applied over Sluice's defaults
 * @param maxQueuedRecords   async mode: most records waiting for Kafka at once (see {@code BacklogLimit})
 */
public record IngestSettings(String bootstrapServers, String defaultTopic, List<String> topicAllowList,
                             Pattern topicPattern, DeliveryMode delivery, Map<String, String> producerProperties,
                             int maxQueuedRecords) {

    public IngestSettings {
        topicAllowList = List.copyOf(topicAllowList);
        producerProperties = ProducerSettings.maskedWhenPrinted(producerProperties);
    }

    TopicFilter topicFilter() {
        return new TopicFilter(topicAllowList, topicPattern);
    }
}
