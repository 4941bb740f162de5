package io.hvcluster.inventory;

import java.util.Optional;

/** An IPv4 address held as an unsigned 32-bit value; parsed strictly (four decimal octets, no leading zeros). */
public record Ipv4(long value) implements Comparable<Ipv4> {

    public Ipv4 {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("IPv4 value out of range: " + value);
        }
    }

    public static Optional<Ipv4> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long v = 0;
        for (String p : parts) {
            // Leading zeros are refused: Windows tools read "010" as octal in places, a classic typo trap.
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
                    || (p.length() > 1 && p.charAt(0) == '0')) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return Optional.empty();
            }
            v = (v << 8) | octet;
        }
        return Optional.of(new Ipv4(v));
    }

    @Override
    public int compareTo(Ipv4 o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return ((value >> 24) & 0xFF) + "." + ((value >> 16) & 0xFF) + "." + ((value >> 8) & 0xFF) + "." + (value & 0xFF);
    }
}
