package io.sluice.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ResponseSequencerTest {
    private final List<Integer> written = new ArrayList<>();
    private int flushes;
    private final ResponseSequencer sequencer = new ResponseSequencer(new ResponseSequencer.Writer() {
        @Override
        public void write(GatewayResponse response) {
            written.add(response.status());
        }

        @Override
        public void flush() {
            flushes++;
        }
    });

    private static GatewayResponse status(int s) {
        return GatewayResponse.json(s, new byte[0], "test");
    }

    @Test
    void shouldWriteResponsesInRequestOrderWhateverOrderTheyComplete() {
        CompletableFuture<GatewayResponse> first = new CompletableFuture<>();
        CompletableFuture<GatewayResponse> second = new CompletableFuture<>();
        CompletableFuture<GatewayResponse> third = new CompletableFuture<>();
        sequencer.enqueue(first);
        sequencer.enqueue(second);
        sequencer.enqueue(third);

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
        sequencer.enqueue(CompletableFuture.completedFuture(status(400).closing()));
        sequencer.enqueue(later);
        later.complete(status(200));

        assertThat(written).containsExactly(400);
        assertThat(sequencer.isClosed()).isTrue();
    }
}
