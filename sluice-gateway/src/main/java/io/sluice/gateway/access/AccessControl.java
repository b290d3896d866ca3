package io.sluice.gateway.access;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The running access machinery built from {@link AccessSettings}: the authenticators over their
 * reloading files, the failure throttle, one background thread that re-reads the files (the ACL's too) every
 * {@link #POLL_SECONDS} seconds and fetches a remote JWKS, and (with Basic) a small pool for password
 * hashing off the I/O threads. Thread-safe; {@link #close()} stops the threads.
 */
public final class AccessControl implements AutoCloseable {
    static final int POLL_SECONDS = 2;
    /** Basic password checks waiting for a hashing thread before more are refused. */
    static final int MAX_QUEUED_PASSWORD_CHECKS = 256;

    private final AccessSettings settings;
    private final Authentication authentication;
    private final FailureThrottle throttle;
    private final List<ReloadingFile<?>> files;
    private final AclAuthorizer acl;
    private final ScheduledExecutorService background;
    private final ExecutorService hashing;

    private AccessControl(AccessSettings settings, Authentication authentication, FailureThrottle throttle,
                          List<ReloadingFile<?>> files, AclAuthorizer acl, ScheduledExecutorService background,
                          ExecutorService hashing) {
        this.acl = acl;
        this.hashing = hashing;
        this.settings = settings;
        this.authentication = authentication;
        this.throttle = throttle;
        this.files = files;
        this.background = background;
    }

    /**
     * Reads every policy file (a bad one fails here, with its line and reason) and starts the reloads.
     *
     * @throws PolicyFileException when a file is missing or invalid
     */
    public static AccessControl start(AccessSettings s, Clock clock, Ticker ticker) throws PolicyFileException {
        List<AuthMethod> methods = s.effectiveMethods();
        AclAuthorizer acl = s.authorizer() instanceof AclAuthorizer a ? a : null;
        if (methods.isEmpty() && acl == null) {
            return new AccessControl(s, null, FailureThrottle.OFF, List.of(), null, null, null);
        }
        ScheduledExecutorService bg = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-access-reload");
            t.setDaemon(true);
            return t;
        });
        ExecutorService hashing = methods.contains(AuthMethod.BASIC) ? passwordHashing() : null;
        try {
            List<ReloadingFile<?>> files = new ArrayList<>();
            Map<AuthMethod, Authenticator> auth = new EnumMap<>(AuthMethod.class);
            for (AuthMethod m : methods) {
                switch (m) {
                    case API_KEY -> {
                        ReloadingFile<ApiKeys> f = new ReloadingFile<>(s.apiKeys(), "API keys", ApiKeys::parse);
                        files.add(f);
                        auth.put(m, new ApiKeyAuthenticator(f::current));
                    }
                    case BASIC -> {
                        ReloadingFile<BasicUsers> f = new ReloadingFile<>(s.basicUsers(), "Basic users",
                                BasicUsers::parse);
                        files.add(f);
                        auth.put(m, new BasicAuthenticator(f::current, ticker, hashing));
                    }
                    case JWT -> auth.put(m, new JwtAuthenticator(jwks(s.jwtJwks(), files, bg), s.jwt(), clock, ticker));
                    case MTLS -> auth.put(m, credential -> AuthOutcome.refused(AuthMethod.MTLS,
                            AuthOutcome.Reason.INVALID)); // never asked: Authentication reads the certificate
                }
            }
            List<ReloadingFile<?>> all = List.copyOf(files);
            bg.scheduleWithFixedDelay(() -> reload(all, acl), POLL_SECONDS, POLL_SECONDS, TimeUnit.SECONDS);
            return new AccessControl(s, methods.isEmpty() ? null : new Authentication(auth),
                    methods.isEmpty() ? FailureThrottle.OFF
                            : new FailureThrottle(s.failureLimit(), s.failureWindow(), ticker), all, acl, bg, hashing);
        } catch (PolicyFileException | RuntimeException e) {
            bg.shutdownNow();
            if (hashing != null) {
                hashing.shutdownNow();
            }
            throw e;
        }
    }

    /** Half the cores (at least one) hash passwords; a bounded queue, then refusal. */
    private static ExecutorService passwordHashing() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED_PASSWORD_CHECKS), r -> {
                    Thread t = new Thread(r, "sluice-password-check");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    private static JwksSource jwks(String where, List<ReloadingFile<?>> files, ScheduledExecutorService bg)
            throws PolicyFileException {
        if (where.startsWith("https://") || where.startsWith("http://")) {
            return new RemoteJwks(URI.create(where), bg, System::nanoTime);
        }
        ReloadingFile<JWKSet> f = new ReloadingFile<>(Path.of(where), "JWKS", AccessControl::parseJwks);
        files.add(f);
        return new JwksSource() {
            @Override
            public JWKSet current() {
                return f.current();
            }

            @Override
            public void refreshSoon() {
                // the poller re-reads the file every POLL_SECONDS seconds anyway
            }
        };
    }

    static JWKSet parseJwks(Path file, byte[] content) throws PolicyFileException {
        try {
            return JWKSet.parse(new String(content, StandardCharsets.UTF_8)).toPublicJWKSet();
        } catch (ParseException e) {
            throw new PolicyFileException(file, 0, "not a JWK set: " + e.getMessage());
        }
    }

    public AccessSettings settings() {
        return settings;
    }

    /** The configured methods, or null when authentication is off. */
    public Authentication authentication() {
        return authentication;
    }

    public FailureThrottle throttle() {
        return throttle;
    }

    /** Re-reads every policy file now (tests; production polls). */
    public void reloadNow() {
        reload(files, acl);
    }

    private static void reload(List<ReloadingFile<?>> files, AclAuthorizer acl) {
        files.forEach(ReloadingFile::reloadIfChanged);
        if (acl != null) {
            acl.reloadIfChanged();
        }
    }

    @Override
    public void close() {
        if (background != null) {
            background.shutdownNow();
        }
        if (hashing != null) {
            hashing.shutdownNow();
        }
    }
}
