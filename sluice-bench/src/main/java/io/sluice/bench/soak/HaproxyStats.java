package io.sluice.bench.soak;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What HAProxy did for the clients of a topology run, read from its stats socket ({@code show stat}): how many
 * requests it retried and sent to another gateway, and what the gateways answered it, which the clients never
 * saw when a retry succeeded. Stateless; thread-safe.
 */
public final class HaproxyStats {
    /** The backend's figures kept, by HAProxy's CSV column, with the name the report gives them. */
    private static final Map<String, String> BACKEND = new LinkedHashMap<>();
    static {
        BACKEND.put("wretr", "retries");
        BACKEND.put("wredis", "redispatches");
        BACKEND.put("econ", "connect errors");
        BACKEND.put("eresp", "response errors");
    }

    private HaproxyStats() {
    }

    /** Asks the stats socket at {@code socket} for {@code show stat} and {@link #parse}s the answer. */
    public static Map<String, Long> read(Path socket, String backend) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.write(ByteBuffer.wrap("show stat\n".getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
            while (ch.read(buf) >= 0) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            return parse(out.toString(StandardCharsets.US_ASCII), backend);
        }
    }

    /**
     * From a {@code show stat} CSV: the BACKEND row of {@code backend} (retries, redispatches, connect and response
     * errors), and, summed over its servers' rows, their UP-to-DOWN transitions (the backend row counts only its
     * own, when no server is left) and the 5xx they answered (a 503 that HAProxy retried elsewhere is counted
     * there, though no client saw it); a column that is missing or empty counts 0.
     */
    static Map<String, Long> parse(String csv, String backend) {
        List<String> lines = csv.lines().toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("# ")) {
            throw new IllegalArgumentException("not a HAProxy 'show stat' answer: " + csv.lines().findFirst().orElse(""));
        }
        List<String> header = Arrays.asList(lines.get(0).substring(2).split(",", -1));
        Map<String, Long> figures = null;
        long serverFiveXx = 0;
        long serverDowns = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length < 2 || !cells[0].equals(backend)) {
                continue;
            }
            if (cells[1].equals("BACKEND")) {
                figures = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : BACKEND.entrySet()) {
                    figures.put(e.getValue(), cell(header, cells, e.getKey()));
                }
            } else if (!cells[1].equals("FRONTEND")) {
                serverFiveXx += cell(header, cells, "hrsp_5xx");
                serverDowns += cell(header, cells, "chkdown");
            }
        }
        if (figures == null) {
            throw new IllegalArgumentException("no BACKEND row for '" + backend + "' in HAProxy's stats");
        }
        figures.put("gateway DOWN transitions", serverDowns);
        figures.put("5xx answered by gateways", serverFiveXx);
        return figures;
    }

    private static long cell(List<String> header, String[] cells, String column) {
        int i = header.indexOf(column);
        String v = i >= 0 && i < cells.length ? cells[i] : "";
        return v.isEmpty() ? 0 : Long.parseLong(v);
    }
}
