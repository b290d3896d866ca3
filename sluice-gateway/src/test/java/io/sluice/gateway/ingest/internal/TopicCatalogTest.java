package io.sluice.gateway.ingest.internal;

import io.sluice.gateway.ingest.TopicInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's own logic against a stub admin client whose answers the test gives, on a fake clock:
 * FIFO release, warm-up, background refresh, failed and refused lookups, the negative TTL, the bounded
 * cache and the rate of lookups for new names (defect 6 of issue 9). The real admin client is exercised
 * by the gateway's integration tests.
 */
@Timeout(30)
class TopicCatalogTest {
    private static final long SECOND = 1_000_000_000L;
    private static final TopicCatalogSettings SETTINGS = new TopicCatalogSettings(Duration.ofSeconds(30),
            Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofSeconds(1), 1_000, 100, 10);

    private final StubAdmin kafka = new StubAdmin();
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicBoolean producerKnows = new AtomicBoolean(true);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private TopicCatalog catalog(TopicCatalogSettings settings) {
        return new TopicCatalog(kafka.admin, t -> producerKnows.get(), scheduler, now::get, settings,
                new TopicFilter(List.of(), null));
    }

    private TopicCatalog catalog(List<String> allow, Pattern pattern) {
        return new TopicCatalog(kafka.admin, t -> true, scheduler, now::get, SETTINGS, new TopicFilter(allow, pattern));
    }

    /** Every call a request got, in the order they came: "name:partitions", "name:missing" or the error. */
    private static final class Calls {
        final List<String> seen = new CopyOnWriteArrayList<>();

        BiConsumer<TopicInfo, Throwable> as(String request) {
            return (info, error) -> seen.add(request + "=" + (error != null ? error.getClass().getSimpleName()
                    : info.exists() ? info.partitions() : "missing"));
        }
    }

    @Test
    void shouldAllowEveryTopicWithoutRestrictions() {
        assertThat(catalog(List.of(), null).isAllowed("anything")).isTrue();
    }

    @Test
    void shouldAllowOnlyListedTopicsWithAnAllowList() {
        TopicCatalog c = catalog(List.of("a", "b"), null);
        assertThat(c.isAllowed("a")).isTrue();
        assertThat(c.isAllowed("c")).isFalse();
    }

    @Test
    void shouldAllowOnlyTopicsMatchingThePatternWhole() {
        TopicCatalog c = catalog(List.of(), Pattern.compile("logs\\..*"));
        assertThat(c.isAllowed("logs.web")).isTrue();
        assertThat(c.isAllowed("metrics.logs.web")).isFalse();
    }

    @Test
    void shouldAskOnceAndReleaseWaitersInArrivalOrder() throws Exception {
        TopicCatalog catalog = catalog(SETTINGS);
        Calls calls = new Calls();
        for (int i = 1; i <= 3; i++) {
            catalog.whenKnown("events", calls.as("r" + i));
        }
        assertThat(calls.seen).isEmpty();

        kafka.next().exists(4);
        catalog.whenKnown("events", calls.as("r4"));

        assertThat(calls.seen).containsExactly("r1=4", "r2=4", "r3=4", "r4=4");
        assertThat(kafka.calls()).isEqualTo(1);
        assertThat(catalog.lookupsInFlight()).isZero();
    }

    @Test
    void shouldQueueARequestArrivingWhileWaitersAreReleasedBehindThem() throws Exception {
        TopicCatalog catalog = catalog(SETTINGS);
        Calls calls = new Calls();
        catalog.whenKnown("events", (info, e) -> {
            calls.seen.add("r1");
            catalog.whenKnown("events", calls.as("late")); // arrives during the release
        });
        catalog.whenKnown("events", calls.as("r2"));

        kafka.next().exists(1);

        assertThat(calls.seen).containsExactly("r1", "r2=1", "late=1");
    }

