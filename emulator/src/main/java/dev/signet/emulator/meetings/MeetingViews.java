package dev.signet.emulator.meetings;

import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.directory.User;
import dev.signet.emulator.http.UrlText;
import dev.signet.emulator.tokens.UserTokens;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** Renders meetings as Zoom's REST answers: join URL with the encrypted passcode, start URL with the host's ZAK. */
public final class MeetingViews {
    private final Directory directory;
    private final UserTokens tokens;
    private final String webBase;

    /** {@code webBase} is the origin of join and start URLs, e.g. {@code https://zoom.us}. */
    public MeetingViews(Directory directory, UserTokens tokens, String webBase) {
        this.directory = directory;
        this.tokens = tokens;
        this.webBase = webBase.endsWith("/") ? webBase.substring(0, webBase.length() - 1) : webBase;
    }

    /** The join URL: {@code {web}/j/{id}}, with {@code ?pwd=<encrypted>} when there is a passcode. */
    public String joinUrl(MeetingData m) {
        String pwd =
                m.password() == null || m.password().isEmpty() ? "" : "?pwd=" + UrlText.encode(m.encryptedPassword());
        return webBase + "/j/" + m.id() + pwd;
    }

    MeetingView rest(MeetingData m) {
        String hostEmail = directory.findUser(m.hostId()).map(User::email).orElse("");
        String zak = tokens.mintZak(m.hostId(), Duration.ofHours(2));
        String password = m.password() == null ? "" : m.password();
        MeetingSettings s = m.settings();
        return new MeetingView(
                m.uuid(),
                m.id(),
                m.hostId(),
                hostEmail,
                m.schedule().topic(),
                m.schedule().type(),
                m.status().wire(),
                m.schedule().startTime() == null
                        ? null
                        : m.schedule()
                                .startTime()
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString(),
                m.schedule().duration(),
                m.schedule().timezone(),
                m.schedule().agenda(),
                m.createdAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                webBase + "/s/" + m.id() + "?zak=" + UrlText.encode(zak),
                joinUrl(m),
                password,
                password,
                password,
                m.password() == null ? "" : m.encryptedPassword(),
                new MeetingView.Settings(
                        false,
                        false,
                        s.joinBeforeHost(),
                        false,
                        s.waitingRoom(),
                        s.meetingAuthentication(),
                        String.join(",", s.authenticationDomains()),
                        2,
                        "voip",
                        "none"),
                false);
    }
}
