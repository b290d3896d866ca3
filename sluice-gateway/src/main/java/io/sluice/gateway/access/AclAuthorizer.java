package io.sluice.gateway.access;

import java.nio.file.Path;
import java.util.List;

/**
 * Thread-safe and non-blocking: the {@link Authorizer} of {@code --acl FILE}, deciding from the file's
 * last good {@link AclPolicy}. Anything no rule allows is denied.
 *
 * <p>A decision reads one volatile field and walks the precompiled rules that name the caller; nothing is
 * compiled or cached per call, so a reload takes effect on the very next request. {@link #reloadIfChanged}
 * is for one poller at a time (a scheduled task in production).
 */
public final class AclAuthorizer implements Authorizer {
    private final ReloadingFile<AclPolicy> file;

    private AclAuthorizer(ReloadingFile<AclPolicy> file) {
        this.file = file;
    }

    /**
     * Reads {@code aclFile}.
     *
     * @throws PolicyFileException when it is missing, unreadable or invalid, with the line and reason
     */
    public static AclAuthorizer fromFile(Path aclFile) throws PolicyFileException {
        return new AclAuthorizer(new ReloadingFile<>(aclFile, "ACL", AclPolicy::parse));
    }

    @Override
    public boolean mayProduce(Principal who, String topic) {
        return file.current().mayProduce(who, topic);
    }

    /**
     * Re-reads the file if it changed; true when a new policy took effect. A bad edit is logged and the
     * last good policy stays (see {@link ReloadingFile}).
     */
    public boolean reloadIfChanged() {
        return file.reloadIfChanged();
    }

    /** The number of rules in force, for the startup log. */
    public int ruleCount() {
        return file.current().ruleCount();
    }

    /** The {@code quotas} section in force; pass {@code acl::quotaOverrides} to {@link TokenBucketQuotas}. */
    public List<QuotaOverride> quotaOverrides() {
        return file.current().quotas();
    }

    public Path file() {
        return file.file();
    }
}
