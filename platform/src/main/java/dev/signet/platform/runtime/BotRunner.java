package dev.signet.platform.runtime;

import dev.signet.platform.driver.DriverEvent;
import dev.signet.platform.driver.JoinRequest;
import dev.signet.platform.driver.MeetingDriver;
import dev.signet.platform.driver.MeetingParticipant;
import dev.signet.platform.driver.MeetingSession;
import dev.signet.platform.runtime.BotAction.Emit;
import dev.signet.platform.runtime.BotAction.Join;
import dev.signet.platform.runtime.BotAction.LeaveMeeting;
import dev.signet.platform.time.Doorbell;
import dev.signet.platform.time.Pause;
import dev.signet.platform.token.TokenFetcher;
import dev.signet.platform.token.TokenResult;
import dev.signet.secrets.Secret;
import dev.signet.zoom.sdk.SdkSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin runner of one bot: feeds {@link BotTransitions} with driver events, deadlines and requests, and performs
 * its actions (record statuses, fetch the ZAK and join, leave). Runs on the bot's own virtual thread.
 *
 * <p>Waits only in {@link MeetingSession#next} or the injected {@link Pause}, up to the state's deadline from the
 * clock, through a {@link Doorbell}: {@link #request} interrupts the thread only while it waits there, never during
 * I/O.
 */
final class BotRunner implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(BotRunner.class);
    private static final Duration IDLE_WAIT = Duration.ofMinutes(10);
    /** Participant lists are written at most this often (and once at the end): a big meeting joins in bursts. */
    static final Duration ROSTER_FLUSH = Duration.ofSeconds(5);

    /** What a runner shares with the runtime. */
    record Deps(
            BotStore store,
            MeetingDriver driver,
            TokenFetcher tokens,
            SdkSigner signer,
            String sdkKey,
            Clock clock,
            Pause pause,
            RuntimeMetrics metrics) {}

    private final RunnableBot bot;
    private final boolean recovering;
    private final Deps deps;
    private final BotRules rules;
    private final Doorbell doorbell;
    private final AtomicReference<@Nullable BotEvent> command = new AtomicReference<>();

    private final Deque<BotEvent> pending = new ArrayDeque<>();
    private final List<Participant> roster = new ArrayList<>(); // in the order first seen
    private final Map<String, Integer> rosterPositions = new HashMap<>();
    private final Set<Integer> rosterUpdated = new TreeSet<>(); // positions below rosterWritten changed since
    private int rosterWritten = -1; // participants the store holds from this runner; -1: none yet (the first replaces)
    private boolean rosterDirty;
    private @Nullable Instant rosterFlushedAt;
    private BotState state = new BotState.Idle();
    private @Nullable MeetingSession session;

    BotRunner(RunnableBot bot, boolean recovering, RuntimeSettings settings, Deps deps) {
        this.bot = bot;
        this.recovering = recovering;
        this.deps = deps;
        this.rules = BotRules.of(bot, settings);
        this.doorbell = new Doorbell(deps.pause());
    }

    /** Asks the bot to leave ({@link BotEvent.LeaveRequested}) or stop ({@link BotEvent.ShutdownRequested}). */
    void request(BotEvent event) {
        command.compareAndSet(null, event);
        doorbell.ring();
    }

    @Override
    public void run() {
        try {
            handle(new BotEvent.Start(recovering));
            while (!(state instanceof BotState.Finished)) {
                BotEvent next = pending.poll();
                handle(next != null ? next : await());
            }
        } catch (StoreClosedException e) {
            log.info("bot {} stops with the platform; it keeps its last recorded status", bot.id());
        } catch (LeaseLostException e) {
            log.warn("bot {} stops here: another node holds it now", bot.id());
        } catch (RuntimeException e) {
            log.error("bot {} failed unexpectedly", bot.id(), e);
            crash(e);
        } finally {
            closeSession();
        }
    }

    private void crash(RuntimeException cause) {
        try {
            handle(new BotEvent.Crashed("internal error (" + cause.getClass().getSimpleName() + ")"));
        } catch (StoreClosedException | LeaseLostException stopped) {
            log.info("bot {} could not record its failure: {}", bot.id(), stopped.getMessage());
        } catch (RuntimeException again) {
            log.error("bot {} could not record its failure", bot.id(), again);
        }
    }

    private BotEvent await() {
        while (true) {
            BotEvent taken = command.getAndSet(null);
            if (taken != null) {
                return taken;
            }
            Instant now = deps.clock().instant();
            Instant deadline = BotDeadlines.of(state, rules);
            if (deadline != null && !now.isBefore(deadline)) {
                return new BotEvent.DeadlinePassed();
            }
            Duration wait = deadline == null ? IDLE_WAIT : Duration.between(now, deadline);
            Instant nextFlush = flushRosterIfDue(now);
            if (nextFlush != null && nextFlush.isBefore(now.plus(wait))) {
                wait = Duration.between(now, nextFlush);
            }
            Optional<DriverEvent> event = waitFor(wait);
            if (event.isPresent()) {
                return new BotEvent.Observed(event.get());
            }
        }
    }

    private Optional<DriverEvent> waitFor(Duration wait) {
        MeetingSession current = session;
        try {
            if (current != null) {
                return doorbell.await(() -> current.next(wait), Optional.empty());
            }
            doorbell.await(wait);
            return Optional.empty();
        } catch (InterruptedException e) {
            return Optional.empty(); // only request() interrupts, through the doorbell; await() takes the request
        }
    }

    private void handle(BotEvent event) {
        if (event instanceof BotEvent.Observed observed) {
            observe(observed.event());
        }
        if (event instanceof BotEvent.DeadlinePassed && state instanceof BotState.Joining) {
            deps.metrics().join("zoom_join_timeout");
        }
        BotTransitions.Step step =
                BotTransitions.next(state, event, deps.clock().instant(), rules);
        state = step.state();
        for (BotAction action : step.actions()) {
            switch (action) {
                case Emit emit -> emit(emit);
                case Join join -> {
                    // The watchdog times Zoom, not this platform: waiting for the database to record joining_call
                    // (seconds under load) must not use up the join's time.
                    if (state instanceof BotState.Joining joining) {
                        state = new BotState.Joining(
                                joining.attempt(), deps.clock().instant());
                    }
                    join(join.role());
                }
                case LeaveMeeting leave -> closeSession();
            }
        }
    }

    private void observe(DriverEvent event) {
        boolean answer = event instanceof DriverEvent.InMeeting
                || event instanceof DriverEvent.WaitingForHost
                || event instanceof DriverEvent.InWaitingRoom
                || event instanceof DriverEvent.JoinRefused
                || event instanceof DriverEvent.DriverFailed;
        if (answer && state instanceof BotState.Joining) {
            deps.metrics().joined(event, rules.presented());
        }
        if (event instanceof DriverEvent.Disconnected lost) {
            log.info("bot {} lost its meeting connection: {}", bot.id(), lost.reason());
        }
        if (event instanceof DriverEvent.ParticipantJoined joined) {
            MeetingParticipant p = joined.participant();
            Participant seen =
                    new Participant(p.id(), p.displayName(), p.email(), p.avatarUrl(), p.signedIn(), p.host());
            Integer position = rosterPositions.get(p.id());
            if (position == null) {
                rosterPositions.put(p.id(), roster.size());
                roster.add(seen);
                rosterDirty = true;
            } else if (!seen.equals(roster.get(position))) {
                roster.set(position, seen);
                if (position < rosterWritten) {
                    rosterUpdated.add(position);
                }
                rosterDirty = true;
            }
        }
    }

    /** Writes the participant list if it changed and the last write is old enough; returns when the next is due. */
    private @Nullable Instant flushRosterIfDue(Instant now) {
        if (!rosterDirty) {
            return null;
        }
        Instant due = rosterFlushedAt == null ? now : rosterFlushedAt.plus(ROSTER_FLUSH);
        if (now.isBefore(due)) {
            return due;
        }
        flushRoster();
        return null;
    }

    private void flushRoster() {
        if (rosterDirty) {
            rosterDirty = false;
            rosterFlushedAt = deps.clock().instant();
            int size = roster.size();
            if (rosterWritten < 0) {
                // This runner's first write replaces whatever an earlier runner of the bot (another node) wrote.
                deps.store().participants(bot.id(), List.copyOf(roster));
            } else {
                Map<Integer, Participant> updated = new HashMap<>();
                rosterUpdated.forEach(position -> updated.put(position, roster.get(position)));
                deps.store()
                        .participantsChanged(
                                bot.id(),
                                new RosterChange(rosterWritten, roster.subList(rosterWritten, size), updated));
            }
            rosterWritten = size;
            rosterUpdated.clear();
        }
    }

    private void emit(Emit emit) {
        StatusChange change = new StatusChange(
                emit.code(), emit.subCode(), emit.message(), deps.clock().instant());
        log.info("bot {} is {}{}", bot.id(), emit.code(), emit.subCode() == null ? "" : " / " + emit.subCode());
        deps.store().transition(bot.id(), change);
    }

    private void join(int role) {
        closeSession();
        JoinCredentials credentials = bot.credentials();
        if (credentials.conflicting()) {
            pending.add(new BotEvent.TokenFailed(
                    JoinOutcomes.BOT_ERRORED,
                    "The bot has both zoom.zak_url and zoom.obf_token_url; Zoom refuses a join that carries both."));
            return;
        }
        // OBF and join tokens are single-use and meeting-bound: their URLs learn the meeting and the bot.
        Map<String, String> meeting =
                Map.of("meeting_id", bot.meetingNumber(), "bot_id", bot.id().toString());
        Secret zak = null;
        Secret obfToken = null;
        Secret recordingToken = null;
        try {
            if (credentials.zakUrl() != null) {
                zak = fetch("zak", credentials.zakUrl(), Map.of(), "zoom_zak_fetch_failed", "a ZAK from zak_url");
            }
            if (credentials.obfTokenUrl() != null) {
                obfToken = fetch(
                        "obf",
                        credentials.obfTokenUrl(),
                        meeting,
                        "zoom_obf_token_fetch_failed",
                        "an OBF token from obf_token_url");
            }
            if (credentials.joinTokenUrl() != null) {
                recordingToken = fetch(
                        "join_token",
                        credentials.joinTokenUrl(),
                        meeting,
                        "zoom_join_token_fetch_failed",
                        "a join token from join_token_url");
            }
        } catch (TokenUnavailable unavailable) {
            pending.add(unavailable.event);
            return;
        }
        JoinRequest request = new JoinRequest(
                bot.meetingNumber(),
                bot.meetingPassword(),
                bot.tk(),
                bot.botName(),
                role,
                zak,
                obfToken,
                recordingToken,
                credentials.userEmail(),
                deps.signer().sign(bot.meetingNumber(), role),
                deps.sdkKey());
        session = deps.driver().join(request);
    }

    /**
     * Fetches one token for this attempt; {@code null} when a {@code join_token_url} answers 404 ("no token").
     *
     * @throws TokenUnavailable when the fetch failed: the bot ends {@code fatal} / {@code subCode}
     */
    private @Nullable Secret fetch(String kind, Secret url, Map<String, String> appended, String subCode, String what)
            throws TokenUnavailable {
        TokenResult fetched = deps.tokens().fetch(url, appended);
        deps.metrics().token(kind, fetched);
        return switch (fetched) {
            case TokenResult.Fetched f -> f.token();
            case TokenResult.Failed failed
            when kind.equals("join_token") && failed.kind() == TokenResult.FailureKind.NOT_FOUND -> null;
            case TokenResult.Failed failed ->
                throw new TokenUnavailable(
                        new BotEvent.TokenFailed(subCode, "Could not fetch " + what + ": " + failed.reason()));
        };
    }

    /** A token fetch failed; carries the event that ends the bot. */
    private static final class TokenUnavailable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient BotEvent.TokenFailed event;

        TokenUnavailable(BotEvent.TokenFailed event) {
            super(event.reason(), null, false, false);
            this.event = event;
        }
    }

    private void closeSession() {
        MeetingSession current = session;
        session = null;
        if (current != null) {
            try (current) {
                current.leave();
            } catch (RuntimeException e) {
                log.warn("bot {} could not leave its meeting cleanly: {}", bot.id(), e.toString());
            }
        }
    }
}
