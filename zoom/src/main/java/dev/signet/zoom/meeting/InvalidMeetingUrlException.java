package dev.signet.zoom.meeting;

/** A string that is not one usable Zoom meeting link; the message says why and is fit for a 400 answer. */
public final class InvalidMeetingUrlException extends IllegalArgumentException {
    public InvalidMeetingUrlException(String message) {
        super(message);
    }
}
