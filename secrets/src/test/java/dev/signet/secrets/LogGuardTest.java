package dev.signet.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogGuardTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger logger = context.getLogger("org.eclipse.jetty.http.HttpParser.test");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void capture() {
        captured.setContext(context);
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
    void install_dropsEventsShowingAConfiguredSecret_keepsTheRest() {
        try (LogGuard guard = LogGuard.install(List.of("api-key-0123456789", "whsec_c2VjcmV0", ""))) {
            logger.debug("FIELD(Authorization: Token {})", "api-key-0123456789");
            logger.trace("header webhook secret whsec_c2VjcmV0 in a dump");
            logger.warn("failed", new IllegalStateException("bad key api-key-0123456789"));
            logger.debug("FIELD(Content-Type: application/json)");

            assertThat(guard.shows("Token api-key-0123456789")).isTrue();
            assertThat(guard.shows("no secret here")).isFalse();
        }
        assertThat(messages()).containsExactly("FIELD(Content-Type: application/json)");
    }

    @Test
    void protect_dropsEventsShowingATokenMintedAtRunTime() {
        try (LogGuard guard = LogGuard.install(List.of("configured-secret-123"))) {
            guard.protect(new Secret("zak-minted-just-now"));

            logger.debug("GET /zoom/zak?token={} HTTP/1.1", "configured-secret-123");
            logger.trace("write buffer {}", "<<<zak-minted-just-now>>>");
            logger.warn("failed", new IllegalStateException("token configured-secret-123 rejected"));
            logger.info("request for {} answered", "alice@example.com");
        }
        assertThat(messages()).containsExactly("request for alice@example.com answered");
    }

    @Test
    void close_removesTheFilter() {
        int before = context.getTurboFilterList().size();
        LogGuard guard = LogGuard.install(List.of("configured-secret-456"));
        assertThat(context.getTurboFilterList()).hasSize(before + 1);

        guard.close();
        logger.info("shows {}", "configured-secret-456");

        assertThat(context.getTurboFilterList()).hasSize(before);
        assertThat(messages()).containsExactly("shows configured-secret-456");
    }
}
