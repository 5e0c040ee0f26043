package dev.signet.emulator.users;

/** Zoom's {@code GET /v2/users/{userId}} answer (the fields the emulator knows). */
record UserView(
        String id,
        String firstName,
        String lastName,
        String displayName,
        String email,
        int type,
        String roleName,
        String timezone,
        int verified,
        String picUrl,
        String language,
        String status,
        String accountId) {}
