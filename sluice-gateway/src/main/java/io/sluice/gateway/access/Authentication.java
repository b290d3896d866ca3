package io.sluice.gateway.access;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configured methods together: which method a credential is for, and the answer. Thread-safe and
 * non-blocking (see each {@link Authenticator}); pure, so it is tested without sockets.
 *
 * <p>Which method looks at what:
 * <ul>
 *   <li>{@code X-API-Key: K}: API keys.</li>
 *   <li>{@code Authorization: Bearer T}: API keys when T starts with {@value ApiKeys#PREFIX} (or JWT is not
 *       configured), JWT otherwise.</li>
 *   <li>{@code Authorization: Basic B}: Basic.</li>
 *   <li>no credential in the head, and a verified client certificate: mTLS.</li>
 * </ul>
 * Credentials that are present but wrong are refused even when a client certificate would do: a
 * client that sends a key means that key.
 */
public final class Authentication {
    private final Map<AuthMethod, Authenticator> methods;
    private final List<String> challenges;

    public Authentication(Map<AuthMethod, Authenticator> methods) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("no authentication method");
        }
        this.methods = new EnumMap<>(methods);
        List<String> c = new ArrayList<>();
        for (AuthMethod m : this.methods.keySet()) {
            if (m.challenge() != null && !c.contains(m.challenge())) {
                c.add(m.challenge());
            }
        }
        this.challenges = List.copyOf(c);
    }

    /** The methods in force, in {@link AuthMethod} order. */
    public Set<AuthMethod> methods() {
        return methods.keySet();
    }

    /** The {@code WWW-Authenticate} challenges of a 401, one per scheme (API keys and JWT share Bearer). */
    public List<String> challenges() {
        return challenges;
    }

    public AuthOutcome authenticate(Credentials c) {
        if (c.apiKey() != null && methods.containsKey(AuthMethod.API_KEY)) {
            return methods.get(AuthMethod.API_KEY).authenticate(c.apiKey().trim());
        }
        String auth = c.authorization();
        if (auth != null) {
            String bearer = afterScheme(auth, "Bearer");
            if (bearer != null) {
                Authenticator keys = methods.get(AuthMethod.API_KEY);
                Authenticator jwt = methods.get(AuthMethod.JWT);
                if (keys != null && (jwt == null || bearer.startsWith(ApiKeys.PREFIX))) {
                    return keys.authenticate(bearer);
                }
                if (jwt != null) {
                    return jwt.authenticate(bearer);
                }
            }
            String basic = afterScheme(auth, "Basic");
            if (basic != null && methods.containsKey(AuthMethod.BASIC)) {
                return methods.get(AuthMethod.BASIC).authenticate(basic);
            }
            // A scheme no configured method takes: the client certificate may still do; else it is invalid.
            if (c.tlsPrincipal() == null || !methods.containsKey(AuthMethod.MTLS)) {
                return AuthOutcome.refused(null, AuthOutcome.Reason.INVALID);
            }
        }
        if (c.tlsPrincipal() != null && methods.containsKey(AuthMethod.MTLS)) {
            return AuthOutcome.ok(new Principal(c.tlsPrincipal(), Set.of(), AuthMethod.MTLS.cliName()));
        }
        return AuthOutcome.refused(null, AuthOutcome.Reason.MISSING);
    }

    /** The credential after {@code scheme SP} (scheme case-insensitive, RFC 9110 11.1), or null. */
    private static String afterScheme(String header, String scheme) {
        int n = scheme.length();
        if (header.length() > n + 1 && header.regionMatches(true, 0, scheme, 0, n) && header.charAt(n) == ' ') {
            String v = header.substring(n + 1).trim();
            return v.isEmpty() ? null : v;
        }
        return null;
    }
}
