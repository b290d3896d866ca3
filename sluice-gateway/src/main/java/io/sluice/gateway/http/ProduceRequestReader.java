package io.sluice.gateway.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.sluice.gateway.ingest.IngestRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a produce request into records: the body is the value byte for byte (or one value per
 * NDJSON line); key, partition and record headers come from HTTP headers or the query string.
 * Stateless and thread-safe.
 */
public final class ProduceRequestReader {
    static final String KEY_HEADER = "Kafka-Key";
    static final String PARTITION_HEADER = "Kafka-Partition";
    static final String HEADER_PREFIX = "Kafka-Header-";
    private static final JsonFactory JSON = new JsonFactory();

    private ProduceRequestReader() {
    }

    /**
     * @param pathPartition partition named in the path ({@code /topics/t/partitions/p}), or null
     */
    public static List<IngestRecord> read(GatewayRequest req, Integer pathPartition) throws RequestRejection {
        return read(req, pathPartition, isNdjson(req.headers().get("Content-Type")));
    }

    /** @param ndjson whether the body is NDJSON (see {@link #isNdjson}), when the caller already knows */
    public static List<IngestRecord> read(GatewayRequest req, Integer pathPartition, boolean ndjson)
            throws RequestRejection {
        Map<String, List<String>> query = req.query() == null ? Map.of()
                : new QueryStringDecoder(req.query(), StandardCharsets.UTF_8, false).parameters();
        String keyText = firstNonNull(req.headers().get(KEY_HEADER), first(query, "key"));
        byte[] key = keyText == null ? null : keyText.getBytes(StandardCharsets.UTF_8);
        Integer partition = pathPartition != null ? pathPartition
                : parsePartition(firstNonNull(req.headers().get(PARTITION_HEADER), first(query, "partition")));
        List<Map.Entry<String, byte[]>> headers = recordHeaders(req.headers());

        if (ndjson) {
            List<byte[]> lines = ndjsonLines(req.body());
            if (lines.isEmpty()) {
                throw new RequestRejection(400, "bad_request", "NDJSON body has no records (no non-empty line)");
            }
            List<IngestRecord> records = new ArrayList<>(lines.size());
            for (byte[] line : lines) {
                records.add(new IngestRecord(partition, key, line, headers));
            }
            return records;
        }
        return List.of(new IngestRecord(partition, key, ByteBufUtil.getBytes(req.body()), headers));
    }

    /** True for application/x-ndjson or application/ndjson, parameters allowed; allocation-free. */
    static boolean isNdjson(String contentType) {
        return MediaRanges.is(contentType, "application/x-ndjson") || MediaRanges.is(contentType, "application/ndjson");
    }

    /** Non-blank lines (a trailing CR removed), each checked to be one JSON value. */
    static List<byte[]> ndjsonLines(ByteBuf body) throws RequestRejection {
        List<byte[]> lines = new ArrayList<>();
        int start = body.readerIndex();
        int end = body.writerIndex();
        int lineNo = 0;
        while (start < end) {
            int nl = body.indexOf(start, end, (byte) '\n');
            int lineEnd = nl < 0 ? end : nl;
            lineNo++;
            int contentEnd = lineEnd;
            if (contentEnd > start && body.getByte(contentEnd - 1) == '\r') {
                contentEnd--;
            }
            if (!isBlank(body, start, contentEnd)) {
                byte[] line = new byte[contentEnd - start];
                body.getBytes(start, line);
                checkJson(line, lineNo);
                lines.add(line);
            }
            start = lineEnd + 1;
        }
        return lines;
    }

    private static boolean isBlank(ByteBuf b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b.getByte(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static void checkJson(byte[] line, int lineNo) throws RequestRejection {
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() == null) {
                throw new IOException("empty");
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                throw new IOException("more than one JSON value on the line");
            }
        } catch (IOException e) {
            throw new RequestRejection(400, "bad_request", "NDJSON line " + lineNo + " is not one JSON value: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    static Integer parsePartition(String text) throws RequestRejection {
        if (text == null) {
            return null;
        }
        try {
            int p = Integer.parseInt(text.trim());
            if (p >= 0) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the rejection
        }
        throw new RequestRejection(400, "bad_request",
                "partition must be a non-negative integer, was '" + text + "'");
    }

    static List<Map.Entry<String, byte[]>> recordHeaders(RequestHeaders headers) {
        List<Map.Entry<String, byte[]>> out = new ArrayList<>(0);
        headers.forEach((name, value) -> {
            if (name.length() > HEADER_PREFIX.length()
                    && name.regionMatches(true, 0, HEADER_PREFIX, 0, HEADER_PREFIX.length())) {
                out.add(Map.entry(name.substring(HEADER_PREFIX.length()), value.getBytes(StandardCharsets.UTF_8)));
            }
        });
        return out.isEmpty() ? List.of() : out;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
