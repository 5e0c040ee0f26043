package dev.signet.app.e2e;

import dev.signet.emulator.seed.DemoSeed;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Outcomes that depend on the platform's Meeting SDK app: an unpublished app, a wrong SDK secret. */
@Timeout(120)
class SdkAppOutcomesEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void unpublishedSdkApp_joiningAnotherAccountsMeeting_endsZoomSdkAppNotPublished() {
        E2eStack.Options options = E2eStack.Options.standard()
                .platform("SIGNET_ZOOM_SDK_KEY", DemoSeed.ACME_UNPUBLISHED_SDK_KEY)
                .platform("SIGNET_ZOOM_SDK_SECRET", DemoSeed.ACME_UNPUBLISHED_SDK_SECRET);
        try (E2eStack stack = new E2eStack(dir, options)) {
            stack.zoom.start(DemoSeed.GLOBEX_MEETING);
            String bot = stack.api.createBot(
                    "https://zoom.us/j/" + DemoSeed.GLOBEX_MEETING + "?pwd=" + DemoSeed.GLOBEX_MEETING_PASSCODE,
                    "Cross Account",
                    null);

            stack.api.awaitFatal(bot, "zoom_sdk_app_not_published");
        }
    }

    @Test
    void wrongSdkSecret_endsZoomInvalidSignature() {
        E2eStack.Options options =
                E2eStack.Options.standard().platform("SIGNET_ZOOM_SDK_SECRET", "not-the-secret-0123456789abcdef");
        try (E2eStack stack = new E2eStack(dir, options)) {
            Zoom.Meeting meeting = stack.zoom.started();
            String bot = stack.api.createBot(meeting.joinUrl(), "Bad Signature", null);

            stack.api.awaitFatal(bot, "zoom_invalid_signature");
        }
    }
}
