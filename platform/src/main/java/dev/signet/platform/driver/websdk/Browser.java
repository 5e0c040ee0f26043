package dev.signet.platform.driver.websdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bot's headless Chromium: its WebDriver session, chromedriver service and throw-away profile.
 *
 * <p>{@link #quit()} is idempotent and thorough: it ends the WebDriver session, stops chromedriver, kills any process
 * still using the profile (and its children), and deletes the profile.
 */
final class Browser {
    private static final Logger log = LoggerFactory.getLogger(Browser.class);

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final Consumer<Browser> onQuit;
    private final AtomicBoolean quit = new AtomicBoolean();

    Browser(ChromeDriver driver, ChromeDriverService service, Path profile, Consumer<Browser> onQuit) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.service = Objects.requireNonNull(service, "service");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.onQuit = Objects.requireNonNull(onQuit, "onQuit");
    }

    ChromeDriver driver() {
        return driver;
    }

    boolean isQuit() {
        return quit.get();
    }

    /**
     * Ends the browser and everything it started, and deletes the profile. Runs to the end even on an interrupted
     * thread (the runtime interrupts a bot's thread to make it leave): the flag is cleared meanwhile and restored.
     */
    void quit() {
        if (!quit.compareAndSet(false, true)) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            try {
                driver.quit();
            } catch (RuntimeException e) {
                log.warn(
                        "WebDriver quit failed ({}); killing the browser",
                        e.getClass().getSimpleName());
            }
            try {
                service.stop();
            } catch (RuntimeException e) {
                log.warn("chromedriver did not stop cleanly ({})", e.getClass().getSimpleName());
            }
            killLeftovers();
            deleteTree(profile);
        } catch (UncheckedIOException e) {
            log.warn("could not delete the browser profile {}: {}", profile, e.getMessage());
        } finally {
            onQuit.accept(this);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void killLeftovers() {
        killProcessesUsing(profile);
    }

    /**
     * Kills, with their descendants, the processes whose command line has exactly {@code --user-data-dir=<profile>},
     * and the chromedriver that started each (its parent, when that is a {@code chromedriver} executable); how many
     * processes named the profile.
     */
    static int killProcessesUsing(Path profile) {
        String flag = "--user-data-dir=" + profile;
        List<ProcessHandle> using = ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().arguments().map(a -> List.of(a).contains(flag)).orElse(false))
                .toList();
        using.forEach(p -> {
            var driver = p.parent().filter(Browser::isChromedriver);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            driver.ifPresent(ProcessHandle::destroyForcibly);
        });
        return using.size();
    }

    private static boolean isChromedriver(ProcessHandle process) {
        return process.info()
                .command()
                .map(c -> Path.of(c).getFileName().toString().equals("chromedriver"))
                .orElse(false);
    }

    /** Deletes a profile folder and everything in it. */
    static void deleteTree(Path profile) {
        if (!Files.exists(profile)) {
            return;
        }
        try {
            Files.walkFileTree(profile, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete browser profile " + profile, e);
        }
    }
}
