package io.sluice.gateway.http.internal;

import io.sluice.gateway.http.GatewayResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ResponseSequencerTest {
    private final List<Integer> written = new ArrayList<>();
    /** Tasks handed to the connection's thread, run by the test when it plays that thread. */
    private final ArrayDeque<Runnable> connectionThread = new ArrayDeque<>();
    private int flushes;
    private final ResponseSequencer sequencer = new ResponseSequencer(new ResponseSequencer.Writer() {
        @Override
        public GatewayResponse write(GatewayResponse response) {
            written.add(response.status());
            return response;
        }

        @Override
        public void flush() {
            flushes++;
        }
    }, connectionThread::add);

    private static GatewayResponse status(int s) {
        return GatewayResponse.json(s, new byte[0], "test");
    }

    private void runConnectionThread() {
        while (!connectionThread.isEmpty()) {
            connectionThread.poll().run();
        }
    }

    @Test
    void shouldWriteResponsesInRequestOrderWhateverOrderTheyComplete() {
        CompletableFuture<GatewayResponse> first = new CompletableFuture<>();
        CompletableFuture<GatewayResponse> second = new CompletableFuture<>();
        CompletableFuture<GatewayResponse> third = new CompletableFuture<>();
        sequencer.enqueue(first, ConnectionPolicy.AS_IS);
        sequencer.enqueue(second, ConnectionPolicy.AS_IS);
        sequencer.enqueue(third, ConnectionPolicy.AS_IS);

        third.complete(status(203));
        second.complete(status(202));
        assertThat(written).isEmpty();
        first.complete(status(201));

        assertThat(written).containsExactly(201, 202, 203);
        assertThat(flushes).isEqualTo(1);
        assertThat(sequencer.pendingCount()).isZero();
    }

    @Test
    void shouldWriteNothingAfterAClosingResponse() {
        CompletableFuture<GatewayResponse> later = new CompletableFuture<>();
        sequencer.enqueue(CompletableFuture.completedFuture(status(400).closing()), ConnectionPolicy.AS_IS);
        sequencer.enqueue(later, ConnectionPolicy.AS_IS);
        later.complete(status(200));

        assertThat(written).containsExactly(400);
        assertThat(sequencer.isClosed()).isTrue();
    }

    /** Regression (issue 9, defect 5): an answer that completed exceptionally left its slot empty for ever. */
    @Test
    void shouldFillAFailedAnswersPlaceWith500SoLaterAnswersAreWritten() throws Exception {
        CompletableFuture<GatewayResponse> failing = new CompletableFuture<>();
        CompletableFuture<GatewayResponse> later = new CompletableFuture<>();
        sequencer.enqueue(failing, ConnectionPolicy.AS_IS);
        sequencer.enqueue(later, ConnectionPolicy.AS_IS);
        later.complete(status(200));

        Thread kafkaThread = new Thread(() -> failing.completeExceptionally(new IllegalStateException("planted")));
        kafkaThread.start();
        kafkaThread.join();
        assertThat(written).as("nothing is written off the connection's thread").isEmpty();
        runConnectionThread();

        assertThat(written).containsExactly(500, 200);
        assertThat(sequencer.isClosed()).isFalse();
        assertThat(sequencer.pendingCount()).isZero();
    }
}
