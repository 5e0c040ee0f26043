package dev.signet.emulator.meetings;

/** The Zoom user a participant is signed in as: shown with the user's avatar and email. */
public record Identity(String userId, String email, String avatarUrl) {}
