package io.sluice.gateway.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An authentication method {@code --auth} may list. Immutable. */
public enum AuthMethod {
    /** {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}, checked against {@code --api-keys}. */
    API_KEY("api-key", "Bearer realm=\"sluice\""),
    /** {@code Authorization: Bearer <JWT>}, verified against {@code --jwt-jwks}. */
    JWT("jwt", "Bearer realm=\"sluice\""),
    /** {@code Authorization: Basic ...}, checked against {@code --basic-users}. */
    BASIC("basic", "Basic realm=\"sluice\", charset=\"UTF-8\""),
    /** The verified TLS client certificate (the TLS listener fills it). HTTP has no challenge for it. */
    MTLS("mtls", null);

    private final String cliName;
    private final String challenge;

    AuthMethod(String cliName, String challenge) {
        this.cliName = cliName;
        this.challenge = challenge;
    }

    /** The name on the command line, in metrics and in {@link Principal#method()}. */
    public String cliName() {
        return cliName;
    }

    /** The {@code WWW-Authenticate} challenge of a 401, or null when HTTP has none for this method. */
    public String challenge() {
        return challenge;
    }

    /** Parses a name as {@code --auth} takes it, e.g. {@code api-key}. */
    public static AuthMethod parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (AuthMethod m : values()) {
            if (m.cliName.equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown authentication method '" + text + "'; use "
                + Arrays.stream(values()).map(AuthMethod::cliName).collect(Collectors.joining(", ")));
    }
}
