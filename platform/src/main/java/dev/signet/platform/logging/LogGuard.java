package dev.signet.platform.logging;

import ch.qos.logback.classic.LoggerContext;
import dev.signet.webhooks.WebhookSecret;
import dev.signet.zoom.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Keeps the platform's secrets out of the logs even when an operator turns every logger up to TRACE.
 *
 * <p>The platform's own code never logs a secret, but Jetty's debug output is a wire dump: it shows request headers,
 * among them {@code Authorization: Token <API key>}. The guard knows the configured secrets (API keys, the webhook
 * secret, the SDK secret, the encryption key) and drops any log event that would show one. At the usual INFO level it
 * costs one level comparison per log call. The broker has its own guard, as the two deployables share no code but
 * the libraries.
 */
public final class LogGuard implements AutoCloseable {
    private final List<String> secrets;
    private final @Nullable SecretFilter filter;
    private final @Nullable LoggerContext context;

    private LogGuard(Collection<String> secrets, @Nullable LoggerContext context) {
        this.secrets = secrets.stream().filter(s -> !s.isEmpty()).toList();
        this.context = context;
        this.filter = context == null ? null : new SecretFilter(this);
        if (context != null && filter != null) {
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    /**
     * Installs a guard for the platform's secrets as they could appear in a log line; the webhook secret with and
     * without its {@code whsec_} prefix.
     */
    public static LogGuard install(
            List<Secret> apiKeys, Secret sdkSecret, Secret encryptionKey, @Nullable WebhookSecret webhookSecret) {
        List<String> secrets = new ArrayList<>();
        apiKeys.forEach(key -> secrets.add(key.reveal()));
        if (webhookSecret != null) {
            secrets.add(webhookSecret.encoded());
            secrets.add(webhookSecret.encoded().substring(WebhookSecret.PREFIX.length()));
        }
        secrets.add(sdkSecret.reveal());
        secrets.add(encryptionKey.reveal());
        return install(secrets);
    }

    /**
     * Installs a guard for {@code secrets} in Logback (a no-op guard with any other SLF4J backend).
     *
     * @param secrets the secrets as they would appear in text
     */
    static LogGuard install(Collection<String> secrets) {
        LoggerContext context = LoggerFactory.getILoggerFactory() instanceof LoggerContext logback ? logback : null;
        return new LogGuard(secrets, context);
    }

    /** Whether {@code text} shows any secret this guard knows. */
    boolean shows(String text) {
        for (String secret : secrets) {
            if (text.contains(secret)) {
                return true;
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
