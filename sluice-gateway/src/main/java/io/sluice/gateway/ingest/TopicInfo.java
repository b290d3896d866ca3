package io.sluice.gateway.ingest;

import java.util.List;

/**
 * What is known of a topic. {@code partitions} is 0 when the topic does not exist. Immutable.
 *
 * @param layout each partition's leader and replicas as Kafka last described them (the discovery API shows
 *               them); empty when not known (a sink without Kafka, or a topic that does not exist)
 */
public record TopicInfo(String name, boolean exists, int partitions, List<PartitionLayout> layout) {
    public TopicInfo {
        layout = layout == null ? List.of() : List.copyOf(layout);
    }

    public TopicInfo(String name, boolean exists, int partitions) {
        this(name, exists, partitions, List.of());
    }
}
