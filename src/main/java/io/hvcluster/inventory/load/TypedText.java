package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.ShownText;
import io.hvcluster.inventory.Ipv4;
import io.hvcluster.inventory.MacAddress;
import io.hvcluster.inventory.Subnet;
import io.hvcluster.inventory.check.KeySuggestion;
import io.hvcluster.inventory.check.Problems;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Text fields with a format: IPv4 addresses, subnets, MAC addresses and enumerations. */
final class TypedText {

    private static final Pattern DOTTED_DIGITS = Pattern.compile("[0-9]+(\\.[0-9]+){3}");
    private static final Pattern LEADING_ZERO = Pattern.compile("(^|\\.)0[0-9]");

    private TypedText() {
    }

    static Located<Ipv4> ipv4(Located<String> text, Problems problems) {
        if (text == null) {
            return null;
        }
        Optional<Ipv4> ip = Ipv4.parse(text.value());
        if (ip.isPresent()) {
            return text.with(ip.get());
        }
        problems.add(text.error(ipv4Problem(text.value())));
        return null;
    }

    static String ipv4Problem(String value) {
        if (DOTTED_DIGITS.matcher(value).matches() && LEADING_ZERO.matcher(value).find()) {
            return "'" + ShownText.value(value) + "' is not an IPv4 address: leading zeros are refused (some Windows tools read them "
                    + "as octal)";
        }
        return "'" + ShownText.value(value) + "' is not an IPv4 address; expected four numbers 0-255, like 10.0.0.11";
    }

    static Located<Subnet> subnet(Located<String> text, Problems problems) {
        if (text == null) {
            return null;
        }
        Optional<Subnet.Cidr> cidr = Subnet.parseLenient(text.value());
        if (cidr.isEmpty()) {
            problems.add(text.error("'" + ShownText.value(text.value()) + "' is not a subnet; expected CIDR form, like 10.0.0.0/24"));
            return null;
        }
        if (!cidr.get().hostBitsZero()) {
            problems.add(text.error("'" + ShownText.value(text.value()) + "' has host bits set; did you mean "
                    + cidr.get().normalized() + "?"));
            return null;
        }
        return text.with(cidr.get().normalized());
    }

    static Located<MacAddress> mac(Located<String> text, Problems problems) {
        if (text == null) {
            return null;
        }
        Optional<MacAddress> mac = MacAddress.parse(text.value());
        if (mac.isEmpty()) {
            problems.add(text.error("'" + ShownText.value(text.value()) + "' is not a MAC address; expected six hex pairs with one "
                    + "kind of separator, like 00-15-5D-0A-01-02"));
            return null;
        }
        return text.with(mac.get());
    }

    static <E> List<String> yamlNames(E[] values, Function<E, String> yamlName) {
        return java.util.Arrays.stream(values).map(yamlName).toList();
    }

    /** An enumeration value; the message lists every allowed value and suggests the closest. */
    static <E> Located<E> choice(Located<String> text, String what, List<String> allowed,
            Function<String, Optional<E>> fromYaml, Problems problems) {
        if (text == null) {
            return null;
        }
        Optional<E> value = fromYaml.apply(text.value());
        if (value.isPresent()) {
            return text.with(value.get());
        }
        String hint = KeySuggestion.closest(text.value(), allowed).map(a -> " (did you mean '" + ShownText.value(a) + "'?)").orElse("");
        problems.add(text.error("'" + ShownText.value(text.value()) + "' is not a valid " + what + "; expected one of: "
                + String.join(", ", allowed) + hint));
        return null;
    }
}
