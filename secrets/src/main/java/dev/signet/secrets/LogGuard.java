package dev.signet.secrets;

import ch.qos.logback.classic.LoggerContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

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
        return new LogGuard(secrets, context);
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
