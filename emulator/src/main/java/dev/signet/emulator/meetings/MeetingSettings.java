package dev.signet.emulator.meetings;

import java.util.List;
import java.util.Locale;

/** The meeting settings the emulator honours, named as in Zoom's API. */
public record MeetingSettings(
        boolean meetingAuthentication,
        List<String> authenticationDomains,
        boolean waitingRoom,
        boolean joinBeforeHost) {
    /** Zoom's defaults for a new meeting: anyone may join, no waiting room, no joining before the host. */
    public static final MeetingSettings DEFAULTS = new MeetingSettings(false, List.of(), false, false);

    public MeetingSettings {
        authenticationDomains = authenticationDomains.stream()
                .map(d -> d.trim().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty())
                .toList();
    }

    /** Whether {@code domain} may join when authentication is on (any domain when none are listed). */
    public boolean allowsDomain(String domain) {
        return authenticationDomains.isEmpty() || authenticationDomains.contains(domain.toLowerCase(Locale.ROOT));
    }
}
