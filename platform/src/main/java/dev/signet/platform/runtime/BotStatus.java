package dev.signet.platform.runtime;

import java.util.Set;

/** The Recall status codes Signet records, and which of them are final. */
public final class BotStatus {
    public static final String READY = "ready";
    public static final String JOINING_CALL = "joining_call";
    public static final String IN_WAITING_ROOM = "in_waiting_room";
    public static final String IN_CALL_NOT_RECORDING = "in_call_not_recording";
    public static final String CALL_ENDED = "call_ended";
    public static final String DONE = "done";
    public static final String FATAL = "fatal";

    /** The statuses of a bot that is (or was, before a restart) in or on its way into a meeting. */
    public static final Set<String> IN_MEETING = Set.of(JOINING_CALL, IN_WAITING_ROOM, IN_CALL_NOT_RECORDING);

    private BotStatus() {}

    /** Whether {@code code} ends a bot's life ({@code done} or {@code fatal}). */
    public static boolean isFinal(String code) {
        return DONE.equals(code) || FATAL.equals(code);
    }
}
