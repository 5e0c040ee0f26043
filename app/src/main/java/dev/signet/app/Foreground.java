package dev.signet.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Runs one deployable in the foreground, the same way for every subcommand: read its settings (a bad one is one line
 * and exit status 2), start it (a failure is one line and status 1), announce it, then serve until SIGTERM or Ctrl+C,
 * when it is closed in an orderly way.
 */
final class Foreground {
    private Foreground() {}

    /** A deployable that can be started once its settings are read. */
    interface Starter<S extends AutoCloseable> {
        /** Starts the deployable; throws {@link IllegalStateException} or another runtime exception if it cannot. */
        S start() throws Exception;
    }

    /**
     * Reads the settings with {@code configure} (which throws {@link IllegalArgumentException} naming a bad setting),
     * then starts, announces and serves.
     */
    static <S extends AutoCloseable> int run(
            String name, PrintWriter out, PrintWriter err, Callable<Starter<S>> configure, Consumer<S> announce)
            throws InterruptedException {
        Starter<S> starter;
        try {
            starter = configure.call();
        } catch (Exception e) {
            err.println("signet " + name + ": " + e.getMessage());
            err.flush();
            return 2;
        }
        S running;
        try {
            running = starter.start();
        } catch (Exception e) {
            err.println("signet " + name + ": could not start: " + e.getMessage());
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                running.close();
                            } catch (Exception e) {
                                err.println("signet " + name + ": error while stopping: " + e.getMessage());
                                err.flush();
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "signet-" + name + "-stop"));
        announce.accept(running);
        out.flush();
        stopped.await();
        return 0;
    }
}
