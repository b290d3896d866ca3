package io.sluice.gateway.access;

import java.util.Set;
import java.util.function.Supplier;

/**
 * API keys: the key's hash looked up in the current {@link ApiKeys} (reloaded by a {@link ReloadingFile}).
 * Thread-safe and non-blocking: a SHA-256 and a map lookup. Keys are never logged, not even in part.
 */
public final class ApiKeyAuthenticator implements Authenticator {
    private final Supplier<ApiKeys> keys;

    public ApiKeyAuthenticator(Supplier<ApiKeys> keys) {
        this.keys = keys;
    }

    @Override
    public AuthOutcome authenticate(String key) {
        ApiKeys.Entry e = keys.get().find(key);
        return e == null ? AuthOutcome.refused(AuthMethod.API_KEY, AuthOutcome.Reason.INVALID)
                : AuthOutcome.ok(new Principal(e.principal(), Set.of(), AuthMethod.API_KEY.cliName()));
    }
}