    @Test
    void shouldReleaseAnExistingTopicOnlyOnceTheProducerKnowsIt() throws Exception {
        TopicCatalog catalog = catalog(SETTINGS);
        Calls calls = new Calls();
        producerKnows.set(false);
        catalog.whenKnown("events", calls.as("r1"));

        kafka.next().exists(2);
        Thread.sleep(50); // several warm-up polls
        assertThat(calls.seen).as("held until the producer has metadata").isEmpty();
        producerKnows.set(true);

        long deadline = System.nanoTime() + 5 * SECOND;
        while (calls.seen.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(calls.seen).containsExactly("r1=2");
    }

    @Test
    void shouldRefreshAKnownTopicInTheBackgroundAfterKnownTtl() throws Exception {
        TopicCatalog catalog = catalog(SETTINGS);
        Calls calls = new Calls();
        catalog.whenKnown("events", calls.as("r1"));
        kafka.next().exists(2);

        now.addAndGet(30 * SECOND);
        catalog.whenKnown("events", calls.as("r2"));
        catalog.whenKnown("events", calls.as("r3"));
        assertThat(calls.seen).as("served from the cache while the refresh runs")
                .containsExactly("r1=2", "r2=2", "r3=2");
        assertThat(kafka.calls()).as("one refresh, however many requests").isEqualTo(2);

        kafka.next().exists(6); // partitions were added
        catalog.whenKnown("events", calls.as("r4"));

        assertThat(calls.seen).endsWith("r4=6");
        assertThat(kafka.calls()).isEqualTo(2);
    }

    @Test
    void shouldKeepServingAKnownTopicWhenItsRefreshFailsAndAskAgainAfterMissingTtl() throws Exception {
        TopicCatalog catalog = catalog(SETTINGS);
        Calls calls = new Calls();
        catalog.whenKnown("events", calls.as("r1"));
        kafka.next().exists(2);
        now.addAndGet(30 * SECOND);
        catalog.whenKnown("events", calls.as("r2"));

        kafka.next().fails(new TimeoutException("Timed out waiting for a node assignment"));
        catalog.whenKnown("events", calls.as("r3"));
        assertThat(kafka.calls()).as("no second refresh before missingTtl").isEqualTo(2);
        now.addAndGet(2 * SECOND);
        catalog.whenKnown("events", calls.as("r4"));

        assertThat(calls.seen).containsExactly("r1=2", "r2=2", "r3=2", "r4=2");
        assertThat(kafka.next().topic()).isEqualTo("events");
    }

    @Test
    void shouldAnswerEveryWaiterWithUnavailableWhenTheLookupFailsAndAskAgainNextTime() throws Exception {
        TopicCatalog catalog = catalog(SETTINGS);
        Calls calls = new Calls();
        catalog.whenKnown("events", calls.as("r1"));
        catalog.whenKnown("events", calls.as("r2"));

        kafka.next().fails(new TimeoutException("Timed out waiting for a node assignment"));
        assertThat(calls.seen).containsExactly("r1=CatalogUnavailableException", "r2=CatalogUnavailableException");

        catalog.whenKnown("events", calls.as("r3"));
        kafka.next().exists(1);
        assertThat(calls.seen).endsWith("r3=1");
    }

    @Test
    void shouldAnswerARefusedLookupFromTheCacheUntilMissingTtl() throws Exception {
        TopicCatalog catalog = catalog(SETTINGS);
        Calls calls = new Calls();
        catalog.whenKnown("t", calls.as("r1"));
        kafka.next().fails(new InvalidTopicException("invalid"));

        catalog.whenKnown("t", calls.as("r2"));
        assertThat(kafka.calls()).isEqualTo(1);
        now.addAndGet(2 * SECOND);
        catalog.whenKnown("t", calls.as("r3"));

        assertThat(calls.seen).containsExactly("r1=InvalidTopicException", "r2=InvalidTopicException");
        assertThat(kafka.next().topic()).isEqualTo("t");
    }

    @Test
    void shouldAnswerAMissingTopicFromTheCacheUntilMissingTtlThenAskAgain() throws Exception {
        TopicCatalog catalog = catalog(SETTINGS);
        Calls calls = new Calls();
        catalog.whenKnown("later", calls.as("r1"));
        kafka.next().missing();

        now.addAndGet(2 * SECOND - 1);
        catalog.whenKnown("later", calls.as("r2"));
        assertThat(kafka.calls()).as("within missingTtl: from the cache").isEqualTo(1);
        now.addAndGet(1);
        catalog.whenKnown("later", calls.as("r3"));
        kafka.next().exists(3); // an operator created it

        assertThat(calls.seen).containsExactly("r1=missing", "r2=missing", "r3=3");
    }

    @Test
    void shouldBoundTheCacheOfUnknownNamesAndKeepKnownTopics() throws Exception {
        TopicCatalog catalog = catalog(new TopicCatalogSettings(Duration.ofSeconds(30), Duration.ofSeconds(2),
                Duration.ofMinutes(10), Duration.ofSeconds(1), 50, 1e9, 1_000_000));
        Calls calls = new Calls();
        catalog.whenKnown("events", calls.as("known"));
        kafka.next().exists(4);

        for (int i = 0; i < 1_000; i++) {
            catalog.whenKnown("unknown-" + i, (info, e) -> { });
            kafka.next().missing();
        }

        assertThat(catalog.cachedAnswersAfterMaintenance()).isBetween(2L, 51L);
        catalog.whenKnown("events", calls.as("known-again"));
        assertThat(calls.seen).containsExactly("known=4", "known-again=4");
        assertThat(kafka.calls()).as("the known topic was not evicted").isEqualTo(1_001);
    }

    @Test
    void shouldCallEveryWaiterExactlyOnceWhenItsTopicIsEvictedMeanwhile() throws Exception {
        TopicCatalog catalog = catalog(new TopicCatalogSettings(Duration.ofSeconds(30), Duration.ofSeconds(2),
                Duration.ofMinutes(10), Duration.ofSeconds(1), 1, 1e9, 1_000_000));
        Calls calls = new Calls();
        catalog.whenKnown("slow", calls.as("r1"));
        StubAdmin.Lookup slow = kafka.next();
        for (int i = 0; i < 100; i++) {
            catalog.whenKnown("other-" + i, (info, e) -> { });
            kafka.next().missing();
        }
        catalog.whenKnown("slow", calls.as("r2"));

        slow.missing();
        catalog.whenKnown("slow", calls.as("r3"));

        assertThat(calls.seen).containsExactly("r1=missing", "r2=missing", "r3=missing");
        assertThat(kafka.poll()).as("r2 joined the lookup in flight").isNull();
    }

    @Test
    void shouldCallEveryWaiterExactlyOnceUnderConcurrentRequestsAndEvictions() throws Exception {
        TopicCatalog catalog = catalog(new TopicCatalogSettings(Duration.ofSeconds(30), Duration.ofSeconds(2),
                Duration.ofMinutes(10), Duration.ofSeconds(1), 3, 1e9, 1_000_000));
        Thread answering = Thread.ofPlatform().daemon().start(() -> {
            try {
                for (int i = 0; ; i++) {
                    StubAdmin.Lookup l = kafka.next();
                    now.addAndGet(SECOND); // answers expire, names come back
                    if (i % 3 == 0) {
                        l.exists(1);
                    } else if (i % 3 == 1) {
                        l.missing();
                    } else {
                        l.fails(new TimeoutException("slow"));
                    }
                }
            } catch (InterruptedException | AssertionError done) {
                // the test is over
            }
        });
        int threads = 4;
        int perThread = 5_000;
        AtomicLong[] called = new AtomicLong[threads * perThread];
        for (int i = 0; i < called.length; i++) {
            called[i] = new AtomicLong();
        }
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * perThread;
            clients.add(Thread.ofPlatform().start(() -> {
                for (int i = first; i < first + perThread; i++) {
                    int request = i;
                    catalog.whenKnown("topic-" + (i % 7), (info, e) -> called[request].incrementAndGet());
                }
            }));
        }
        for (Thread c : clients) {
            c.join(20_000);
        }
        long deadline = System.nanoTime() + 10 * SECOND;
        while (catalog.lookupsInFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        answering.interrupt();

        assertThat(catalog.lookupsInFlight()).isZero();
        for (int i = 0; i < called.length; i++) {
            assertThat(called[i].get()).as("request %d", i).isEqualTo(1);
        }
    }

    @Test
    void shouldServeAKnownTopicWithoutAllocating() throws Exception {
        TopicCatalog catalog = catalog(SETTINGS);
        catalog.whenKnown("events", (info, e) -> { });
        kafka.next().exists(4);
        long[] partitions = new long[1];
        BiConsumer<TopicInfo, Throwable> action = (info, e) -> partitions[0] += info.partitions();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 200_000; i++) {
            catalog.whenKnown("events", action);
        }

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            catalog.whenKnown("events", action);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        System.out.println("allocated for 100,000 known-topic lookups: " + allocated + " bytes");
        assertThat(partitions[0]).isEqualTo(4L * 300_000);
        assertThat(allocated).as("bytes allocated by 100,000 lookups of a known topic").isLessThan(1_024);
    }

