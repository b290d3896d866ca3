package io.sluice.gateway.http.codec;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.sluice.gateway.http.GatewayResponse;
import java.util.Map;

/** Converts Sluice responses to Netty's HTTP objects. Stateless. */
final class NettyResponses {

    private NettyResponses() {
    }

    static FullHttpResponse toNetty(GatewayResponse r, HttpVersion version) {
        FullHttpResponse resp = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(r.status()),
                r.bodyOmitted() ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(r.body()));
        if (r.status() != 204) { // a 204 has no content, and no Content-Length (RFC 9110 8.6)
            resp.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, r.contentType())
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        }
        for (Map.Entry<String, String> h : r.headers()) {
            resp.headers().add(h.getKey(), h.getValue());
        }
        if (r.close()) {
            resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return resp;
    }
}
