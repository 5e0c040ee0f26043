package dev.signet.emulator;

import dev.signet.emulator.faults.Pause;
import dev.signet.emulator.seed.Seed;
import java.time.Clock;
import java.time.Duration;

/**
 * How to run the emulator.
 *
 * @param host the address to listen on (loopback by default)
 * @param port the port; 0 picks a free one
 * @param seed the data to start with
 * @param clock the emulator's time (token expiry, signatures, rate-limit windows)
 * @param webBase the origin of the join and start URLs Zoom answers with, e.g. {@code https://zoom.us}
 * @param pingInterval how often an idle event stream sends a {@code : ping} comment
 * @param pause how added latency waits
 * @param disconnectGrace how long a participant whose event stream's client went away (noticed at the next write,
 *     so within one {@code pingInterval}) may take to reconnect before it leaves the meeting, measured on {@code
 *     clock}
 */
public record EmulatorConfig(
        String host,
        int port,
        Seed seed,
        Clock clock,
        String webBase,
        Duration pingInterval,
        Pause pause,
        Duration disconnectGrace) {
    /** The default {@link #disconnectGrace()}: 20 s. */
    public static final Duration DEFAULT_DISCONNECT_GRACE = Duration.ofSeconds(20);

    public EmulatorConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("pingInterval must be positive");
        }
        if (disconnectGrace.isNegative()) {
            throw new IllegalArgumentException("disconnectGrace must not be negative");
        }
    }

    /**
     * Loopback, a free port, join URLs on {@code https://zoom.us}, a ping every 15 s, real latency, a participant
     * whose client went away leaves after 20 s.
     */
    public static EmulatorConfig of(Seed seed, Clock clock) {
        return new EmulatorConfig(
                "127.0.0.1",
                0,
                seed,
                clock,
                "https://zoom.us",
                Duration.ofSeconds(15),
                Pause.real(),
                DEFAULT_DISCONNECT_GRACE);
    }

    public EmulatorConfig withPort(int newPort) {
        return new EmulatorConfig(host, newPort, seed, clock, webBase, pingInterval, pause, disconnectGrace);
    }

    public EmulatorConfig withHost(String newHost) {
        return new EmulatorConfig(newHost, port, seed, clock, webBase, pingInterval, pause, disconnectGrace);
    }

    public EmulatorConfig withWebBase(String newWebBase) {
        return new EmulatorConfig(host, port, seed, clock, newWebBase, pingInterval, pause, disconnectGrace);
    }

    public EmulatorConfig withPingInterval(Duration newPingInterval) {
        return new EmulatorConfig(host, port, seed, clock, webBase, newPingInterval, pause, disconnectGrace);
    }

    public EmulatorConfig withPause(Pause newPause) {
        return new EmulatorConfig(host, port, seed, clock, webBase, pingInterval, newPause, disconnectGrace);
    }

    public EmulatorConfig withDisconnectGrace(Duration newDisconnectGrace) {
        return new EmulatorConfig(host, port, seed, clock, webBase, pingInterval, pause, newDisconnectGrace);
    }
}
