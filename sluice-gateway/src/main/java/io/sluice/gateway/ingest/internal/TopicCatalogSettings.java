package io.sluice.gateway.ingest.internal;

import java.time.Duration;

/**
 * How long the {@link TopicCatalog} trusts an answer and how much it may ask Kafka. Immutable.
 *
 * @param knownTtl          an existing topic is re-checked in the background this long after its last check
 * @param missingTtl        an absent topic (or a lookup Kafka refused) is answered from the cache this long
 * @param knownIdle         an existing topic nobody produced to for this long is forgotten
 * @param lookupTimeout     how long one admin lookup may take
 * @param maxUnknownNames   at most this many absent or refused names are cached (existing topics are not
 *                          counted: there are only as many as the cluster has)
 * @param newNamesPerSecond lookups of names the catalog has no answer for, per second, on average
 * @param newNameBurst      ... and at most this many at once
 */
public record TopicCatalogSettings(Duration knownTtl, Duration missingTtl, Duration knownIdle, Duration lookupTimeout,
                                   long maxUnknownNames, double newNamesPerSecond, int newNameBurst) {

    public TopicCatalogSettings {
        if (maxUnknownNames < 0 || newNamesPerSecond <= 0 || newNameBurst < 1) {
            throw new IllegalArgumentException("invalid topic catalog limits: " + maxUnknownNames + " names, "
                    + newNamesPerSecond + "/s, burst " + newNameBurst);
        }
    }

    /**
     * The gateway's: 30 s, 2 s, 10 min, 900 ms, 10,000 names, 100 new names/s with bursts of 50. (A burst
     * of 200 lookups at once made about 90 of them miss their 900 ms on a loaded 2-core machine.)
     */
    public static TopicCatalogSettings defaults() {
        return new TopicCatalogSettings(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(10),
                Duration.ofMillis(900), 10_000, 100, 50);
    }
}
