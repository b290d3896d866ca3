package io.sluice.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.access.AuthMethod;
import io.sluice.gateway.access.AuthOutcome;
import io.sluice.gateway.access.Authentication;
import io.sluice.gateway.access.FailureThrottle;
import io.sluice.gateway.access.Principal;
import io.sluice.gateway.access.QuotaGate;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The gate's decisions and answers without sockets: order of the checks, statuses, headers, metrics. */
class RequestGateTest {
    private static final ConnectionInfo PEER = new ConnectionInfo(new InetSocketAddress("10.1.2.3", 40000));
    private final List<String> reported = new ArrayList<>();
    private final RefusalMetrics metrics = new RefusalMetrics() {
        @Override
        public void authenticationFailed(String method, String reason) {
            reported.add("401 " + method + " " + reason);
        }

        @Override
        public void forbidden(Principal who) {
            reported.add("403 " + who.name());
        }

        @Override
        public void throttled(String kind, Principal who) {
            reported.add("429 " + kind);
        }
    };
    /** "token-of-NAME" is NAME; "slow" is decided later; anything else is invalid. */
    private final Authentication auth = new Authentication(Map.of(AuthMethod.JWT, t -> {
        if (t.equals("slow")) {
            return AuthOutcome.later(CompletableFuture.completedFuture(
                    AuthOutcome.ok(new Principal("late", Set.of(), "jwt"))));
        }
        return t.startsWith("token-of-") ? AuthOutcome.ok(new Principal(t.substring(9), Set.of(), "jwt"))
                : AuthOutcome.refused(AuthMethod.JWT, AuthOutcome.Reason.INVALID);
    }));

    private static RequestHeaders headers(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i].toLowerCase(), pairs[i + 1]);
        }
        return new RequestHeaders() {
            @Override
            public String get(String name) {
                return m.get(name.toLowerCase());
            }

            @Override
            public void forEach(BiConsumer<String, String> action) {
                m.forEach(action);
            }
        };
    }

    private RequestGate gate(QuotaGate quotas) {
        return new RequestGate(auth, new FailureThrottle(2, Duration.ofMinutes(1),
                com.github.benmanes.caffeine.cache.Ticker.systemTicker()), (who, topic) -> !topic.equals("secret"),
                quotas, metrics);
    }

    @Test
    void shouldAdmitEveryoneAsTheSameAnonymousAdmissionWhenOpen() {
        RequestGate.Admission a = RequestGate.OPEN.admit(headers(), PEER, "events", 10);

        assertThat(RequestGate.OPEN.isOpen()).isTrue();
        assertThat(a).isSameAs(RequestGate.Admission.ANONYMOUS);
    }

    @Test
    void shouldAnswer401WithChallengeAndReasonThenClose() {
        RequestGate.Admission a = gate(QuotaGate.UNLIMITED).admit(headers(), PEER, "events", 10);

        assertThat(a.admitted()).isFalse();
        assertThat(a.refusal().status()).isEqualTo(401);
        assertThat(a.refusal().close()).isTrue();
        assertThat(a.refusal().headers()).containsExactly(Map.entry("WWW-Authenticate", "Bearer realm=\"sluice\""));
        assertThat(new String(a.refusal().body())).contains("\"reason\":\"missing\"");
        assertThat(reported).containsExactly("401 none missing");
    }

    @Test
    void shouldDecideForbiddenBeforeTheQuotaIsTouched() {
        List<String> quotaCalls = new ArrayList<>();
        QuotaGate counting = new QuotaGate() {
            @Override
            public long tryAcquire(Principal who, long bytes) {
                quotaCalls.add(who.name() + " " + bytes);
                return 0;
            }

            @Override
            public void charge(Principal who, long bytes) {
            }
        };
        RequestGate gate = gate(counting);

        RequestGate.Admission denied = gate.admit(headers("Authorization", "Bearer token-of-alice"), PEER, "secret", 5);
        RequestGate.Admission allowed = gate.admit(headers("Authorization", "Bearer token-of-alice"), PEER, "events", 5);

        assertThat(denied.refusal().status()).isEqualTo(403);
        assertThat(new String(denied.refusal().body())).contains("'secret'");
        assertThat(allowed.principal().name()).isEqualTo("alice");
        assertThat(quotaCalls).containsExactly("alice 5");
        assertThat(reported).containsExactly("403 alice");
    }

    @Test
    void shouldRoundTheQuotasWaitUpToWholeSecondsInRetryAfter() {
        QuotaGate full = new QuotaGate() {
            @Override
            public long tryAcquire(Principal who, long bytes) {
                return 2_000_000_001L;
            }

            @Override
            public void charge(Principal who, long bytes) {
            }
        };

        RequestGate.Admission a = gate(full).admit(headers("Authorization", "Bearer token-of-bob"), PEER, null, -1);

        assertThat(a.refusal().status()).isEqualTo(429);
        assertThat(a.refusal().headers()).containsExactly(Map.entry("Retry-After", "3"));
        assertThat(new String(a.refusal().body())).contains("quota_exceeded");
        assertThat(reported).containsExactly("429 quota");
    }

    @Test
    void shouldThrottleAnAddressAfterItsFailuresBeforeLookingAtCredentials() {
        RequestGate gate = gate(QuotaGate.UNLIMITED);
        gate.admit(headers("Authorization", "Bearer wrong"), PEER, "events", 1);
        gate.admit(headers("Authorization", "Bearer wrong"), PEER, "events", 1);

        RequestGate.Admission a = gate.admit(headers("Authorization", "Bearer token-of-alice"), PEER, "events", 1);
        RequestGate.Admission other = gate.admit(headers("Authorization", "Bearer token-of-alice"),
                new ConnectionInfo(new InetSocketAddress("10.9.9.9", 1)), "events", 1);

        assertThat(a.refusal().status()).isEqualTo(429);
        assertThat(a.refusal().headers().get(0).getKey()).isEqualTo("Retry-After");
        assertThat(other.admitted()).isTrue();
        assertThat(reported).containsExactly("401 jwt invalid", "401 jwt invalid", "429 auth");
    }

    @Test
    void shouldFinishASlowAuthenticationWithTheSameChecks() {
        RequestGate.Admission a = gate(QuotaGate.UNLIMITED).admit(headers("Authorization", "Bearer slow"), PEER,
                "secret", 1);

        assertThat(a.isPending()).isTrue();
        assertThat(a.pending().join().refusal().status()).isEqualTo(403);
    }

    @Test
    void shouldTakeTheTlsClientPrincipalWhenMtlsIsAMethodAndNoOtherCredentialIsSent() {
        Authentication mtls = new Authentication(Map.of(AuthMethod.MTLS,
                c -> AuthOutcome.refused(AuthMethod.MTLS, AuthOutcome.Reason.INVALID)));
        RequestGate gate = new RequestGate(mtls, FailureThrottle.OFF, (who, topic) -> true, QuotaGate.UNLIMITED,
                metrics);
        ConnectionInfo tls = new ConnectionInfo(PEER.peer(), new TlsSession("TLSv1.3", "TLS_AES_128_GCM_SHA256",
                "device-42"));

        assertThat(gate.admit(headers(), tls, "events", 1).principal())
                .isEqualTo(new Principal("device-42", Set.of(), "mtls"));
        assertThat(gate.admit(headers(), PEER, "events", 1).refusal().status()).as("plaintext: no certificate")
                .isEqualTo(401);
    }
}
