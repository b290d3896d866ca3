package io.sluice.gateway.access;

/**
 * One entry of an ACL file's {@code quotas} section: limits for one principal, or for each member of one
 * group, replacing the {@code --quota} default. Exactly one of {@code principal} and {@code group} is set.
 * A null rate is not overridden (the default's stands); {@link Double#POSITIVE_INFINITY} is unlimited.
 * Immutable.
 *
 * @param line the entry's 1-based line in the file, for log lines
 */
public record QuotaOverride(String principal, String group, Double requestsPerSecond, Double bytesPerSecond,
                            int line) {

    public QuotaOverride {
        if ((principal == null) == (group == null)) {
            throw new IllegalArgumentException("exactly one of principal and group");
        }
    }

    /** The limits of a principal this entry applies to, given the default. */
    public QuotaLimits over(QuotaLimits defaults) {
        return new QuotaLimits(requestsPerSecond == null ? defaults.requestsPerSecond() : requestsPerSecond,
                bytesPerSecond == null ? defaults.bytesPerSecond() : bytesPerSecond);
    }
}
