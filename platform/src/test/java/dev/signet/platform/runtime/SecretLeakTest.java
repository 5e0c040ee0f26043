package dev.signet.platform.runtime;

import static dev.signet.platform.runtime.ScriptedDriver.emit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.signet.platform.driver.DriverEvent;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** With every logger at TRACE, neither a ZAK nor a token URL's query reaches a log line or a status message. */
@Timeout(30)
class SecretLeakTest {
    private static final String ZAK = "zak-SECRET-VALUE-0123456789";

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Level previous = Level.WARN;
    private RuntimeFixture f;

    @BeforeEach
    void setUp() throws Exception {
        previous = root.getLevel();
        root.setLevel(Level.TRACE);
        logs.start();
        root.addAppender(logs);
        f = new RuntimeFixture();
    }

    @AfterEach
    void tearDown() {
        f.close();
        root.detachAppender(logs);
        root.setLevel(previous);
    }

    private String everything(RunnableBot... bots) {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : List.copyOf(logs.list)) {
            text.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy()))
                        .append('\n');
            }
        }
        for (RunnableBot bot : bots) {
            text.append(f.store.last(bot.id())).append('\n');
            f.driver.requests.forEach(r -> text.append(r).append('\n'));
        }
        return text.toString();
    }

    @Test
    void botLifecycle_atTrace_logsNoZakAndNoQuery() {
        f.tokenServer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getUrl().queryParameter("fail") == null
                        ? new MockResponse.Builder().code(200).body(ZAK).build()
                        : new MockResponse.Builder().code(500).body(ZAK).build();
            }
        });
        RunnableBot joins = f.botWithZak();
        RunnableBot fails = f.bot(
                BotStatus.READY,
                dev.signet.secrets.Secret.of(f.zakUrl().reveal() + "&fail=1"),
                AutomaticLeave.DEFAULTS,
                null);
        f.driver.thenFor("Notetaker", emit(new DriverEvent.JoinRefused(3265, "Invalid ZAK")));

        f.runtime.start();
        f.runtime.wake();
        await().until(() -> f.store.isFinal(joins.id()) && f.store.isFinal(fails.id()));

        assertThat(f.driver.requests)
                .anyMatch(r -> r.zak() != null && r.zak().reveal().equals(ZAK));
        assertThat(logs.list).isNotEmpty();
        String seen = everything(joins, fails);
        assertThat(seen).contains("token fetch from http://127.0.0.1").contains("zoom_invalid_zak");
        assertThat(seen).doesNotContain(ZAK).doesNotContain("query-secret");
    }
}
