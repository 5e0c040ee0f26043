package dev.signet.platform.driver;

/**
 * The one seam between the bot runtime and a Zoom meeting (the {@code emulator} driver, later {@code websdk}).
 *
 * <p>{@link #join} never blocks on the meeting: it starts the attempt and returns its session at once; the
 * outcome (admitted, waiting, refused with Zoom's code) arrives as the session's first events.
 */
public interface MeetingDriver {
    /** Starts one join attempt with the credentials of {@code request}, which live only as long as the attempt. */
    MeetingSession join(JoinRequest request);
}
