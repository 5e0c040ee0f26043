package dev.signet.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code signet demo --exit}, the README's first command, tells its four stories with the outcomes it promises. */
@Timeout(180)
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demo_tellsEveryStory_andFinishes() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("demo", "--exit", "--data", dir.toString());

        String text = out.toString();
        assertThat(exit).as(text + err).isZero();
        assertThat(text)
                .contains("-> fatal / meeting_requires_sign_in")
                .contains("signed in as notetaker@acme.example")
                .contains("started by the bot, as host")
                .contains("in_waiting_room / waiting_for_authorized_user")
                .contains("on behalf of a present user (OBF)")
                .contains("call_ended / authorized_user_left")
                .contains("webhook bot.call_ended / authorized_user_left (signature verified)")
                .contains("demo finished");
        // Each section in order: the OBF story comes after the three ZAK stories.
        assertThat(text.indexOf("== 4.")).isGreaterThan(text.indexOf("== 3."));
        assertThat(text).doesNotContain("Exception");
    }
}
