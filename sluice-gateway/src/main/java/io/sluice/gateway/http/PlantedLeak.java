package io.sluice.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Test only, thread-safe (called on every I/O thread): a leak planted on purpose, so that a test can prove the
 * soak's heap verdict catches one. Off unless the gateway's JVM runs with
 * {@code -Dsluice.test.retainRequests=true}; then every request body is copied and kept for ever, and the
 * gateway says so at WARN. Never set it outside a test: the heap fills at the request rate times the body size.
 */
final class PlantedLeak {
    static final String PROPERTY = "sluice.test.retainRequests";
    private static final boolean ON = Boolean.getBoolean(PROPERTY);
    private static final Queue<byte[]> RETAINED = new ConcurrentLinkedQueue<>();

    static {
        if (ON) {
            LoggerFactory.getLogger(PlantedLeak.class).warn("-D{}=true: every request body is kept for ever, a leak "
                    + "planted for tests; never use it outside a test", PROPERTY);
        }
    }

    private PlantedLeak() {
    }

    /** Keeps a copy of {@code body} for ever when the property is set; otherwise does nothing. */
    static void retain(ByteBuf body) {
        if (ON) {
            RETAINED.add(ByteBufUtil.getBytes(body));
        }
    }
}
