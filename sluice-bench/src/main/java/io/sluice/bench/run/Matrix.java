package io.sluice.bench.run;

import io.sluice.loadgen.BodyFormat;
import io.sluice.loadgen.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands bench options into the cells to run, in a sensible order. Pure.
 *
 * <p>Cells are grouped by scenario, then by connection count ({@code --connections 64,1000}: keepalive, connect
 * and rate once per count; burst always uses {@code --burst-size}). With {@code --reference}, each group starts
 * with the reference design's cell, so that it and the Sluice cells it is compared with run minutes apart, on the
 * same broker, under the same load.
 *
 * <p>With {@code --tls}, every gateway cell that produces to Kafka is followed by its TLS twins, so that a
 * plaintext figure and its TLS figure are measured minutes apart rather than at both ends of the run: keep-alive
 * and rate cells once over TLS (the handshakes happen before the measurement; what is left is the cost of
 * encryption), burst and connect cells twice, with session resumption and with full handshakes only, since
 * there every request is a new connection and the handshake is the cost.
 *
 * <p>With several {@code --format}s, the formats of one configuration run back to back (raw, then ndjson and
 * v2-json with {@code --batch} records per request), so their records per second compare like for like.
 *
 * <p>Example: {@code --io io_uring --http raw --delivery async,ack --scenario keepalive,burst --connections
 * 64,1000 --reference run.sh --no-baselines} gives 9 cells: reference, async, ack at keepalive c64, the same at
 * keepalive c1000, then at burst c1000.
 */
public final class Matrix {
    private Matrix() {
    }

    public static List<CellSpec> of(BenchOptions o) {
        List<CellSpec> cells = new ArrayList<>();
        if (o.targetUrl() != null) {
            for (Scenario s : o.scenarios()) {
                for (int c : counts(s, o)) {
                    for (String d : o.deliveries()) {
                        cells.add(cell("external", "-", d, s, "external", c, o));
                    }
                }
            }
            return cells;
        }
        for (Scenario s : o.scenarios()) {
            for (int c : counts(s, o)) {
                if (o.reference() != null) {
                    cells.add(cell(CellSpec.REFERENCE, "-", "-", s, "kafka", c, o));
                }
                cells.addAll(gatewayCells(s, c, o));
            }
        }
        if (o.baselines()) {
            String io = o.runtimes().contains("epoll") ? "epoll" : o.runtimes().get(0);
            String http = o.https().contains("raw") ? "raw" : o.https().get(0);
            for (int c : o.connections()) {
                for (String d : o.deliveries()) {
                    cells.add(cell(io, http, d, Scenario.KEEPALIVE, "none", c, o));
                }
            }
            cells.add(new CellSpec("-", "-", "ack", Scenario.KEEPALIVE, "producer", o.payloadBytes(),
                    o.connections().get(0), 0));
        }
        return cells;
    }

    /** Sluice's cells of one scenario and connection count: every delivery, runtime, HTTP style and format. */
    private static List<CellSpec> gatewayCells(Scenario s, int connections, BenchOptions o) {
        List<CellSpec> cells = new ArrayList<>();
        for (String d : o.deliveries()) {
            for (String io : o.runtimes()) {
                for (String http : o.https()) {
                    if (io.equals("virtual") && http.equals("codec")) {
                        continue; // not a valid combination
                    }
                    for (BodyFormat f : o.formats()) {
                        CellSpec plain = cell(io, http, d, s, "kafka", connections, o)
                                .carrying(f, f.batches() ? o.batch() : 1);
                        cells.add(plain);
                        if (o.tls()) {
                            cells.addAll(tlsTwins(plain));
                        }
                    }
                }
            }
        }
        return cells;
    }

    /** The concurrencies a scenario runs at: the burst size for burst, every connection count otherwise. */
    private static List<Integer> counts(Scenario s, BenchOptions o) {
        return s == Scenario.BURST ? List.of(o.burstSize()) : o.connections();
    }

    private static List<CellSpec> tlsTwins(CellSpec plain) {
        return switch (plain.scenario()) {
            case KEEPALIVE, RATE -> List.of(plain.over(CellSpec.TLS));
            case BURST, CONNECT -> List.of(plain.over(CellSpec.TLS), plain.over(CellSpec.TLS_FULL));
        };
    }

    private static CellSpec cell(String io, String http, String delivery, Scenario s, String sink, int concurrency,
                                 BenchOptions o) {
        return new CellSpec(io, http, delivery, s, sink, o.payloadBytes(), concurrency,
                s == Scenario.RATE ? o.rate() : 0);
    }
}
