package dev.signet.emulator.meetings;

import dev.signet.emulator.directory.Plan;

/** How many participants a meeting holds by default on each plan. */
public final class Capacity {
    private Capacity() {}

    public static int of(Plan plan) {
        return switch (plan) {
            case FREE, PRO -> 100;
            case BUSINESS -> 300;
        };
    }
}
