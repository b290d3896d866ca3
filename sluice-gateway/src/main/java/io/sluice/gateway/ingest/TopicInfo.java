package io.sluice.gateway.ingest;

/** What is known of a topic. {@code partitions} is 0 when the topic does not exist. */
public record TopicInfo(String name, boolean exists, int partitions) {
}
