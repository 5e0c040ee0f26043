package dev.signet.platform.token;

import dev.signet.secrets.Secret;
import java.util.Objects;

/** The outcome of one token fetch: the token, or why there is none. */
public sealed interface TokenResult {
    /** The token URL answered 200 with a well-formed token. */
    record Fetched(Secret token) implements TokenResult {
        public Fetched {
            Objects.requireNonNull(token, "token");
        }
    }

    /**
     * The fetch failed.
     *
     * @param kind the class of failure (a metric tag)
     * @param reason a human explanation naming the URL's scheme, host and path at most: never its query or a token
     */
    record Failed(FailureKind kind, String reason) implements TokenResult {
        public Failed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Classes of fetch failure. */
    enum FailureKind {
        /** The URL is malformed or uses a scheme that is not allowed. */
        INVALID_URL,
        /** The host resolved to an address the platform may not call (private, loopback, …) or did not resolve. */
        BLOCKED_ADDRESS,
        /** Connection refused, reset, or another network error, after retries. */
        NETWORK,
        /** The connect or total timeout elapsed, after retries. */
        TIMEOUT,
        /** The server answered with a redirect, which is never followed. */
        REDIRECT,
        /** The server answered 404 ({@code join_token_url}: "no token"; a failure for the other URLs). */
        NOT_FOUND,
        /** The server answered a status other than 200 or 404 (after retries for 5xx and 429). */
        BAD_STATUS,
        /** The body was empty, too long, or not a token. */
        BAD_BODY;

        /** The metric tag value, e.g. {@code blocked_address}. */
        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
