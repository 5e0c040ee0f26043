package dev.signet.platform.runtime;

import java.util.List;
import java.util.UUID;

/** A one-node {@link Cluster} in memory: its lease never ends; leaving hands every bot of the store back. */
final class SoloCluster implements Cluster {
    private final InMemoryBotStore store;

    SoloCluster(InMemoryBotStore store) {
        this.store = store;
    }

    @Override
    public String nodeId() {
        return "solo";
    }

    @Override
    public void join(int capacity) {
        store.releaseAll();
    }

    @Override
    public boolean heartbeat(int active, int capacity, boolean draining) {
        return true;
    }

    @Override
    public List<String> reapExpired() {
        return List.of();
    }

    @Override
    public long freeCapacity() {
        return 0;
    }

    @Override
    public boolean sendLeave(UUID botId) {
        return false; // one node: a bot it does not run is held by nobody
    }

    @Override
    public List<UUID> takeLeaveCommands() {
        return List.of();
    }

    @Override
    public void leave() {
        store.releaseAll();
    }
}
