package dev.signet.platform.driver;

/** Why a driver gave up on a join by itself, without an answer from Zoom (CONTRACTS.md §6). */
public enum DriverFailure {
    /** The browser driver's page never loaded the Meeting SDK ({@code zoom_sdk_load_failed}). */
    SDK_LOAD_FAILED,
    /** The driver's own join watchdog fired: the SDK never called back ({@code zoom_join_timeout}). */
    JOIN_TIMEOUT,
    /** The driver's browser or session died ({@code bot_errored}). */
    CRASHED
}
