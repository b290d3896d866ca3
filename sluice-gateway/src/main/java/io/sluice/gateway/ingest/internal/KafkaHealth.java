package io.sluice.gateway.ingest.internal;

import io.sluice.gateway.ingest.Availability;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Kafka can take writes now: a periodic probe of the cluster (admin describeCluster) combined
 * with the producer's own recent outcomes. The probe runs on the given scheduler; {@link #isAvailable()}
 * is a cheap read from any thread.
 */
public final class KafkaHealth implements Availability, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaHealth.class);

    private final Admin admin;
    private final ProducerHealth producerHealth;
    private final LongSupplier nanoClock;
    private final long staleAfterNanos;
    private final int probeTimeoutMs;
    private volatile long lastProbeOkNanos;
    private volatile boolean probeOk;
    private volatile String lastProblem = "not probed yet";
    private ScheduledFuture<?> task;

    public KafkaHealth(Admin admin, ProducerHealth producerHealth, LongSupplier nanoClock, Duration probeTimeout,
                       Duration staleAfter) {
        this.admin = admin;
        this.producerHealth = producerHealth;
        this.nanoClock = nanoClock;
        this.probeTimeoutMs = (int) probeTimeout.toMillis();
        this.staleAfterNanos = staleAfter.toNanos();
    }

    /** Starts probing every {@code interval}; the first probe runs at once. */
    public void start(ScheduledExecutorService scheduler, Duration interval) {
        task = scheduler.scheduleWithFixedDelay(this::probeAndWait, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs one probe and waits for it (on the scheduler thread, never on an I/O thread). */
    public void probeAndWait() {
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(probeTimeoutMs))
                    .nodes().get(probeTimeoutMs + 500L, TimeUnit.MILLISECONDS).size();
            if (nodes == 0) {
                markDown("the cluster reports no brokers", false);
                return;
            }
            if (!probeOk) {
                log.info("Kafka is reachable ({} broker(s))", nodes);
            }
            lastProbeOkNanos = nanoClock.getAsLong();
            probeOk = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            AuthenticationException refused = authenticationCause(e);
            if (refused != null) {
                // Told apart from silence, since waiting will not fix it; Kafka's message names the
                // mechanism, never the secret.
                markDown("Kafka refused the gateway's credentials (" + refused.getClass().getSimpleName() + ": "
                        + refused.getMessage() + "); check the security settings of the producer properties "
                        + "(--producer-config)", true);
            } else {
                markDown("Kafka did not answer within " + probeTimeoutMs + " ms (" + e.getClass().getSimpleName()
                        + ")", false);
            }
        }
    }

    private static AuthenticationException authenticationCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationException refused) {
                return refused;
            }
        }
        return null;
    }

    /** Logs going down, and a refused login each time its reason changes (it would otherwise never show). */
    private void markDown(String problem, boolean refused) {
        if (probeOk || (refused && !problem.equals(lastProblem))) {
            log.warn("Kafka is unavailable: {}", problem);
        }
        lastProblem = problem;
        probeOk = false;
    }

    /** True while the last probe succeeded recently and the producer is not failing. */
    @Override
    public boolean isAvailable() {
        return probeOk && nanoClock.getAsLong() - lastProbeOkNanos < staleAfterNanos && !producerHealth.isFailing();
    }

    /** A human sentence saying why Kafka is unavailable (meaningful when {@link #isAvailable()} is false). */
    @Override
    public String problem() {
        if (producerHealth.isFailing()) {
            return "the producer's recent deliveries failed";
        }
        return probeOk ? "the last successful probe is too old" : lastProblem;
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel(true);
        }
    }
}
