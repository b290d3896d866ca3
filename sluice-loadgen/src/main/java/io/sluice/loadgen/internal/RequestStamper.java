package io.sluice.loadgen.internal;

import io.netty.buffer.ByteBuf;
import io.sluice.loadgen.RequestLedger;
import io.sluice.loadgen.RequestTemplate;

/**
 * Writes a fresh id from the run's {@link RequestLedger} into each request and tells the ledger which ids got a
 * 2xx. The id slot is the template's fixed-width run of {@link RequestTemplate#ID_DIGITS} digits; it sits at
 * the same distance from the end of the request in the keep-alive and the {@code Connection: close} encoding
 * (the body comes last), so one stamper serves both.
 *
 * <p>Hand-written on purpose: the hot path copies the encoded request into a pooled buffer and overwrites 16
 * bytes, with no String and no encoder. Thread-safe when the ledger is (it holds no state of its own).
 */
public final class RequestStamper {
    private final RequestLedger ledger;
    /** Distance from the end of an encoded request to the first digit of the id slot. */
    private final int slotFromEnd;

    public RequestStamper(RequestLedger ledger, int slotFromEnd) {
        this.ledger = ledger;
        this.slotFromEnd = slotFromEnd;
    }

    /** A copy of {@code template} carrying a new id (allocated from {@code c}'s channel), which {@code c} remembers. */
    ByteBuf stamp(ByteBuf template, ClientConnection c) {
        long id = ledger.nextId();
        c.requestId = id;
        int length = template.readableBytes();
        ByteBuf out = c.channel.alloc().directBuffer(length);
        out.writeBytes(template, template.readerIndex(), length);
        int at = length - slotFromEnd + RequestTemplate.ID_DIGITS - 1;
        long rest = id;
        for (int i = 0; i < RequestTemplate.ID_DIGITS; i++) {
            out.setByte(at - i, (int) ('0' + rest % 10));
            rest /= 10;
        }
        return out;
    }

    /** {@code c}'s request got an answer with {@code status}. */
    void answered(ClientConnection c, int status) {
        if (status >= 200 && status < 300 && c.requestId >= 0) {
            ledger.acknowledged(c.requestId);
        }
        c.requestId = -1;
    }
}
