package io.sluice.gateway.testing;

import io.sluice.gateway.testing.UniqueIdLoad.Exchange;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a {@link UniqueIdLoad} run was told, matched against what the topic holds, around one fault at
 * {@code faultNanos}; an immutable value computed once. Test-only.
 *
 * <p>Worked example: ids a, b, c were answered 200, 200, 504 and the topic holds a, c, c. Then b is
 * <em>lost</em> (acknowledged, not in Kafka), c is <em>delivered unacknowledged</em> (the client was told
 * 504 but the record landed, which a client that retries would turn into a duplicate) and there is one
 * <em>duplicate</em> copy (the second c), which the idempotent producer should never write.
 *
 * @param statusCounts              responses per status ({@link UniqueIdLoad#NO_RESPONSE} and
 *                                  {@link UniqueIdLoad#TIMED_OUT} included)
 * @param acknowledged              ids answered 200
 * @param lost                      acknowledged ids that are not in the topic
 * @param duplicateCopies           records in the topic beyond the first copy of their id
 * @param acknowledgedDuplicated    acknowledged ids that are in the topic more than once
 * @param deliveredUnacknowledged   ids in the topic whose request was not answered 200
 * @param phantoms                  ids in the topic that no request carried
 * @param slowestMillis             the longest any request waited for its response
 * @param successesAfterFault       200s for requests sent after the fault
 * @param firstSuccessAfterFaultMillis from the fault to the first 200 of a request sent after it; -1 if none
 * @param longestStallMillis        the longest time after the fault with no 200 completing (gaps between
 *                                  consecutive 200s, from the fault to the first, from the last to the end)
 */
public record DeliveryAudit(Map<Integer, Integer> statusCounts, Set<String> acknowledged, Set<String> lost,
                            int duplicateCopies, Set<String> acknowledgedDuplicated, Set<String> deliveredUnacknowledged,
                            Set<String> phantoms, long slowestMillis, int successesAfterFault,
                            long firstSuccessAfterFaultMillis, long longestStallMillis) {

    /** Audits {@code exchanges} (ended by {@code endNanos}) against the topic's {@code values}. */
    public static DeliveryAudit of(List<Exchange> exchanges, List<String> values, long faultNanos, long endNanos) {
        Map<Integer, Integer> statusCounts = new TreeMap<>();
        Map<String, Integer> statusById = new HashMap<>();
        Set<String> acknowledged = new HashSet<>();
        long slowest = 0;
        for (Exchange e : exchanges) {
            statusCounts.merge(e.status(), 1, Integer::sum);
            statusById.put(e.id(), e.status());
            slowest = Math.max(slowest, e.millis());
            if (e.status() == 200) {
                acknowledged.add(e.id());
            }
        }
        Map<String, Integer> copies = new HashMap<>();
        values.forEach(v -> copies.merge(v, 1, Integer::sum));
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(copies.keySet());
        Set<String> ackedDuplicated = new HashSet<>();
        Set<String> deliveredUnacked = new HashSet<>();
        Set<String> phantoms = new HashSet<>();
        copies.forEach((id, n) -> {
            Integer status = statusById.get(id);
            if (status == null) {
                phantoms.add(id);
            } else if (status != 200) {
                deliveredUnacked.add(id);
            } else if (n > 1) {
                ackedDuplicated.add(id);
            }
        });
        List<Exchange> okAfter = exchanges.stream().filter(e -> e.status() == 200 && e.endNanos() >= faultNanos).toList();
        List<Exchange> sentAfter = okAfter.stream().filter(e -> e.startNanos() >= faultNanos).toList();
        long firstAfter = sentAfter.stream().mapToLong(e -> (e.endNanos() - faultNanos) / 1_000_000).min().orElse(-1);
        long stall = longestGapMillis(okAfter.stream().mapToLong(Exchange::endNanos).sorted().toArray(), faultNanos, endNanos);
        return new DeliveryAudit(statusCounts, acknowledged, lost, values.size() - copies.size(), ackedDuplicated,
                deliveredUnacked, phantoms, slowest, sentAfter.size(), firstAfter, stall);
    }

    private static long longestGapMillis(long[] sortedSuccessNanos, long fromNanos, long toNanos) {
        long longest = 0;
        long previous = fromNanos;
        for (long t : sortedSuccessNanos) {
            longest = Math.max(longest, t - previous);
            previous = t;
        }
        return Math.max(longest, toNanos - previous) / 1_000_000;
    }

    /** One line of the figures, fit to quote. */
    public String summary() {
        return String.format("statuses=%s acknowledged=%d lost=%d duplicateCopies=%d acknowledgedDuplicated=%d"
                        + " deliveredUnacknowledged=%d phantoms=%d slowest=%d ms successesAfterFault=%d"
                        + " firstSuccessAfterFault=%d ms longestStall=%d ms",
                statusCounts, acknowledged.size(), lost.size(), duplicateCopies, acknowledgedDuplicated.size(),
                deliveredUnacknowledged.size(), phantoms.size(), slowestMillis, successesAfterFault,
                firstSuccessAfterFaultMillis, longestStallMillis);
    }
}
