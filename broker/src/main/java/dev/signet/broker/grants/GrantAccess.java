package dev.signet.broker.grants;

import dev.signet.secrets.Secret;

/** What a user's grant can do right now. */
public sealed interface GrantAccess {
    /** A valid access token of the user (refreshed first if it was due). */
    record Ready(Grant grant, Secret accessToken) implements GrantAccess {}

    /** The user never connected (or was disconnected by an operator or by Zoom's deauthorization event). */
    record NotConnected() implements GrantAccess {}

    /** Zoom refused the grant; the user must connect again. */
    record Disconnected(Grant grant) implements GrantAccess {}
}
