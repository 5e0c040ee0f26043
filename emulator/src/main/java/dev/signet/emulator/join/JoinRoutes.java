package dev.signet.emulator.join;

import dev.signet.emulator.faults.FaultGate;
import dev.signet.emulator.http.EmulatorException;
import dev.signet.emulator.http.Json;
import dev.signet.emulator.meetings.MeetingStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The join protocol: join, leave and the participant's event stream. */
public final class JoinRoutes {
    private final JoinService service;
    private final MeetingStore meetings;
    private final EventStream stream;
    private final Json json;
    private final FaultGate gate;

    public JoinRoutes(JoinService service, MeetingStore meetings, Json json, Duration pingInterval, FaultGate gate) {
        this.gate = gate;
        this.service = service;
        this.meetings = meetings;
        this.stream = new EventStream(json, pingInterval);
        this.json = json;
    }

    /** Waits up to {@code timeout} for open event streams to finish once their sinks were closed. */
    public void awaitStreamsClosed(Duration timeout) throws InterruptedException {
        stream.awaitClosed(timeout);
    }

    public void register(RoutesConfig routes) {
        gate.route(routes, "POST", "/emulator/meetings/{meetingNumber}/join", this::join);
        gate.route(routes, "POST", "/emulator/participants/{participantId}/leave", this::leave);
        gate.route(routes, "GET", "/emulator/participants/{participantId}/events", this::events);
    }

    private void join(Context ctx) throws Exception {
        JoinRequest request = json.read(ctx.body(), JoinRequest.class);
        switch (service.join(ctx.pathParam("meetingNumber"), request)) {
            case JoinResult.Joined(var id, var status, var role, var signedInAs) ->
                json.send(
                        ctx,
                        200,
                        new JoinResponse(
                                id,
                                status,
                                role,
                                signedInAs,
                                "/emulator/participants/" + id + "/events",
                                "/emulator/participants/" + id + "/leave"));
            case JoinResult.Refused(Refusal refusal) -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error_code", refusal.code());
                body.put("reason", refusal.reason());
                json.send(ctx, 403, body);
            }
        }
    }

    private void leave(Context ctx) {
        MeetingStore.Found found = find(ctx);
        found.meeting().leave(found.participant().id());
        ctx.status(204);
    }

    private void events(Context ctx) throws Exception {
        stream.serve(ctx.res(), find(ctx));
    }

    private MeetingStore.Found find(Context ctx) {
        String id = ctx.pathParam("participantId");
        return meetings.findParticipant(id).orElseThrow(() -> EmulatorException.notFound("participant " + id));
    }
}
