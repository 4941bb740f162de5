package io.hvcluster.inventory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A MAC address in the form Get-NetAdapter reports it: upper case, dash separated ("00-15-5D-0A-01-02").
 * Accepts colon, dash or no separators on input.
 */
public record MacAddress(String value) {

    private static final Pattern WINDOWS_FORM = Pattern.compile("([0-9A-F]{2}-){5}[0-9A-F]{2}");
    private static final Pattern ANY_FORM =
            Pattern.compile("[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{12}");

    public MacAddress {
        if (!WINDOWS_FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a normalized MAC address: " + value);
        }
    }

    public static Optional<MacAddress> parse(String text) {
        if (text == null || !ANY_FORM.matcher(text).matches()) {
            return Optional.empty();
        }
        // Mixed separators ("00:15-5D...") are refused: almost always a copy-paste slip.
        if (text.contains(":") && text.contains("-")) {
            return Optional.empty();
        }
        String hex = text.replace(":", "").replace("-", "").toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append('-');
            }
            sb.append(hex, i, i + 2);
        }
        return Optional.of(new MacAddress(sb.toString()));
    }

    @Override
    public String toString() {
        return value;
    }
}
