package io.sluice.bench.report;

import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.TlsFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code sluice bench --tls} answers, in a few lines: TLS keep-alive throughput as a fraction of the same
 * cell in plaintext (the issue asks for at least 0.7), and for connection-per-request load the handshakes per
 * second with full handshakes and with session resumption. Pure.
 *
 * <p>Example (figures illustrative):
 * <pre>
 * TLS (gateway: self-signed ECDSA P-256; load generator: JDK TLS, TLS 1.3)
 *   keep-alive  epoll/raw/async c64: 41,200 req/s over TLS vs 55,300 plaintext = 0.75x
 *   handshakes  epoll/raw/async/burst c1000: 2,150/s full, 6,900/s resumed (99% resumed)
 * </pre>
 */
public final class TlsSummary {
    private TlsSummary() {
    }

    /** The summary lines, or an empty list when the run has no TLS cells. */
    public static List<String> lines(List<CellResult> cells) {
        List<String> out = new ArrayList<>();
        Map<String, CellResult> byId = cells.stream().collect(Collectors.toMap(CellResult::id, Function.identity(),
                (a, b) -> a));
        for (CellResult c : cells) {
            if (c.tls() == null || !c.status().equals("OK")) {
                continue;
            }
            String base = plainId(c);
            if (c.scenario().equals("keepalive") && c.tls().transport().equals("tls")) {
                Optional.ofNullable(byId.get(base)).filter(p -> p.status().equals("OK")).ifPresent(p ->
                        out.add(String.format("  keep-alive  %s: %,.0f req/s over TLS vs %,.0f plaintext = %.2fx",
                                label(c), c.throughput().estimate(), p.throughput().estimate(),
                                c.throughput().estimate() / p.throughput().estimate())));
            } else if ((c.scenario().equals("burst") || c.scenario().equals("connect"))
                    && c.tls().transport().equals("tls")) {
                CellResult full = byId.get(base + "/tls-full");
                TlsFigures f = full == null || !full.status().equals("OK") ? null : full.tls();
                out.add(String.format("  handshakes  %s/%s: %s full, %,.0f/s with resumption (%.0f%% resumed)",
                        label(c), c.scenario(), f == null ? "n/a" : String.format("%,.0f/s", f.handshakesPerSecond()),
                        c.tls().handshakesPerSecond(), 100 * c.tls().resumedShare()));
            }
        }
        if (!out.isEmpty()) {
            out.add(0, "TLS (each TLS cell next to its plaintext twin; handshakes/s = new connections/s)");
        }
        return out;
    }

    private static String plainId(CellResult c) {
        String suffix = "/" + c.tls().transport();
        return c.id().endsWith(suffix) ? c.id().substring(0, c.id().length() - suffix.length()) : c.id();
    }

    private static String label(CellResult c) {
        return c.runtime() + "/" + c.http() + "/" + c.delivery() + " c" + c.concurrency();
    }
}
