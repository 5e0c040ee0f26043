package dev.signet.app.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Turns every logger up to TRACE and captures everything logged, fully rendered (message, MDC, whole stack traces),
 * into a buffer; {@link #close} restores the levels and appenders.
 */
final class LogCapture implements AutoCloseable {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Map<Logger, @Nullable Level> levels = new HashMap<>();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();

    LogCapture() {
        for (Logger logger : context.getLoggerList()) {
            levels.put(logger, logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
        root.iteratorForAppenders().forEachRemaining(detached::add);
        detached.forEach(root::detachAppender);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger [%thread] %msg %mdc%n%ex{full}");
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(buffer);
        appender.setImmediateFlush(true);
        appender.start();
        root.addAppender(appender);
    }

    /** Everything logged so far. */
    String text() {
        synchronized (buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        detached.forEach(root::addAppender);
        for (Logger logger : context.getLoggerList()) {
            logger.setLevel(levels.getOrDefault(logger, null));
        }
        root.setLevel(levels.getOrDefault(root, Level.WARN));
    }
}
