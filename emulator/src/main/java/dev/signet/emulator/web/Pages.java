package dev.signet.emulator.web;

import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.directory.User;
import dev.signet.emulator.http.EmulatorException;
import dev.signet.emulator.http.Html;
import dev.signet.emulator.http.UrlText;
import dev.signet.emulator.meetings.LocalRecording;
import dev.signet.emulator.meetings.Meeting;
import dev.signet.emulator.meetings.MeetingData;
import dev.signet.emulator.meetings.MeetingStore;
import dev.signet.emulator.meetings.ParticipantView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Server-rendered pages for people: an index of meetings and a page per meeting with its participants. */
public final class Pages {
    private final MeetingStore meetings;
    private final Directory directory;

    public Pages(MeetingStore meetings, Directory directory) {
        this.meetings = meetings;
        this.directory = directory;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect("/emulator/web/meetings", HttpStatus.FOUND));
        routes.get(
                "/meetings/{meetingNumber}",
                ctx -> ctx.redirect(
                        "/emulator/web/meetings/" + UrlText.encode(ctx.pathParam("meetingNumber")), HttpStatus.FOUND));
        routes.get("/emulator/web/meetings", this::index);
        routes.get("/emulator/web/meetings/{meetingNumber}", this::meeting);
    }

    private void index(Context ctx) {
        StringBuilder body = new StringBuilder(
                "<p><a href=\"/emulator/web/apps\">Authorized apps</a></p><h1>Zoom emulator: meetings</h1><table>");
        body.append("<tr><th>Meeting</th><th>Topic</th><th>Host</th><th>Status</th><th>Participants</th></tr>");
        for (Meeting meeting : meetings.all()) {
            MeetingData data = meeting.data();
            long present = meeting.participants().stream()
                    .filter(p -> p.status().active())
                    .count();
            body.append("<tr><td><a href=\"/emulator/web/meetings/")
                    .append(data.id())
                    .append("\">")
                    .append(data.id())
                    .append("</a></td><td>")
                    .append(Html.escape(data.schedule().topic()))
                    .append("</td><td>")
                    .append(Html.escape(hostName(data.hostId())))
                    .append("</td><td>")
                    .append(Html.escape(data.status().wire()))
                    .append("</td><td>")
                    .append(present)
                    .append("</td></tr>");
        }
        body.append("</table>");
        html(ctx, Html.page("Zoom emulator", body.toString(), 5));
    }

    private void meeting(Context ctx) {
        String number = ctx.pathParam("meetingNumber");
        Meeting meeting;
        try {
            meeting = meetings.find(Long.parseLong(number))
                    .orElseThrow(() -> EmulatorException.notFound("meeting " + number));
        } catch (NumberFormatException e) {
            throw EmulatorException.notFound("meeting " + number);
        }
        MeetingData data = meeting.data();
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"/emulator/web/meetings\">All meetings</a></p>");
        body.append("<h1>").append(Html.escape(data.schedule().topic())).append("</h1>");
        body.append("<p class=\"muted\">Meeting ")
                .append(data.id())
                .append(" · host ")
                .append(Html.escape(hostName(data.hostId())))
                .append(" · ")
                .append(Html.escape(data.status().wire()))
                .append(data.locked() ? " · locked" : "")
                .append("</p><table><tr><th></th><th>Name</th><th>Status</th><th>Role</th><th>Signed in</th>"
                        + "<th>Email given</th><th>Local recording</th></tr>");
        for (ParticipantView p : meeting.participants()) {
            body.append("<tr><td>");
            if (p.avatarUrl() != null) {
                body.append("<img class=\"avatar\" alt=\"\" src=\"")
                        .append(Html.escape(p.avatarUrl()))
                        .append("\">");
            }
            body.append("</td><td>")
                    .append(Html.escape(p.displayName()))
                    .append("</td><td>")
                    .append(Html.escape(p.status().wire()))
                    .append("</td><td>")
                    .append(Html.escape(p.role().wire()))
                    .append("</td><td>");
            if (p.signedInAs() != null) {
                body.append("<span class=\"badge\">signed in as ")
                        .append(Html.escape(p.signedInAs()))
                        .append("</span>");
            } else if (p.onBehalfOf()) {
                body.append("<span class=\"muted\">on behalf of a user (OBF)</span>");
            } else {
                body.append("<span class=\"muted\">guest</span>");
            }
            body.append("</td><td>")
                    .append(p.userEmail() == null ? "<span class=\"muted\">—</span>" : Html.escape(p.userEmail()))
                    .append("</td><td>")
                    .append(localRecording(p.localRecording()))
                    .append("</td></tr>");
        }
        body.append("</table>");
        html(ctx, Html.page("Meeting " + data.id(), body.toString(), 5));
    }

    private static String localRecording(LocalRecording permission) {
        return switch (permission) {
            case ALLOWED -> "<span class=\"badge\">allowed</span>";
            case INVALID_TOKEN -> "invalid token";
            case NONE -> "<span class=\"muted\">—</span>";
        };
    }

    private String hostName(String hostId) {
        return directory.findUser(hostId).map(User::displayName).orElse(hostId);
    }

    private static void html(Context ctx, String page) {
        ctx.contentType("text/html;charset=UTF-8").result(page);
    }
}