    @Test
    void shouldRefuseNewNamesOverTheRateAtOnceWithoutAskingKafka() throws Exception {
        TopicCatalog catalog = catalog(new TopicCatalogSettings(Duration.ofSeconds(30), Duration.ofSeconds(2),
                Duration.ofMinutes(10), Duration.ofSeconds(1), 1_000, 10, 5));
        Calls calls = new Calls();
        for (int i = 0; i < 6; i++) {
            catalog.whenKnown("new-" + i, calls.as("n" + i));
        }

        assertThat(kafka.calls()).as("the burst").isEqualTo(5);
        assertThat(calls.seen).containsExactly("n5=LookupThrottledException");
        now.addAndGet(SECOND / 10); // one token at 10/s
        catalog.whenKnown("new-6", calls.as("n6"));
        catalog.whenKnown("new-7", calls.as("n7"));
        assertThat(kafka.calls()).isEqualTo(6);
        assertThat(calls.seen).endsWith("n7=LookupThrottledException");
    }

    @Test
    void shouldServeKnownTopicsAndQueuedRequestsWhileNewNamesAreThrottled() throws Exception {
        TopicCatalog catalog = catalog(new TopicCatalogSettings(Duration.ofSeconds(30), Duration.ofSeconds(2),
                Duration.ofMinutes(10), Duration.ofSeconds(1), 1_000, 10, 2));
        Calls calls = new Calls();
        catalog.whenKnown("events", calls.as("known"));
        kafka.next().exists(4);
        catalog.whenKnown("pending", calls.as("p1"));
        StubAdmin.Lookup pending = kafka.next();
        catalog.whenKnown("refused", calls.as("new"));
        assertThat(calls.seen).endsWith("new=LookupThrottledException");

        catalog.whenKnown("events", calls.as("known-during-flood"));
        catalog.whenKnown("pending", calls.as("p2"));
        pending.missing();

        assertThat(calls.seen).containsExactly("known=4", "new=LookupThrottledException", "known-during-flood=4",
                "p1=missing", "p2=missing");
        assertThat(kafka.calls()).isEqualTo(2);
    }

    @Test
    void shouldNotRateLimitTheBackgroundRefreshOfKnownTopics() throws Exception {
        TopicCatalog catalog = catalog(new TopicCatalogSettings(Duration.ofSeconds(30), Duration.ofSeconds(2),
                Duration.ofMinutes(10), Duration.ofSeconds(1), 1_000, 1, 1));
        catalog.whenKnown("events", (info, e) -> { });
        kafka.next().exists(4);
        catalog.whenKnown("other",
                (info, e) -> assertThat(e).isInstanceOf(TopicCatalog.LookupThrottledException.class));

        now.addAndGet(30 * SECOND - 1);
        catalog.whenKnown("flood-" + 1, (info, e) -> { }); // takes the one token refilled meanwhile
        kafka.next().missing();
        now.addAndGet(1);
        catalog.whenKnown("events", (info, e) -> { });

        assertThat(kafka.next().topic()).isEqualTo("events");
    }
}
