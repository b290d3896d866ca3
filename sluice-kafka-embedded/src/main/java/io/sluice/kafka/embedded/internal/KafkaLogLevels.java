package io.sluice.kafka.embedded.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Turns the broker's own logging down to WARN through logback; safe from any thread (logback levels are
 * thread-safe), and a no-op when logback is not the SLF4J backend.
 *
 * <p>At INFO a starting broker prints about 2,400 lines, which buries everything else a Sluice user or a
 * test wants to see.
 */
public final class KafkaLogLevels {

    /** The loggers Kafka's broker, controller and clients log through. */
    static final String[] BROKER_LOGGERS = {"kafka", "org.apache.kafka", "state.change.logger"};

    private KafkaLogLevels() {
    }

    /**
     * Sets each broker logger whose level nobody configured to WARN; a level set in the application's
     * logback configuration (for example {@code kafka} at DEBUG while investigating) is left alone.
     */
    public static void quietBroker() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        for (String name : BROKER_LOGGERS) {
            Logger logger = context.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARN);
            }
        }
    }

    /**
     * Sets the root logger to WARN: for a JVM whose only job is the broker, where logback's default
     * configuration would log everything at DEBUG.
     */
    public static void quietWholeProcess() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }
}
