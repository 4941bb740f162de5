package io.hvcluster.inventory.check;

import java.util.Optional;
import java.util.regex.Pattern;

/** DNS names: the AD domain (always fully qualified) and host addresses (short or fully qualified). */
public final class DomainName {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final int MAX_LENGTH = 253;

    private DomainName() {
    }

    /** True for "hv01" and "hv01.corp.example.com": labels of letters, digits and inner hyphens. */
    public static boolean isHostName(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Why {@code name} is not a fully qualified domain name, or empty when it is. */
    public static Optional<String> fqdnProblem(String name) {
        if (!isHostName(name) || !name.contains(".")) {
            return Optional.of("'" + ShownText.value(name) + "' is not a fully qualified domain name; expected labels of letters, "
                    + "digits and hyphens with at least one dot, like corp.example.com");
        }
        if (name.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return Optional.of("'" + ShownText.value(name) + "' is an IP address; expected the AD domain name, like corp.example.com");
        }
        return Optional.empty();
    }
}
