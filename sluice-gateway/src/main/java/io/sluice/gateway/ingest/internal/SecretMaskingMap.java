package io.sluice.gateway.ingest.internal;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An immutable map of producer properties that masks secret values when printed; immutable, so safe from
 * any thread.
 *
 * <p>Configuration records print their components in {@code toString}, and a record ends up in a log
 * line or an exception message sooner or later: {@code GatewayConfig[..., producerProperties={sasl.jaas.config=...
 * password="hunter2";}]}. Reading the map gives the real values (the producer needs them); only its text
 * form is masked, so no caller has to remember to mask.
 */
public final class SecretMaskingMap extends AbstractMap<String, String> {

    private final Map<String, String> entries;
    private final Predicate<String> isSecret;

    public SecretMaskingMap(Map<String, String> entries, Predicate<String> isSecret) {
        this.entries = entries instanceof SecretMaskingMap m ? m.entries : Map.copyOf(entries);
        this.isSecret = isSecret;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return entries.entrySet();
    }

    @Override
    public String get(Object key) {
        return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public int size() {
        return entries.size();
    }

    /** Sorted, with the value of every secret key as {@code ****}. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        entries.forEach((k, v) -> shown.put(k, isSecret.test(k) ? "****" : v));
        return shown.toString();
    }
}
