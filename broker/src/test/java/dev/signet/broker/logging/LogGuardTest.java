package dev.signet.broker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.signet.zoom.Secret;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogGuardTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger logger = context.getLogger("dev.signet.broker.logging.LogGuardTest.probe");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void capture() {
        captured.start();
        logger.addAppender(captured);
        logger.setLevel(Level.TRACE);
    }

    @AfterEach
    void release() {
        logger.detachAppender(captured);
        logger.setLevel(null);
    }

    private List<String> messages() {
        return captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void guard_dropsLinesShowingConfiguredOrRecentSecrets_andKeepsTheRest() {
        try (LogGuard guard = LogGuard.install(List.of("configured-secret-123"))) {
            guard.protect(new Secret("zak-minted-just-now"));

            logger.debug("GET /zoom/zak?token={} HTTP/1.1", "configured-secret-123");
            logger.trace("write buffer {}", "<<<zak-minted-just-now>>>");
            logger.warn("failed", new IllegalStateException("token configured-secret-123 rejected"));
            logger.info("request for {} answered", "alice@example.com");

            assertThat(messages()).containsExactly("request for alice@example.com answered");
        }
    }

    @Test
    void closedGuard_nolongerFilters() {
        LogGuard guard = LogGuard.install(List.of("configured-secret-456"));
        guard.close();

        logger.info("shows {}", "configured-secret-456");

        assertThat(messages()).containsExactly("shows configured-secret-456");
    }
}
