package io.sluice.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sluice.gateway.access.internal.QuotaBucket;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Thread-safe and non-blocking (lock-free on the hot path): the {@link QuotaGate} of {@code --quota}, with
 * per-principal token buckets of requests/s and bytes/s (see {@link QuotaBucket}: one second's worth of
 * burst, an exact Retry-After, a body larger than one second's budget admitted into debt).
 *
 * <p>A principal's limits are, in order: the ACL file's quota entry for its name; else the first entry, in
 * file order, for a group it belongs to; else the {@code --quota} default. An entry that sets only one rate
 * takes the other from the default. Each principal has its own buckets, also when its limits come from a
 * group. The entries are read through a supplier (the reloaded ACL file), so a reload changes the limits
 * of the next request; a principal whose limits changed starts again with full buckets.
 *
 * <p>Memory is bounded: buckets live in a Caffeine cache of at most {@value #MAX_PRINCIPALS} principals,
 * dropped after {@link #IDLE} without a request. An idle bucket is full again after one second, so
 * dropping it loses nothing, except the debt of a body larger than ten minutes' byte budget.
 */
public final class TokenBucketQuotas implements QuotaGate {
    /** How long a principal's buckets are kept without a request. */
    public static final Duration IDLE = Duration.ofMinutes(10);
    static final int MAX_PRINCIPALS = 100_000;

    private record Resolved(List<QuotaOverride> source, Map<String, QuotaLimits> byPrincipal,
                            List<Map.Entry<String, QuotaLimits>> byGroup) {
    }

    private record Limited(QuotaLimits limits, QuotaBucket bucket) {
    }

    private final QuotaLimits defaults;
    private final Supplier<List<QuotaOverride>> overrides;
    private final LongSupplier nanoClock;
    private final Cache<String, Limited> buckets;
    private volatile Resolved resolved;

    /**
     * @param defaults  the {@code --quota} limits
     * @param overrides the ACL file's quota entries in force, e.g. {@code acl::quotaOverrides}; read on every
     *                  call, so it must be cheap (a volatile read)
     * @param nanoClock {@code System::nanoTime} in production, a fake in tests
     */
    public TokenBucketQuotas(QuotaLimits defaults, Supplier<List<QuotaOverride>> overrides, LongSupplier nanoClock) {
        this.defaults = defaults;
        this.overrides = overrides;
        this.nanoClock = nanoClock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_PRINCIPALS)
                .expireAfterAccess(IDLE)
                .ticker(nanoClock::getAsLong)
                .build();
        this.resolved = resolve(overrides.get());
    }

    /** Limits from {@code --quota} alone (no ACL file). */
    public TokenBucketQuotas(QuotaLimits defaults, LongSupplier nanoClock) {
        this(defaults, List::of, nanoClock);
    }

    @Override
    public long tryAcquire(Principal who, long bytes) {
        QuotaBucket b = bucketFor(who);
        return b == null ? 0 : b.tryAcquire(bytes, nanoClock.getAsLong());
    }

    @Override
    public void charge(Principal who, long bytes) {
        QuotaBucket b = bucketFor(who);
        if (b != null) {
            b.charge(bytes, nanoClock.getAsLong());
        }
    }

    /** The limits that apply to {@code who} now. */
    public QuotaLimits limitsFor(Principal who) {
        Resolved r = resolved();
        QuotaLimits own = r.byPrincipal().get(who.name());
        if (own != null) {
            return own;
        }
        if (!who.groups().isEmpty()) {
            for (Map.Entry<String, QuotaLimits> g : r.byGroup()) {
                if (who.groups().contains(g.getKey())) {
                    return g.getValue();
                }
            }
        }
        return defaults;
    }

    private QuotaBucket bucketFor(Principal who) {
        QuotaLimits limits = limitsFor(who);
        if (limits.isUnlimited()) {
            return null;
        }
        Limited l = buckets.getIfPresent(who.name());
        if (l != null && l.limits().equals(limits)) {
            return l.bucket();
        }
        return buckets.asMap().compute(who.name(), (name, old) -> old != null && old.limits().equals(limits) ? old
                : new Limited(limits, new QuotaBucket(limits.requestsPerSecond(), limits.bytesPerSecond(),
                        nanoClock.getAsLong()))).bucket();
    }

    private Resolved resolved() {
        Resolved r = resolved;
        List<QuotaOverride> now = overrides.get();
        if (r.source() != now) {
            r = resolve(now);
            resolved = r;
        }
        return r;
    }

    private Resolved resolve(List<QuotaOverride> entries) {
        Map<String, QuotaLimits> byPrincipal = new HashMap<>();
        Map<String, QuotaLimits> byGroup = new LinkedHashMap<>();
        for (QuotaOverride o : entries) {
            if (o.principal() != null) {
                byPrincipal.putIfAbsent(o.principal(), o.over(defaults));
            } else {
                byGroup.putIfAbsent(o.group(), o.over(defaults));
            }
        }
        return new Resolved(entries, Map.copyOf(byPrincipal), List.copyOf(byGroup.entrySet()));
    }

    /** For the startup log: the default rates and how many overrides the ACL file holds now. */
    @Override
    public String toString() {
        return "default " + describe(defaults) + ", " + overrides.get().size() + " override(s) in the ACL file";
    }

    private static String describe(QuotaLimits l) {
        return l.isUnlimited() ? "unlimited" : "requests=" + rate(l.requestsPerSecond()) + "/s,bytes="
                + rate(l.bytesPerSecond()) + "B/s";
    }

    private static String rate(double r) {
        return r == Double.POSITIVE_INFINITY ? "unlimited" : r == Math.rint(r) ? Long.toString((long) r)
                : Double.toString(r);
    }
}
