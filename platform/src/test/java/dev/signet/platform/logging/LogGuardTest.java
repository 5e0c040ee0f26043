package dev.signet.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogGuardTest {
    @Test
    void install_dropsEventsShowingASecret_keepsTheRest() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger logger = context.getLogger("org.eclipse.jetty.http.HttpParser.test");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.TRACE);
        try (LogGuard guard = LogGuard.install(List.of("api-key-0123456789", "whsec_c2VjcmV0"))) {
            logger.debug("FIELD(Authorization: Token {})", "api-key-0123456789");
            logger.trace("header webhook secret whsec_c2VjcmV0 in a dump");
            logger.warn("failed", new IllegalStateException("bad key api-key-0123456789"));
            logger.debug("FIELD(Content-Type: application/json)");
            assertThat(guard.shows("Token api-key-0123456789")).isTrue();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(null);
        }
        assertThat(appender.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("FIELD(Content-Type: application/json)");
    }

    @Test
    void close_removesTheFilter() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        int before = context.getTurboFilterList().size();
        LogGuard guard = LogGuard.install(List.of("secret-value-0123456789"));
        assertThat(context.getTurboFilterList()).hasSize(before + 1);
        guard.close();
        assertThat(context.getTurboFilterList()).hasSize(before);
    }
}
