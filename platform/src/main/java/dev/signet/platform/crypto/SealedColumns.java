package dev.signet.platform.crypto;

import java.util.List;

/**
 * Every column in which the platform stores sealed values: the bindings the stores use and what {@link Reseal}
 * walks. A store that seals a new column adds it here.
 */
public final class SealedColumns {
    /** A bot's {@code zoom.zak_url}. */
    public static final SealedColumn BOT_ZAK_URL = new SealedColumn("bots", "id", "zak_url");
    /** A bot's {@code zoom.obf_token_url}. */
    public static final SealedColumn BOT_OBF_TOKEN_URL = new SealedColumn("bots", "id", "obf_token_url");
    /** A bot's {@code zoom.join_token_url}. */
    public static final SealedColumn BOT_JOIN_TOKEN_URL = new SealedColumn("bots", "id", "join_token_url");
    /** A bot's meeting registration token ({@code tk} of the meeting URL). */
    public static final SealedColumn BOT_MEETING_TK = new SealedColumn("bots", "id", "meeting_tk");

    /** All of them. */
    public static final List<SealedColumn> ALL =
            List.of(BOT_ZAK_URL, BOT_OBF_TOKEN_URL, BOT_JOIN_TOKEN_URL, BOT_MEETING_TK);

    private SealedColumns() {}
}
