package io.sluice.gateway.ingest;

import java.util.List;

/**
 * One partition of a topic as Kafka described it. Immutable.
 *
 * @param partition the partition number
 * @param leader    the broker id of its leader, or -1 while it has none
 * @param replicas  the broker ids of its replicas
 * @param inSync    the broker ids of its in-sync replicas
 */
public record PartitionLayout(int partition, int leader, List<Integer> replicas, List<Integer> inSync) {
    public PartitionLayout {
        replicas = List.copyOf(replicas);
        inSync = List.copyOf(inSync);
    }
}
