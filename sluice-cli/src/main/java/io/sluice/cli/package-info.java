/**
 * The {@code sluice} command line: {@code sluice serve} runs the gateway (and, unless told where Kafka is,
 * an embedded broker); {@code sluice kafka} runs only the broker.
 *
 * <h2>Where a value comes from</h2>
 * Every option is resolved the same way, first match wins: the command-line flag, then the environment
 * variable {@code SLUICE_<NAME>} (the long name upper-cased, dashes as underscores), then the
 * {@code --config} properties file (key = the long name without dashes), then the built-in default.
 * Containers set environment variables, ops teams ship a file, and a person at a terminal overrides
 * either with a flag, without editing the other two. For example, with
 * <pre>
 *   sluice.properties:  port=8081
 *                       delivery=async
 *   environment:        SLUICE_PORT=9000
 *   command:            sluice serve --config sluice.properties --delivery ack
 * </pre>
 * the gateway listens on 9000 (environment beats file) and answers after acks ({@code --delivery} beats
 * the file), with every other option at its default. Kafka producer properties are the one exception:
 * they are maps, merged per key across the layers ({@code --producer-config} file, the config file's
 * {@code producer-property.<key>=<value>} lines, {@code SLUICE_PRODUCER_PROPERTY=k=v,k2=v2}, then
 * {@code --producer-property} flags), so overriding {@code linger.ms} on the command line keeps
 * {@code acks} from the file. {@link io.sluice.cli.LayeredDefaults} implements this.
 *
 * <h2>Exit codes and errors</h2>
 * Commands return exit codes (0 clean stop, 1 run-time failure, 2 invalid options) and only
 * {@link io.sluice.cli.Main} exits the JVM, so every command can be run in a test through
 * {@code CommandLine.execute}. Errors are one line saying what was wrong and what to do; when a bad value
 * came from the environment or the config file, the line says so. {@code --verbose} adds stack traces.
 *
 * <h2>Seams</h2>
 * The broker ({@link io.sluice.cli.EmbeddedBrokerLauncher}), the gateway
 * ({@link io.sluice.cli.GatewayLauncher}), the stop signal and the environment come in through
 * {@link io.sluice.cli.CliContext}, so tests need no sockets, broker or signals.
 */
package io.sluice.cli;
