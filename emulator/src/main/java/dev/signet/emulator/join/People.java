package dev.signet.emulator.join;

import dev.signet.emulator.directory.User;
import dev.signet.emulator.http.Links;
import dev.signet.emulator.meetings.Identity;
import dev.signet.emulator.secret.RandomTokens;

/** Makes participant ids and the identity a signed-in participant is shown with. */
public final class People {
    private final RandomTokens random;
    private final Links links;

    public People(RandomTokens random, Links links) {
        this.random = random;
        this.links = links;
    }

    String newParticipantId() {
        return random.token("p_", 12);
    }

    /** The user as other participants see them: email and avatar (their {@code pic_url} or a generated one). */
    Identity identity(User user) {
        String avatar = user.picUrl() != null ? user.picUrl() : links.avatar(user.id());
        return new Identity(user.id(), user.email(), avatar);
    }
}
