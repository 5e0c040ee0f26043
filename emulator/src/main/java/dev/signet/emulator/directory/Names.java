package dev.signet.emulator.directory;

/** Checks for required text fields of directory records. */
final class Names {
    private Names() {}

    static void require(String field, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
