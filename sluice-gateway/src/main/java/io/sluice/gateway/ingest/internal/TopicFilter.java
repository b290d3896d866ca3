package io.sluice.gateway.ingest.internal;

import java.util.List;
import java.util.regex.Pattern;

/** The --topics allow-list and --topic-pattern. Immutable. */
public record TopicFilter(List<String> allowList, Pattern pattern) {
    public TopicFilter {
        allowList = List.copyOf(allowList == null ? List.of() : allowList);
    }

    public boolean allows(String topic) {
        if (!allowList.isEmpty() && !allowList.contains(topic)) {
            return false;
        }
        return pattern == null || pattern.matcher(topic).matches();
    }
}
