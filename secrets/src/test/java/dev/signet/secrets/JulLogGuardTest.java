package dev.signet.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java.util.logging} (the JDK's HTTP client, Selenium) goes through the guard too: its records reach Logback,
 * where the guard drops the ones that show a secret, and nothing is left on JUL's own console handler.
 */
class JulLogGuardTest {
    private static final String JUL_NAME = "jdk.internal.httpclient.debug.test";

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger logger = context.getLogger(JUL_NAME);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final java.util.logging.Logger jul = java.util.logging.Logger.getLogger(JUL_NAME);

    @BeforeEach
    void capture() {
        captured.setContext(context);
        captured.start();
        logger.addAppender(captured);
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
    void install_routesJulThroughTheGuard_dropsRecordsShowingASecret() {
        try (LogGuard guard = LogGuard.install(List.of("api-key-jul-0123456789"))) {
            logger.setLevel(Level.TRACE); // an operator turning the JDK's HTTP client up to TRACE, in Logback

            jul.fine("HEADERS: Authorization: Token api-key-jul-0123456789");
            jul.log(java.util.logging.Level.FINEST, "query token={0}", "api-key-jul-0123456789");
            jul.log(java.util.logging.Level.WARNING, "failed", new IllegalStateException("key api-key-jul-0123456789"));
            jul.fine("HEADERS: Content-Type: text/plain");
            jul.log(java.util.logging.Level.INFO, "connected to {0}", "tokens.example");

            assertThat(guard.shows("api-key-jul-0123456789")).isTrue();
        }
        assertThat(messages()).containsExactly("HEADERS: Content-Type: text/plain", "connected to tokens.example");
        assertThat(String.join("\n", messages())).doesNotContain("api-key-jul-0123456789");
    }

    @Test
    void install_leavesOnlyTheBridgeOnJulsRootLogger() {
        try (LogGuard guard = LogGuard.install(List.of("whatever-secret-42"))) {
            assertThat(SLF4JBridgeHandler.isInstalled()).isTrue();
            assertThat(Arrays.asList(java.util.logging.Logger.getLogger("").getHandlers()))
                    .allMatch(SLF4JBridgeHandler.class::isInstance);
            assertThat(guard.shows("whatever-secret-42")).isTrue();
        }
    }
}
