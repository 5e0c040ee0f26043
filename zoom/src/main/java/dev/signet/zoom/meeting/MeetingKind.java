package dev.signet.zoom.meeting;

/** What a Zoom link points at. */
public enum MeetingKind {
    /** A meeting ({@code /j/}, {@code /s/}, {@code /wc/…}, {@code zoommtg://}). */
    MEETING,
    /** A webinar ({@code /w/}). */
    WEBINAR
}
