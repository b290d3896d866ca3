package io.sluice.kafka.embedded.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;

/**
 * Creates (or replaces) SCRAM users on a running KRaft broker through its plaintext listener, and waits
 * until the broker's metadata has them; blocks the calling thread, keeps no state.
 *
 * <p>In KRaft the credentials are metadata records (as {@code kafka-storage format --add-scram} would
 * write at format time); going through {@code Admin#alterUserScramCredentials} after start works as well
 * on storage formatted earlier, which a restart on the same data directory needs.
 */
public final class ScramUsers {

    /** Kafka's minimum for SCRAM-SHA-512, and plenty for a test broker. */
    private static final int ITERATIONS = 4096;
    private static final long POLL_MILLIS = 50;

    private ScramUsers() {
    }

    /** Gives every user (name to password) credentials for SCRAM-SHA-256 and SCRAM-SHA-512. */
    public static void upsertAll(String plaintextBootstrap, Map<String, String> users, Duration timeout) {
        if (users.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties props = new Properties();
        props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, plaintextBootstrap);
        props.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        try (Admin admin = Admin.create(props)) {
            // Kafka refuses two alterations of one user in the same request: one request per mechanism.
            for (ScramMechanism m : List.of(ScramMechanism.SCRAM_SHA_256, ScramMechanism.SCRAM_SHA_512)) {
                List<UserScramCredentialAlteration> alterations = new ArrayList<>();
                users.forEach((name, password) -> alterations.add(
                        new UserScramCredentialUpsertion(name, new ScramCredentialInfo(m, ITERATIONS), password)));
                admin.alterUserScramCredentials(alterations).all().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            }
            awaitVisible(admin, users.keySet(), deadline);
        } catch (ExecutionException e) {
            throw new IllegalStateException("creating SCRAM users " + users.keySet() + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating SCRAM users " + users.keySet() + " took longer than " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating SCRAM users", e);
        }
    }

    /**
     * The broker answers describe from the metadata image its authenticator reads, so this is the wait;
     * it lists every user, because naming one that is not there yet fails the whole call.
     */
    private static void awaitVisible(Admin admin, Set<String> names, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            Map<String, UserScramCredentialsDescription> seen = admin.describeUserScramCredentials()
                    .all().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            boolean complete = names.stream().allMatch(n -> seen.containsKey(n)
                    && seen.get(n).credentialInfos().size() == 2);
            if (complete) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("SCRAM users not visible: " + names);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static long remainingMillis(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }
}
