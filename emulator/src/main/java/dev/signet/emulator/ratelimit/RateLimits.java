package dev.signet.emulator.ratelimit;

import dev.signet.emulator.directory.Plan;
import java.util.OptionalInt;

/** Zoom's published limits per plan and category (CONTRACTS.md §4). */
final class RateLimits {
    private RateLimits() {}

    /** Requests per second. */
    static int perSecond(Plan plan, Category category) {
        int[] byPlan = switch (category) {
            case LIGHT -> new int[] {4, 30, 80};
            case MEDIUM -> new int[] {2, 20, 60};
            case HEAVY -> new int[] {1, 10, 40};
            case RESOURCE_INTENSIVE -> new int[] {1, 10, 20};
        };
        return switch (plan) {
            case FREE -> byPlan[0];
            case PRO -> byPlan[1];
            case BUSINESS -> byPlan[2];
        };
    }

    /** The daily pool a call draws from, if its plan caps the category per day. */
    static OptionalInt daily(Plan plan, Category category) {
        return switch (plan) {
            case FREE ->
                OptionalInt.of(
                        switch (category) {
                            case LIGHT -> 6_000;
                            case MEDIUM -> 2_000;
                            case HEAVY -> 1_000;
                            case RESOURCE_INTENSIVE -> 30_000;
                        });
            case PRO -> heavyShared(category, 30_000);
            case BUSINESS -> heavyShared(category, 60_000);
        };
    }

    /** The key of the daily pool: Heavy and Resource-intensive share one on paid plans. */
    static String dailyPool(Plan plan, Category category) {
        return plan != Plan.FREE && category == Category.RESOURCE_INTENSIVE ? Category.HEAVY.name() : category.name();
    }

    private static OptionalInt heavyShared(Category category, int cap) {
        return category == Category.HEAVY || category == Category.RESOURCE_INTENSIVE
                ? OptionalInt.of(cap)
                : OptionalInt.empty();
    }
}
