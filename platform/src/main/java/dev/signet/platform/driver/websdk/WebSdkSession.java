package dev.signet.platform.driver.websdk;

import dev.signet.platform.driver.DriverEvent;
import dev.signet.platform.driver.DriverFailure;
import dev.signet.platform.driver.JoinRequest;
import dev.signet.platform.driver.MeetingSession;
import dev.signet.platform.time.Pause;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One join attempt in its own headless Chromium. Everything happens on the thread that calls {@link #next}: the
 * first call starts the browser, loads the page, waits for the SDK and calls {@code init} and {@code join}; later
 * calls drain the page's event queue. The join watchdog runs on the injected clock from the {@code join} call.
 */
final class WebSdkSession implements MeetingSession {
    private static final Logger log = LoggerFactory.getLogger(WebSdkSession.class);

    private static final String WHEN_LOADED = "signetBridge.whenLoaded(arguments[arguments.length - 1]);";
    private static final String START = "signetBridge.start(arguments[0], arguments[arguments.length - 1]);";
    private static final String DRAIN = "return signetBridge.drain();";
    private static final String LEAVE = "signetBridge.leave(arguments[arguments.length - 1]);";

    private final JoinRequest request;
    private final WebSdkSettings settings;
    private final Browsers browsers;
    private final URI page;
    private final String libUrl;
    private final Clock clock;
    private final Pause pause;
    private final PageEvents translator = new PageEvents();
    private final ArrayDeque<DriverEvent> pending = new ArrayDeque<>();
    private @Nullable Browser browser;
    private @Nullable Instant joinDeadline;
    private boolean started;
    private boolean done;

    WebSdkSession(JoinRequest request, WebSdkSettings settings, Browsers browsers, URI page, Clock clock, Pause pause) {
        this.request = request;
        this.settings = settings;
        this.browsers = browsers;
        this.page = page;
        this.libUrl = settings.sdk().libUrl();
        this.clock = clock;
        this.pause = pause;
    }

    @Override
    public synchronized Optional<DriverEvent> next(Duration timeout) throws InterruptedException {
        if (!started) {
            started = true;
            start();
        }
        Instant end = clock.instant().plus(timeout);
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the meeting");
            }
            DriverEvent event = pending.poll();
            if (event != null) {
                return Optional.of(event);
            }
            if (done) {
                return Optional.empty();
            }
            poll();
            if (!pending.isEmpty()) {
                continue;
            }
            Duration left = Duration.between(clock.instant(), end);
            if (!left.isPositive()) {
                return Optional.empty();
            }
            pause.pause(left.compareTo(settings.pollInterval()) < 0 ? left : settings.pollInterval());
        }
    }

    private void start() throws InterruptedException {
        Browser started;
        try {
            started = browsers.start();
        } catch (RuntimeException e) {
            rethrowInterrupt(e);
            fail(DriverFailure.CRASHED, "Chromium did not start: " + firstLine(e));
            return;
        }
        browser = started;
        ChromeDriver driver = started.driver();
        try {
            driver.get(page.toString());
            Object loaded = driver.executeAsyncScript(WHEN_LOADED);
            if (!(loaded instanceof Map<?, ?> status) || !Boolean.TRUE.equals(status.get("loaded"))) {
                fail(
                        DriverFailure.SDK_LOAD_FAILED,
                        "the page did not get ZoomMtg from " + settings.sdk().scriptUrl() + failedScripts(loaded));
                return;
            }
            // The watchdog covers init too: init waits on Zoom's servers, and a silent one must not hang the bot.
            joinDeadline = clock.instant().plus(settings.joinWatchdog());
            driver.manage().timeouts().scriptTimeout(settings.joinWatchdog());
            Object init = driver.executeAsyncScript(START, startArguments());
            driver.manage().timeouts().scriptTimeout(settings.sdkLoadTimeout());
            if (init instanceof Map<?, ?> answer && !Boolean.TRUE.equals(answer.get("ok"))) {
                log.info("Meeting SDK init failed with code {}", answer.get("code"));
            }
        } catch (RuntimeException e) {
            rethrowInterrupt(e);
            if (joinDeadline == null) {
                fail(DriverFailure.SDK_LOAD_FAILED, "the join page did not load the Meeting SDK: " + firstLine(e));
            } else if (e instanceof ScriptTimeoutException) {
                fail(
                        DriverFailure.JOIN_TIMEOUT,
                        "the Meeting SDK's init did not call back within "
                                + settings.joinWatchdog().toSeconds() + " s");
            } else {
                fail(DriverFailure.CRASHED, "the browser failed during the join: " + firstLine(e));
            }
        }
    }

    /** The credentials reach the page only here, as a WebDriver script argument, never in a URL. */
    private Map<String, Object> startArguments() {
        Map<String, Object> args = new HashMap<>();
        args.put("libUrl", libUrl);
        args.put("meetingNumber", request.meetingNumber());
        args.put("userName", request.displayName());
        args.put("signature", request.sdkSignature().reveal());
        args.put("passWord", request.password() == null ? "" : request.password());
        if (request.tk() != null) {
            args.put("tk", request.tk());
        }
        if (request.zak() != null) {
            args.put("zak", request.zak().reveal());
        }
        if (request.obfToken() != null) {
            args.put("obfToken", request.obfToken().reveal());
        }
        if (request.recordingToken() != null) {
            args.put("recordingToken", request.recordingToken().reveal());
        }
        if (request.userEmail() != null) {
            args.put("userEmail", request.userEmail());
        }
        return args;
    }

    private void poll() throws InterruptedException {
        Browser current = browser;
        if (current == null || done) {
            return;
        }
        try {
            Object drained = current.driver().executeScript(DRAIN);
            if (drained instanceof List<?> events) {
                for (Object event : events) {
                    if (event instanceof Map<?, ?> map) {
                        pending.addAll(translator.translate(map));
                    }
                }
            }
        } catch (RuntimeException e) {
            rethrowInterrupt(e);
            if (!current.isQuit()) {
                fail(DriverFailure.CRASHED, "the browser stopped answering: " + firstLine(e));
            }
            return;
        }
        if (translator.finished()) {
            finish();
        } else if (!translator.answered()
                && joinDeadline != null
                && !clock.instant().isBefore(joinDeadline)) {
            fail(
                    DriverFailure.JOIN_TIMEOUT,
                    "no answer to the join within " + settings.joinWatchdog().toSeconds() + " s");
        }
    }

    /** A WebDriver call cut short by an interrupt is the runtime asking the bot to leave, not a crash. */
    private void rethrowInterrupt(RuntimeException e) throws InterruptedException {
        boolean cause = false;
        for (Throwable t = e; t != null && !cause; t = t.getCause()) {
            cause = t instanceof InterruptedException;
        }
        if (cause || Thread.interrupted()) {
            InterruptedException interrupted = new InterruptedException("interrupted during a WebDriver call");
            interrupted.addSuppressed(e);
            throw interrupted;
        }
    }

    private void fail(DriverFailure failure, String reason) {
        pending.add(new DriverEvent.DriverFailed(failure, reason));
        finish();
    }

    private void finish() {
        done = true;
        Browser current = browser;
        if (current != null) {
            current.quit();
        }
    }

    @Override
    public synchronized void leave() {
        boolean interrupted = Thread.interrupted();
        try {
            Browser current = browser;
            if (current != null && !current.isQuit() && !done) {
                translator.leaving();
                try {
                    current.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(5));
                    current.driver().executeAsyncScript(LEAVE);
                } catch (RuntimeException e) {
                    log.info("leaving the meeting failed: {}", firstLine(e));
                }
            }
            done = true;
            if (current != null) {
                current.quit();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        leave();
    }

    private static String failedScripts(@Nullable Object status) {
        if (status instanceof Map<?, ?> map
                && map.get("failedScripts") instanceof List<?> failed
                && !failed.isEmpty()) {
            return " (failed to load: "
                    + String.join(", ", failed.stream().map(String::valueOf).toList()) + ")";
        }
        return "";
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return e.getClass().getSimpleName() + ": " + (line.length() > 200 ? line.substring(0, 200) : line);
    }
}
