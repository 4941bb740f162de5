package io.hvcluster.inventory.check;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Microsoft's rules for computer names (nodes and the cluster name object): a NetBIOS name of 1-15 characters,
 * letters, digits and hyphens only, so it is also a valid DNS host label.
 */
public final class ComputerName {

    public static final int MAX_LENGTH = 15;

    // Reserved words from Microsoft's "Naming conventions in Active Directory" (single words only: spaces are
    // refused anyway). Windows setup and AD refuse these as computer names.
    private static final Set<String> RESERVED = Set.of("ANONYMOUS", "BATCH", "BUILTIN", "DIALUP", "DOMAIN",
            "ENTERPRISE", "INTERACTIVE", "INTERNET", "LOCAL", "NETWORK", "NULL", "PROXY", "RESTRICTED", "SELF",
            "SERVER", "SERVICE", "SYSTEM", "USERS", "WORLD");

    private ComputerName() {
    }

    /** Why {@code name} is not a valid computer name, or empty when it is. */
    public static Optional<String> problemWith(String name) {
        if (name.isEmpty()) {
            return Optional.of("must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAllowed(c)) {
                String shown = c == ' ' ? "a space" : "'" + c + "'";
                String hint = c == '.' ? " (give the short name, not the FQDN)" : "";
                return Optional.of("'" + ShownText.value(name) + "' contains " + shown
                        + "; a computer name allows only letters, digits and hyphens" + hint);
            }
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("'" + ShownText.value(name) + "' has " + name.length() + " characters; a computer name has at most "
                    + MAX_LENGTH + " (NetBIOS limit)");
        }
        if (name.chars().allMatch(Character::isDigit)) {
            return Optional.of("'" + ShownText.value(name) + "' is all digits; Windows refuses a computer name made only of digits");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            return Optional.of("'" + ShownText.value(name) + "' starts or ends with a hyphen, which DNS refuses");
        }
        if (RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
            return Optional.of("'" + ShownText.value(name) + "' is a reserved word in Windows and cannot be a computer name");
        }
        return Optional.empty();
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }
}
