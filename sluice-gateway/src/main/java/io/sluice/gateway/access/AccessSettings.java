package io.sluice.gateway.access;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who may write what, as configured. Immutable.
 *
 * @param methods                {@code --auth}; empty means: the methods whose files are given
 *                               ({@code --api-keys}, {@code --jwt-jwks}, {@code --basic-users}); none at all
 *                               means authentication is off (every request is {@link Principal#ANONYMOUS})
 * @param apiKeys                {@code --api-keys FILE}, or null
 * @param jwtJwks                {@code --jwt-jwks FILE|URL}, or null
 * @param jwt                    issuer, audience, claims and clock skew for JWTs
 * @param basicUsers             {@code --basic-users FILE}, or null
 * @param principalHeader        {@code --principal-header NAME}: record header carrying the principal, or null
 * @param metricsPrincipalLabels {@code --metrics-principal-labels}: label 403/429 counts by principal
 * @param authorizer             per-topic rules ({@link Authorizer#ALLOW_ALL} without {@code --acl})
 * @param quotas                 per-principal rates ({@link QuotaGate#UNLIMITED} without {@code --quota})
 * @param failureLimit           failed authentications per address per {@code failureWindow} before 429
 * @param failureWindow          see {@code failureLimit}
 */
public record AccessSettings(List<AuthMethod> methods, Path apiKeys, String jwtJwks, JwtAuthenticator.Settings jwt,
                             Path basicUsers, String principalHeader, boolean metricsPrincipalLabels,
                             Authorizer authorizer, QuotaGate quotas, int failureLimit,
                             Duration failureWindow) {
    public static final int DEFAULT_FAILURE_LIMIT = 20;
    public static final Duration DEFAULT_FAILURE_WINDOW = Duration.ofMinutes(1);

    /** Everything off: the gateway as it was before authentication existed. */
    public static final AccessSettings NONE = new AccessSettings(List.of(), null, null, null, null, null, false,
            Authorizer.ALLOW_ALL, QuotaGate.UNLIMITED, DEFAULT_FAILURE_LIMIT, DEFAULT_FAILURE_WINDOW);

    public AccessSettings {
        methods = List.copyOf(methods == null ? List.of() : methods);
        jwt = jwt == null ? new JwtAuthenticator.Settings(null, null, null, null, null) : jwt;
        authorizer = Objects.requireNonNullElse(authorizer, Authorizer.ALLOW_ALL);
        quotas = Objects.requireNonNullElse(quotas, QuotaGate.UNLIMITED);
        failureWindow = Objects.requireNonNullElse(failureWindow, DEFAULT_FAILURE_WINDOW);
        if (failureLimit < 1) {
            throw new IllegalArgumentException("the failed-authentication limit must be positive");
        }
        if (principalHeader != null && principalHeader.isBlank()) {
            principalHeader = null;
        }
        for (AuthMethod m : methods) {
            String missing = switch (m) {
                case API_KEY -> apiKeys == null ? "--auth api-key needs --api-keys FILE" : null;
                case JWT -> jwtJwks == null ? "--auth jwt needs --jwt-jwks FILE|URL" : null;
                case BASIC -> basicUsers == null ? "--auth basic needs --basic-users FILE" : null;
                case MTLS -> null;
            };
            if (missing != null) {
                throw new IllegalArgumentException(missing);
            }
        }
    }

    /** The methods in force: {@link #methods()}, or the ones whose files are given. */
    public List<AuthMethod> effectiveMethods() {
        if (!methods.isEmpty()) {
            return methods;
        }
        List<AuthMethod> m = new ArrayList<>();
        if (apiKeys != null) {
            m.add(AuthMethod.API_KEY);
        }
        if (jwtJwks != null) {
            m.add(AuthMethod.JWT);
        }
        if (basicUsers != null) {
            m.add(AuthMethod.BASIC);
        }
        return List.copyOf(m);
    }

    /** Whether any request can be refused at all (authentication, an ACL or quotas in force). */
    public boolean gated() {
        return !effectiveMethods().isEmpty() || authorizer != Authorizer.ALLOW_ALL || quotas != QuotaGate.UNLIMITED;
    }

    /** The number of ACL rules in force, for the startup log; -1 without {@code --acl}. */
    public int aclRules() {
        return authorizer instanceof AclAuthorizer acl ? acl.ruleCount() : -1;
    }
}
