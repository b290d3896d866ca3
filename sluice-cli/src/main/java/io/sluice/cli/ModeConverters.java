package io.sluice.cli;

import io.sluice.gateway.DeliveryMode;
import io.sluice.gateway.HttpStyle;
import io.sluice.gateway.IoMode;
import io.sluice.gateway.SinkKind;
import io.sluice.gateway.TraceHeaders;
import io.sluice.gateway.transport.NettyTransport;
import io.sluice.gateway.transport.tls.ClientAuth;
import io.sluice.gateway.transport.tls.PrincipalSource;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for the gateway's mode enums. They accept the lower-case command-line names
 * ({@code io_uring}, {@code async}) and keep the enums' own messages, which list the valid values.
 */
final class ModeConverters {

    private ModeConverters() {
    }

    private static <T> T convert(String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** Also accepts {@code auto}: io_uring where available, else epoll, else nio. */
    static final class Io implements ITypeConverter<IoMode> {
        static final String AUTO = "auto";

        @Override
        public IoMode convert(String value) {
            if (value.trim().equalsIgnoreCase(AUTO)) {
                return NettyTransport.preferredIo();
            }
            return ModeConverters.convert(value, IoMode::parse);
        }
    }

    static final class TlsClientAuth implements ITypeConverter<ClientAuth> {
        @Override
        public ClientAuth convert(String value) {
            for (ClientAuth a : ClientAuth.values()) {
                if (a.name().equalsIgnoreCase(value.trim())) {
                    return a;
                }
            }
            throw new TypeConversionException("unknown --tls-client-auth '" + value + "'; use one of none, optional, "
                    + "required");
        }
    }

    static final class TlsPrincipal implements ITypeConverter<PrincipalSource> {
        @Override
        public PrincipalSource convert(String value) {
            return ModeConverters.convert(value, PrincipalSource::parse);
        }
    }

    static final class Http implements ITypeConverter<HttpStyle> {
        @Override
        public HttpStyle convert(String value) {
            return ModeConverters.convert(value, HttpStyle::parse);
        }
    }

    static final class Sink implements ITypeConverter<SinkKind> {
        @Override
        public SinkKind convert(String value) {
            return ModeConverters.convert(value, SinkKind::parse);
        }
    }

    static final class Delivery implements ITypeConverter<DeliveryMode> {
        @Override
        public DeliveryMode convert(String value) {
            return ModeConverters.convert(value, DeliveryMode::parse);
        }
    }

    static final class Trace implements ITypeConverter<TraceHeaders> {
        @Override
        public TraceHeaders convert(String value) {
            return ModeConverters.convert(value, TraceHeaders::parse);
        }
    }
}
