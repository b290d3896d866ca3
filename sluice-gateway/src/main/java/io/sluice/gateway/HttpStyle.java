package io.sluice.gateway;

import java.util.Locale;

/** How HTTP/1.1 is parsed: Netty's codec (framework style) or Sluice's own raw parser. */
public enum HttpStyle {
    CODEC, RAW;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HttpStyle parse(String s) {
        for (HttpStyle m : values()) {
            if (m.name().equalsIgnoreCase(s.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown --http '" + s + "'; use codec or raw");
    }
}
