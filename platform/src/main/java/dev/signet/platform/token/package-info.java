/** The SSRF-safe client that fetches a bot's ZAK from its {@code zak_url} right before each join attempt. */
@NullMarked
package dev.signet.platform.token;

import org.jspecify.annotations.NullMarked;
