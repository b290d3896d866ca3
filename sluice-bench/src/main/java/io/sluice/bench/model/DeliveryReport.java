package io.sluice.bench.model;

import java.util.List;

/**
 * The proof in Kafka after a soak phase: every acknowledged id consumed back from the phase's topic.
 *
 * @param topic                   the phase's own topic
 * @param rule                    "exactly once" (ack delivery) or "at least once" (async delivery, after the flush)
 * @param acknowledged            ids that got a 2xx
 * @param consumed                records read back
 * @param missing                 acknowledged ids not found in Kafka (loss)
 * @param missingExamples         a few of them
 * @param duplicatedAcknowledged  acknowledged ids found more than once
 * @param duplicateRecords        records whose id had already been read (all ids)
 * @param unacknowledgedDelivered ids in Kafka whose request got no 2xx (an error or timeout after the broker had it)
 * @param foreign                 records without a soak id
 * @param passed                  whether the rule holds
 */
public record DeliveryReport(String topic, String rule, long acknowledged, long consumed, long missing,
                             List<Long> missingExamples, long duplicatedAcknowledged, long duplicateRecords,
                             long unacknowledgedDelivered, long foreign, boolean passed) {
}
