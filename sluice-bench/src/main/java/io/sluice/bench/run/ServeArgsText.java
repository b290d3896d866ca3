package io.sluice.bench.run;

import io.sluice.gateway.ingest.ProducerSettings;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's extra {@code serve} arguments as reports show them, with the values of secret producer
 * properties masked; a pure function.
 *
 * <p>{@code sluice serve} refuses a secret as a {@code --producer-property} flag, but the report's environment
 * table is written before the first gateway starts, so a mistaken
 * {@code --gateway-arg=--producer-property=ssl.key.password=...} must not reach results.json either.
 */
public final class ServeArgsText {
    /** {@code [--producer-property=]key=value}, the forms a producer property takes among the arguments. */
    private static final Pattern PROPERTY = Pattern.compile("^(--producer-property=)?([^=\\s]+)=(.*)$", Pattern.DOTALL);

    private ServeArgsText() {
    }

    /** The arguments joined with spaces, each secret value replaced by {@code ****}. */
    public static String shown(List<String> serveArgs) {
        StringBuilder out = new StringBuilder();
        for (String arg : serveArgs) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            Matcher m = PROPERTY.matcher(arg);
            out.append(m.matches() && ProducerSettings.isSecret(m.group(2))
                    ? (m.group(1) == null ? "" : m.group(1)) + m.group(2) + "=****" : arg);
        }
        return out.toString();
    }
}
