package dev.signet.broker.zak;

/** Whether Zoom answers, as the last mint saw it; {@code /readyz} reports it. */
public final class ZoomHealth {
    private volatile boolean answering;
    private volatile String detail = "zoom has not answered yet";

    /** Whether the last call that reached a conclusion found Zoom answering. */
    public boolean answering() {
        return answering;
    }

    /** A short, secret-free explanation of the state. */
    public String detail() {
        return detail;
    }

    void answered() {
        answering = true;
        detail = "zoom answers";
    }

    void failing(String reason) {
        answering = false;
        detail = reason;
    }
}
