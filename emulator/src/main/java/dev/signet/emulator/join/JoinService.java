package dev.signet.emulator.join;

import dev.signet.emulator.directory.Account;
import dev.signet.emulator.directory.Directory;
import dev.signet.emulator.directory.SdkApp;
import dev.signet.emulator.directory.User;
import dev.signet.emulator.meetings.LocalRecording;
import dev.signet.emulator.meetings.Meeting;
import dev.signet.emulator.meetings.MeetingStatus;
import dev.signet.emulator.meetings.MeetingStore;
import dev.signet.emulator.meetings.Participant;
import dev.signet.emulator.meetings.ParticipantDraft;
import dev.signet.emulator.meetings.Role;
import dev.signet.emulator.tokens.RecordingTokens;
import dev.signet.emulator.tokens.UserTokens;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Applies Zoom's join rules, in the order the module README lists them, and admits or refuses. */
public final class JoinService {
    private final MeetingStore meetings;
    private final Directory directory;
    private final UserTokens tokens;
    private final RecordingTokens recordingTokens;
    private final SdkSignature signatures;
    private final People people;

    public JoinService(
            MeetingStore meetings,
            Directory directory,
            UserTokens tokens,
            RecordingTokens recordingTokens,
            SdkSignature signatures,
            People people) {
        this.meetings = meetings;
        this.directory = directory;
        this.tokens = tokens;
        this.recordingTokens = recordingTokens;
        this.signatures = signatures;
        this.people = people;
    }

    JoinResult join(String meetingNumber, JoinRequest request) {
        String number = meetingNumber.replace(" ", "").replace("-", "");
        int role = request.roleOrDefault();
        String signature = request.signature();
        if (signature == null || signature.isBlank()) {
            return refuse(Refusal.SIGNATURE_INVALID);
        }
        SdkApp app;
        switch (signatures.verify(signature)) {
            case SdkSignature.Check.Refused(Refusal refusal) -> {
                return refuse(refusal);
            }
            case SdkSignature.Check.Valid(SdkSignature.Claims claims) -> {
                boolean keyMatches = request.sdkKey() == null
                        || request.sdkKey().equals(claims.app().key());
                if (!claims.meetingNumber().equals(number) || claims.role() != role || !keyMatches) {
                    return refuse(Refusal.SIGNATURE_INVALID);
                }
                app = claims.app();
            }
        }
        Optional<Meeting> found = parse(number).flatMap(meetings::find);
        if (found.isEmpty()) {
            return refuse(Refusal.MEETING_NOT_FOUND);
        }
        Meeting meeting = found.get();
        synchronized (meeting) {
            return admit(meeting, app, role, request);
        }
    }

    private JoinResult admit(Meeting meeting, SdkApp app, int role, JoinRequest request) {
        if (meeting.status() == MeetingStatus.ENDED) {
            return refuse(Refusal.MEETING_ENDED);
        }
        String obfToken = request.obfToken();
        UserTokens.Obf obf = null;
        if (obfToken != null) {
            if (request.zak() != null || role == 1) {
                return refuse(Refusal.OBF_ERROR);
            }
            obf = tokens.findObf(obfToken).orElse(null);
            if (obf == null) {
                return refuse(Refusal.OBF_INVALID);
            }
            if (obf.meetingId() != meeting.id()) {
                return refuse(Refusal.OBF_OTHER_MEETING);
            }
            if (!meeting.present(obf.userId())) {
                return refuse(Refusal.OBF_USER_ABSENT);
            }
        }
        User zakUser = null;
        if (request.zak() != null) {
            zakUser = zakUser(request.zak());
            if (zakUser == null) {
                return refuse(Refusal.ZAK_INVALID);
            }
        }
        boolean host = role == 1;
        if (host && (zakUser == null || !zakUser.id().equals(meeting.hostId()))) {
            return refuse(Refusal.NOT_HOST);
        }
        if (!app.accountId().equals(meeting.accountId())) {
            if (!app.published()) {
                return refuse(Refusal.APP_NOT_PUBLISHED);
            }
            if (zakUser == null && obf == null) {
                return refuse(Refusal.ANONYMOUS_REFUSED);
            }
        }
        Optional<Refusal> gate = gates(meeting, host, request.passcode(), zakUser, obf);
        if (gate.isPresent()) {
            return refuse(gate.get());
        }
        if (obfToken != null && !tokens.consumeObf(obfToken)) {
            return refuse(Refusal.OBF_INVALID);
        }
        Admission admission = host ? Admission.host() : Admission.attendee(meeting);
        ParticipantDraft draft = new ParticipantDraft(
                people.newParticipantId(),
                request.name(),
                zakUser == null ? null : people.identity(zakUser),
                host ? Role.HOST : Role.ATTENDEE,
                obf == null ? null : obf.userId(),
                false,
                request.email(),
                localRecording(request.recordingToken(), meeting));
        Participant p = meeting.enter(draft, admission.placement(), admission.starts());
        return new JoinResult.Joined(p.id(), admission.placement(), p.role(), zakUser == null ? null : zakUser.email());
    }

    /** Passcode, lock, capacity and authentication, for everyone but the host. */
    private Optional<Refusal> gates(
            Meeting meeting,
            boolean host,
            @Nullable String passcode,
            @Nullable User zakUser,
            UserTokens.@Nullable Obf obf) {
        if (!host && !meeting.passcodeMatches(passcode)) {
            return Optional.of(Refusal.WRONG_PASSCODE);
        }
        if (!host && meeting.locked()) {
            return Optional.of(Refusal.LOCKED);
        }
        if (meeting.full()) {
            return Optional.of(Refusal.FULL);
        }
        if (!host && meeting.settings().meetingAuthentication()) {
            User signedIn = zakUser != null
                    ? zakUser
                    : obf == null ? null : directory.findUser(obf.userId()).orElse(null);
            if (signedIn == null || !meeting.settings().allowsDomain(signedIn.emailDomain())) {
                return Optional.of(Refusal.LOGIN_REQUIRED);
            }
        }
        return Optional.empty();
    }

    /** The local-recording permission a join token gives; an invalid one is recorded, never refused (as Zoom). */
    private LocalRecording localRecording(@Nullable String recordingToken, Meeting meeting) {
        if (recordingToken == null) {
            return LocalRecording.NONE;
        }
        return recordingTokens.allows(recordingToken, meeting.id())
                ? LocalRecording.ALLOWED
                : LocalRecording.INVALID_TOKEN;
    }

    private @Nullable User zakUser(String zak) {
        return tokens.verifyZak(zak)
                .flatMap(z -> directory.findUser(z.userId()))
                .filter(u -> !directory
                        .findAccount(u.accountId())
                        .map(Account::blocked)
                        .orElse(true))
                .orElse(null);
    }

    private static Optional<Long> parse(String number) {
        try {
            return Optional.of(Long.parseLong(number));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static JoinResult refuse(Refusal refusal) {
        return new JoinResult.Refused(refusal);
    }
}
