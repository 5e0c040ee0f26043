package dev.signet.secrets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/** Denies log events whose rendered message or exception would show a secret the {@link LogGuard} knows. */
final class SecretFilter extends TurboFilter {
    private final LogGuard guard;

    SecretFilter(LogGuard guard) {
        this.guard = guard;
    }

    @Override
    public FilterReply decide(
            @Nullable Marker marker,
            Logger logger,
            Level level,
            @Nullable String format,
            @Nullable Object @Nullable [] params,
            @Nullable Throwable t) {
        // isDebugEnabled() probes pass no format; disabled events are never rendered: both are harmless.
        if (format == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        String rendered = MessageFormatter.arrayFormat(format, params).getMessage();
        if (rendered != null && guard.shows(rendered)) {
            return FilterReply.DENY;
        }
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && guard.shows(message)) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
