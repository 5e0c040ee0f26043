/** The browser-bot benchmark: memory (PSS) and CPU of {@code websdk} bots in headless Chromium. */
@NullMarked
package dev.signet.bench.websdk;

import org.jspecify.annotations.NullMarked;
