package dev.signet.platform.bot;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of bots and the cursors around it. */
record BotPage(
        List<BotView> results,
        @Nullable PageCursor next,
        @Nullable PageCursor previous) {}
