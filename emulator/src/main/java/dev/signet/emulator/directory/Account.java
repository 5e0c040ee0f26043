package dev.signet.emulator.directory;

/** A Zoom account: its id, name, plan and whether an administrator blocked it. */
public record Account(String id, String name, Plan plan, boolean blocked) {
    public Account {
        Names.require("account id", id);
        Names.require("account name", name);
    }

    public Account withPlan(Plan newPlan) {
        return new Account(id, name, newPlan, blocked);
    }

    public Account withBlocked(boolean isBlocked) {
        return new Account(id, name, plan, isBlocked);
    }
}
