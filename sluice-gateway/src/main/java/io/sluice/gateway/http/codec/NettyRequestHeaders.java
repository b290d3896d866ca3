package io.sluice.gateway.http.codec;

import io.netty.handler.codec.http.HttpHeaders;
import io.sluice.gateway.http.RequestHeaders;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

/** {@link RequestHeaders} over Netty's {@link HttpHeaders}. Confined to the connection's thread. */
final class NettyRequestHeaders implements RequestHeaders {
    private final HttpHeaders headers;

    NettyRequestHeaders(HttpHeaders headers) {
        this.headers = headers;
    }

    @Override
    public String get(String name) {
        return headers.get(name);
    }

    @Override
    public void forEach(BiConsumer<String, String> action) {
        Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence();
        while (it.hasNext()) {
            Map.Entry<CharSequence, CharSequence> e = it.next();
            action.accept(e.getKey().toString(), e.getValue().toString());
        }
    }
}
