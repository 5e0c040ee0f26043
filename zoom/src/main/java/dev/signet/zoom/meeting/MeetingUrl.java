package dev.signet.zoom.meeting;

import org.jspecify.annotations.Nullable;

/**
 * A Zoom meeting link, reduced to what joining needs.
 *
 * @param meetingId the meeting number, 9 to 11 digits
 * @param password the {@code pwd} query value (Zoom's encrypted passcode; pass it as the password), if any
 * @param tk the registration token, if any
 * @param host the link's host, lowercased
 * @param kind meeting or webinar
 */
public record MeetingUrl(
        String meetingId,
        @Nullable String password,
        @Nullable String tk,
        String host,
        MeetingKind kind) {
    public MeetingUrl {
        if (meetingId == null || !meetingId.matches("[0-9]{9,11}")) {
            throw new InvalidMeetingUrlException("A meeting number has 9 to 11 digits.");
        }
        if (host == null || host.isBlank() || kind == null) {
            throw new IllegalArgumentException("host and kind are required");
        }
    }

    /**
     * Parses a pasted Zoom link: every form of CONTRACTS.md §7.
     *
     * @throws InvalidMeetingUrlException with a message fit for a 400 when it is not exactly one Zoom meeting link
     */
    public static MeetingUrl parse(String text) {
        return MeetingUrlParser.parse(text);
    }
}
