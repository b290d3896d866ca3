package io.sluice.bench.run;

import io.sluice.loadgen.BodyFormat;
import io.sluice.loadgen.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands bench options into the cells to run, in a sensible order. Pure.
 *
 * <p>With {@code --tls}, every gateway cell that produces to Kafka is followed by its TLS twins, so that a
 * plaintext figure and its TLS figure are measured minutes apart rather than at both ends of the run: keep-alive
 * and rate cells once over TLS (the handshakes happen before the measurement; what is left is the cost of
 * encryption), burst and connect cells twice, with session resumption and with full handshakes only, since
 * there every request is a new connection and the handshake is the cost.
 *
 * <p>With several {@code --format}s, the formats of one configuration run back to back (raw, then ndjson and
 * v2-json with {@code --batch} records per request), so their records per second compare like for like.
 */
public final class Matrix {
    private Matrix() {
    }

    public static List<CellSpec> of(BenchOptions o) {
        List<CellSpec> cells = new ArrayList<>();
        if (o.targetUrl() != null) {
            for (Scenario s : o.scenarios()) {
                for (String d : o.deliveries()) {
                    cells.add(cell("external", "-", d, s, "external", o));
                }
            }
            return cells;
        }
        for (Scenario s : o.scenarios()) {
            for (String d : o.deliveries()) {
                for (String io : o.runtimes()) {
                    for (String http : o.https()) {
                        if (io.equals("virtual") && http.equals("codec")) {
                            continue; // not a valid combination
                        }
                        for (BodyFormat f : o.formats()) {
                            CellSpec plain = cell(io, http, d, s, "kafka", o).carrying(f, f.batches() ? o.batch() : 1);
                            cells.add(plain);
                            if (o.tls()) {
                                cells.addAll(tlsTwins(plain));
                            }
                        }
                    }
                }
            }
        }
        if (o.baselines()) {
            String io = o.runtimes().contains("epoll") ? "epoll" : o.runtimes().get(0);
            String http = o.https().contains("raw") ? "raw" : o.https().get(0);
            for (String d : o.deliveries()) {
                cells.add(cell(io, http, d, Scenario.KEEPALIVE, "none", o));
            }
            cells.add(new CellSpec("-", "-", "ack", Scenario.KEEPALIVE, "producer", o.payloadBytes(),
                    o.connections(), 0));
        }
        return cells;
    }

    private static List<CellSpec> tlsTwins(CellSpec plain) {
        return switch (plain.scenario()) {
            case KEEPALIVE, RATE -> List.of(plain.over(CellSpec.TLS));
            case BURST, CONNECT -> List.of(plain.over(CellSpec.TLS), plain.over(CellSpec.TLS_FULL));
        };
    }

    private static CellSpec cell(String io, String http, String delivery, Scenario s, String sink, BenchOptions o) {
        int concurrency = s == Scenario.BURST ? o.burstSize() : o.connections();
        return new CellSpec(io, http, delivery, s, sink, o.payloadBytes(), concurrency,
                s == Scenario.RATE ? o.rate() : 0);
    }
}
