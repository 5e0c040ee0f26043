package dev.signet.broker.zak;

/** What a ZAK looks like (CONTRACTS.md §3): printable ASCII without whitespace, 1 to 512 characters. */
final class ZakFormat {
    static final int MAX_LENGTH = 512;

    private ZakFormat() {}

    static boolean isZak(String value) {
        return !value.isEmpty() && value.length() <= MAX_LENGTH && value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }
}
