package io.sluice.gateway;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Maps the lower-case names used on the command line to the option enums. Stateless. */
final class OptionNames {
    private OptionNames() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String option, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + option + " '" + text + "'; use one of "
                + Arrays.stream(type.getEnumConstants()).map(OptionNames::of).collect(Collectors.joining(", ")));
    }
}
