package dev.signet.platform.runtime;

import dev.signet.platform.driver.DriverEvent;
import dev.signet.platform.driver.JoinRequest;
import dev.signet.platform.driver.MeetingDriver;
import dev.signet.platform.driver.MeetingSession;
import dev.signet.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A meeting driver that plays back one script per join attempt: events, and clock moves that make the session's
 * wait end empty (as a real session's would when the deadline passes). A session whose script is used up blocks
 * until a test {@link ScriptedSession#push pushes} more or the runner is interrupted.
 */
final class ScriptedDriver implements MeetingDriver {
    /** One step of a session script. */
    sealed interface Step {}

    record Emit(DriverEvent event) implements Step {}

    record Advance(Duration by) implements Step {}

    private final MutableClock clock;
    private final Deque<List<Step>> scripts = new ArrayDeque<>();
    private final java.util.Map<String, Deque<List<Step>>> byName = new java.util.HashMap<>();
    private Supplier<List<Step>> fallback = List::of;
    final List<JoinRequest> requests = new CopyOnWriteArrayList<>();
    final List<ScriptedSession> sessions = new CopyOnWriteArrayList<>();

    ScriptedDriver(MutableClock clock) {
        this.clock = clock;
    }

    /** Adds the script of the next join attempt. */
    synchronized ScriptedDriver then(Step... steps) {
        scripts.add(List.of(steps));
        return this;
    }

    /** Adds the script of the next join attempt of the bot named {@code displayName}. */
    synchronized ScriptedDriver thenFor(String displayName, Step... steps) {
        byName.computeIfAbsent(displayName, name -> new ArrayDeque<>()).add(List.of(steps));
        return this;
    }

    /** The script of every attempt after the scripted ones. */
    synchronized ScriptedDriver otherwise(Step... steps) {
        List<Step> script = List.of(steps);
        fallback = () -> script;
        return this;
    }

    static Step emit(DriverEvent event) {
        return new Emit(event);
    }

    static Step advance(Duration by) {
        return new Advance(by);
    }

    @Override
    public synchronized MeetingSession join(JoinRequest request) {
        requests.add(request);
        Deque<List<Step>> named = byName.get(request.displayName());
        List<Step> script =
                named != null && !named.isEmpty() ? named.poll() : scripts.isEmpty() ? fallback.get() : scripts.poll();
        ScriptedSession session = new ScriptedSession(clock, script);
        sessions.add(session);
        return session;
    }

    List<Integer> roles() {
        return requests.stream().map(JoinRequest::role).toList();
    }

    /** One scripted attempt. */
    static final class ScriptedSession implements MeetingSession {
        private final MutableClock clock;
        private final LinkedBlockingQueue<Step> steps;
        volatile boolean left;
        volatile boolean closed;

        ScriptedSession(MutableClock clock, List<Step> script) {
            this.clock = clock;
            this.steps = new LinkedBlockingQueue<>(script);
        }

        void push(DriverEvent event) {
            steps.add(new Emit(event));
        }

        @Override
        public Optional<DriverEvent> next(Duration timeout) throws InterruptedException {
            Step step = steps.poll(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return switch (step) {
                case null -> Optional.empty();
                case Emit emit -> Optional.of(emit.event());
                case Advance advance -> {
                    clock.advance(advance.by());
                    yield Optional.empty();
                }
            };
        }

        @Override
        public void leave() {
            left = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
