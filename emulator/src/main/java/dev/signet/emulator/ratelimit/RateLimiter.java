package dev.signet.emulator.ratelimit;

import dev.signet.emulator.directory.Plan;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/** Counts calls per account and category, per second and per UTC day, against the account's plan. */
public final class RateLimiter {
    private record Window(long period, int count) {}

    private final Map<String, Window> seconds = new HashMap<>();
    private final Map<String, Window> days = new HashMap<>();
    private final Clock clock;

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Counts one call, or refuses it when a limit is reached (refused calls are not counted). */
    public synchronized Decision acquire(String accountId, Plan plan, Category category) {
        Instant now = clock.instant();
        long second = now.getEpochSecond();
        long day = LocalDate.ofInstant(now, ZoneOffset.UTC).toEpochDay();
        String secondKey = accountId + "/" + category;
        String dayKey = accountId + "/" + RateLimits.dailyPool(plan, category);
        int perSecond = RateLimits.perSecond(plan, category);
        OptionalInt daily = RateLimits.daily(plan, category);
        int usedThisSecond = used(seconds, secondKey, second);
        int usedToday = used(days, dayKey, day);
        if (daily.isPresent() && usedToday >= daily.getAsInt()) {
            String tomorrow = LocalDate.ofEpochDay(day + 1)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC)
                    .toString();
            return new Decision.Limited(
                    category,
                    "Daily-limit",
                    daily.getAsInt(),
                    0,
                    tomorrow,
                    "You have exceeded the daily rate limit of (" + daily.getAsInt() + ") for " + category.wire()
                            + " API requests permitted for this particular account. Try again later.");
        }
        if (usedThisSecond >= perSecond) {
            return new Decision.Limited(
                    category,
                    "QPS",
                    perSecond,
                    0,
                    "1",
                    "You have reached the maximum per-second rate limit for this API. Try again later.");
        }
        seconds.put(secondKey, new Window(second, usedThisSecond + 1));
        days.put(dayKey, new Window(day, usedToday + 1));
        return new Decision.Allowed();
    }

    private static int used(Map<String, Window> windows, String key, long period) {
        Window window = windows.get(key);
        return window == null || window.period() != period ? 0 : window.count();
    }
}
