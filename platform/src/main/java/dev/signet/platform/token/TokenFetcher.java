package dev.signet.platform.token;

import dev.signet.webhooks.WebhookSigner;
import dev.signet.zoom.Secret;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** Fetches a token from a token URL ({@code zak_url}) the SSRF-safe way of CONTRACTS.md §3. */
public final class TokenFetcher {
    private final TokenFetcherSettings settings;
    private final @Nullable WebhookSigner signer;
    private final Clock clock;
    private final AddressResolver resolver;
    private final Pause pause;

    /** A fetcher using the system resolver and real waits. */
    public TokenFetcher(TokenFetcherSettings settings, @Nullable WebhookSigner signer, Clock clock) {
        this(settings, signer, clock, AddressResolver.system(), Pause.real());
    }

    /** A fetcher with an injected resolver (tests map names to any address) and pause. */
    public TokenFetcher(
            TokenFetcherSettings settings,
            @Nullable WebhookSigner signer,
            Clock clock,
            AddressResolver resolver,
            Pause pause) {
        this.settings = settings;
        this.signer = signer;
        this.clock = clock;
        this.resolver = resolver;
        this.pause = pause;
    }

    /** GETs {@code url} (query preserved) and returns the token in its body, or why it failed. */
    public TokenResult fetch(Secret url) {
        throw new UnsupportedOperationException("not yet: " + settings + signer + clock + resolver + pause);
    }
}
