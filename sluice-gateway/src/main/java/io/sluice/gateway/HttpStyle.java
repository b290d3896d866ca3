package io.sluice.gateway;

/** How HTTP/1.1 is parsed: Netty's codec (framework style) or Sluice's own raw parser. */
public enum HttpStyle {
    CODEC, RAW;

    public String cliName() {
        return OptionNames.of(this);
    }

    public static HttpStyle parse(String s) {
        return OptionNames.parse(HttpStyle.class, "--http", s);
    }
}
