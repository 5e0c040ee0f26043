package dev.signet.secrets;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Keeps a deployable's secrets out of the logs even when an operator turns every logger up to TRACE.
 *
 * <p>Signet's own code never logs a secret, but Jetty's debug output is a wire dump: it shows request lines and headers
 * (a query secret, {@code Authorization: Token <API key>}) and response buffers (a ZAK). The guard knows the secrets
 * configured at start and the tokens {@linkplain #protect(Secret) minted since}, and drops any log event that would
 * show one. At the usual INFO level it costs one level comparison per log call.
 */
public final class LogGuard implements AutoCloseable {
    /** Tokens on the wire were minted moments ago, so a bounded set of recent ones is enough. */
    private static final int RECENT_CAPACITY = 4096;

    private final List<String> fixed;
    private final Map<String, Boolean> recent = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT_CAPACITY;
        }
    };
    private final @Nullable SecretFilter filter;
    private final @Nullable LoggerContext context;

    private LogGuard(Collection<String> fixed, @Nullable LoggerContext context) {
        this.fixed = fixed.stream().filter(s -> !s.isEmpty()).toList();
        this.context = context;
        this.filter = context == null ? null : new SecretFilter(this);
        if (context != null && filter != null) {
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    /**
     * Installs a guard for {@code secrets} in Logback (a no-op guard with any other SLF4J backend).
     *
     * @param secrets the configured secrets, as they would appear in text; empty strings are ignored
     */
    public static LogGuard install(Collection<String> secrets) {
        LoggerContext context = LoggerFactory.getILoggerFactory() instanceof LoggerContext logback ? logback : null;
        if (context != null) {
            routeJulThroughSlf4j(context);
        }
        return new LogGuard(secrets, context);
    }

    /**
     * Sends {@code java.util.logging} (the JDK's HTTP client, Selenium) to SLF4J, so the guard sees those records too:
     * the JUL root logger's own handlers (a console handler that prints to stderr) are replaced by the SLF4J bridge,
     * and Logback's levels are copied to JUL as they change (JUL drops a record below its own level before any
     * handler sees it; with the copy an operator turns JUL loggers up the way they turn up any other). Idempotent;
     * left in place on {@link #close()}, as it is the JVM's logging set-up rather than this guard's.
     */
    private static void routeJulThroughSlf4j(LoggerContext context) {
        synchronized (LogGuard.class) {
            if (!SLF4JBridgeHandler.isInstalled()) {
                SLF4JBridgeHandler.removeHandlersForRootLogger();
                SLF4JBridgeHandler.install();
            }
            boolean propagating =
                    context.getCopyOfListenerList().stream().anyMatch(LevelChangePropagator.class::isInstance);
            if (!propagating) {
                LevelChangePropagator propagator = new LevelChangePropagator();
                propagator.setContext(context);
                propagator.setResetJUL(true);
                propagator.start();
                context.addListener(propagator);
            }
        }
    }

    /** Adds a token just obtained (an access token, a ZAK) to the secrets kept out of the logs. */
    public void protect(Secret secret) {
        synchronized (recent) {
            recent.put(secret.reveal(), Boolean.TRUE);
        }
    }

    /** Whether {@code text} shows any secret this guard knows. */
    boolean shows(String text) {
        for (String secret : fixed) {
            if (text.contains(secret)) {
                return true;
            }
        }
        synchronized (recent) {
            for (String secret : recent.keySet()) {
                if (text.contains(secret)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Removes the guard from Logback. */
    @Override
    public void close() {
        if (context != null && filter != null) {
            context.getTurboFilterList().remove(filter);
            filter.stop();
        }
    }
}
