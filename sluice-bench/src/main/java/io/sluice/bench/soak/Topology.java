package io.sluice.bench.soak;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a {@code sluice soak --topology} run, {@code GxB}: G gateways behind HAProxy, B Kafka nodes.
 * An immutable value.
 *
 * @param gateways gateway JVMs (at least 2, so that one can restart while the others carry the load)
 * @param brokers  Kafka nodes (at least 3: replication factor B and min.insync.replicas B-1 must survive one
 *                 node killed)
 */
public record Topology(int gateways, int brokers) {
    private static final Pattern SHAPE = Pattern.compile("(\\d+)x(\\d+)");

    public Topology {
        if (gateways < 2) {
            throw new IllegalArgumentException("a topology needs at least 2 gateways (one restarts while the "
                    + "others carry the load), was " + gateways);
        }
        if (brokers < 3) {
            throw new IllegalArgumentException("a topology needs at least 3 Kafka nodes (replication 3, "
                    + "min.insync.replicas 2, one killed), was " + brokers);
        }
    }

    /** Parses "GxB", e.g. "3x3". */
    public static Topology parse(String text) {
        Matcher m = SHAPE.matcher(text.trim().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--topology takes GATEWAYSxBROKERS, e.g. 3x3; was '" + text + "'");
        }
        return new Topology(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return gateways + "x" + brokers;
    }
}
