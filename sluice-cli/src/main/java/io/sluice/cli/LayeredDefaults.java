package io.sluice.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Gives every option not set on the command line its value from, in order: the environment
 * ({@code SLUICE_} + long name upper-cased, dashes as underscores: {@code --max-body-size} is
 * {@code SLUICE_MAX_BODY_SIZE}), then the {@code --config} file (key = long name without dashes:
 * {@code max-body-size=10MB}), then computed defaults (e.g. {@code --io-threads}); otherwise picocli falls
 * back to the option's own default. So: flag > environment > config file > default.
 *
 * <p>Map options ({@code --producer-property}) are not replaced wholesale: {@link #mapLayers} gives their
 * file and environment entries so the command can merge them per key under the flags.
 *
 * <p>Used by one command's parse at a time (picocli parses on the calling thread); not thread-safe.
 */
final class LayeredDefaults implements IDefaultValueProvider {

    static final String ENV_PREFIX = "SLUICE_";
    private static final String CONFIG = "config";

    private final CommandLine command;
    private final Map<String, String> env;
    private final Set<String> knownKeys;
    private final Map<String, String> computedDefaults;
    private final Map<String, String> origins = new HashMap<>();
    private Path loadedPath;
    private Map<String, String> loadedFile = Map.of();

    /**
     * @param command          the command whose options this provides
     * @param env              the environment (injected so tests need no real variables)
     * @param knownKeys        long option names any command accepts; other config-file keys are errors
     * @param computedDefaults defaults that are not constants, by long name without dashes (e.g. io-threads)
     */
    LayeredDefaults(CommandLine command, Map<String, String> env, Set<String> knownKeys,
                    Map<String, String> computedDefaults) {
        this.command = command;
        this.env = Map.copyOf(env);
        this.knownKeys = Set.copyOf(knownKeys);
        this.computedDefaults = Map.copyOf(computedDefaults);
    }

    /** The environment variable for an option name without dashes, e.g. {@code SLUICE_MAX_BODY_SIZE}. */
    static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String key = key(option);
        if (CONFIG.equals(key)) {
            return env.get(envName(CONFIG));
        }
        if (option.isMultiValue() && option.typeInfo().isMap()) {
            return null; // merged per key by the command, see mapLayers
        }
        String fromEnv = env.get(envName(key));
        if (fromEnv != null) {
            origins.put(key, "environment variable " + envName(key));
            return fromEnv;
        }
        String fromFile = configFile().get(key);
        if (fromFile != null) {
            origins.put(key, "config file '" + loadedPath + "'");
            return fromFile;
        }
        return computedDefaults.get(key);
    }

    /** Where the value of an option came from when it was not a flag, e.g. "environment variable SLUICE_PORT". */
    Optional<String> origin(OptionSpec option) {
        return Optional.ofNullable(origins.get(key(option)));
    }

    /**
     * The entries of a map option below the flags: config-file lines {@code <key>.<entry>=<value>}, then the
     * environment variable's {@code k=v,k2=v2} entries (which win).
     */
    Map<String, String> mapLayers(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        String prefix = key + ".";
        configFile().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        String fromEnv = env.get(envName(key));
        if (fromEnv != null && !fromEnv.isBlank()) {
            String[] entries = fromEnv.split(GatewayOptions.ENTRY_SPLIT);
            for (int i = 0; i < entries.length; i++) {
                String entry = entries[i];
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    // The entry is not echoed: this variable is where secrets may go, and a mangled one is still one.
                    throw new CliException(envName(key) + " entry " + (i + 1) + " of " + entries.length
                            + " is not key=value; write e.g. " + envName(key) + "=linger.ms=10,acks=all");
                }
                out.put(entry.substring(0, eq).trim(), entry.substring(eq + 1));
            }
        }
        return out;
    }

    private Map<String, String> configFile() {
        Path path = configPath();
        if (path == null) {
            return Map.of();
        }
        if (!path.equals(loadedPath)) {
            String given = command.getCommandSpec().findOption("--config").getValue() != null
                    ? "--config" : envName(CONFIG);
            try {
                loadedFile = validated(PropertiesFile.read(path, given), path);
            } catch (CliException e) {
                throw new ParameterException(command, e.getMessage());
            }
            loadedPath = path;
        }
        return loadedFile;
    }

    private Path configPath() {
        OptionSpec option = command.getCommandSpec().findOption("--config");
        Object flag = option == null ? null : option.getValue();
        if (flag != null) {
            return (Path) flag;
        }
        String fromEnv = env.get(envName(CONFIG));
        return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    }

    private Map<String, String> validated(Map<String, String> file, Path path) {
        for (String k : file.keySet()) {
            String base = k.contains(".") ? k.substring(0, k.indexOf('.')) : k;
            boolean known = k.contains(".") ? "producer-property".equals(base) : knownKeys.contains(k);
            if (!known || CONFIG.equals(k)) {
                throw new CliException("config file '" + path + "': unknown key '" + k + "'; keys are long option "
                        + "names without the dashes (port=8081, max-body-size=10MB, producer-property.linger.ms=10)");
            }
        }
        return file;
    }
}
