package io.sluice.bench.soak;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sorts what the clients of a topology run saw into what a well-behaved deployment may show them and what it
 * may not: an immutable value, safe from any thread.
 *
 * <p>Allowed: 2xx, and {@code 503} (the gateway's {@code shutting_down}, {@code kafka_unavailable} or
 * {@code buffer_full}, or HAProxy's own when no gateway is up: each carries no record and may be retried).
 * Not allowed: any other status (a 502 or 504 from HAProxy means a gateway reset or timed out a request it had
 * read, whose record may or may not be in Kafka), and every request that ended without an answer: a reset, a
 * timeout, a refused connect, or a connection closed while the request was out. A connection closed while idle
 * is no error at all: the load generator counts none for it and opens a new one for its next request.
 *
 * @param allowed by class ("2xx", "503"), counts
 * @param refused by class (a status such as "502", or an error kind such as "reset"), counts
 */
public record ClientErrorClasses(Map<String, Long> allowed, Map<String, Long> refused) {

    public ClientErrorClasses {
        allowed = Collections.unmodifiableMap(new TreeMap<>(allowed));
        refused = Collections.unmodifiableMap(new TreeMap<>(refused));
    }

    /**
     * @param statuses answers by status code, as the soak reports them ("200" -> count)
     * @param errors   requests without an answer by kind, lower case ("reset" -> count); zero counts ignored
     */
    public static ClientErrorClasses of(Map<String, Long> statuses, Map<String, Long> errors) {
        Map<String, Long> allowed = new TreeMap<>();
        Map<String, Long> refused = new TreeMap<>();
        statuses.forEach((status, count) -> {
            if (count == 0) {
                return;
            }
            int code = Integer.parseInt(status);
            if (code >= 200 && code < 300) {
                allowed.merge("2xx", count, Long::sum);
            } else if (code == 503) {
                allowed.merge("503", count, Long::sum);
            } else {
                refused.merge(status, count, Long::sum);
            }
        });
        errors.forEach((kind, count) -> {
            if (count > 0) {
                refused.merge(kind.toLowerCase(Locale.ROOT), count, Long::sum);
            }
        });
        return new ClientErrorClasses(allowed, refused);
    }

    public boolean passed() {
        return refused.isEmpty();
    }

    /** Why the run fails on client errors; empty when it does not. */
    public List<String> failures() {
        List<String> out = new ArrayList<>();
        refused.forEach((what, count) -> out.add(String.format(Locale.ROOT,
                "%,d request(s) ended with %s%s", count, what.matches("\\d+") ? "status " : "", what)));
        return out;
    }
}
