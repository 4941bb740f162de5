package io.hvcluster.inventory;

import java.util.Optional;

/** An IPv4 subnet in CIDR form; the address must be the network address ("10.0.0.0/24", not "10.0.0.5/24"). */
public record Subnet(Ipv4 network, int prefixLength) {

    public Subnet {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
        if ((network.value() & ~mask(prefixLength)) != 0) {
            throw new IllegalArgumentException(network + " is not the network address of /" + prefixLength);
        }
    }

    /** Parses CIDR text; empty when malformed or when host bits are set (see {@link #parseLenient}). */
    public static Optional<Subnet> parse(String text) {
        return parseLenient(text).filter(s -> s.hostBitsZero).map(s -> new Subnet(s.address, s.prefix));
    }

    /** Parsed CIDR text before the host-bits check, so the validator can say exactly what is wrong. */
    public record Cidr(Ipv4 address, int prefix, boolean hostBitsZero) {
        public Subnet normalized() {
            return new Subnet(new Ipv4(address.value() & mask(prefix)), prefix);
        }
    }

    public static Optional<Cidr> parseLenient(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Optional<Ipv4> ip = Ipv4.parse(text.substring(0, slash));
        String len = text.substring(slash + 1);
        if (ip.isEmpty() || len.isEmpty() || len.length() > 2 || !len.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(len);
        if (prefix > 32) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(ip.get(), prefix, (ip.get().value() & ~mask(prefix)) == 0));
    }

    static long mask(int prefixLength) {
        return prefixLength == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefixLength)) & 0xFFFF_FFFFL;
    }

    public Ipv4 mask() {
        return new Ipv4(mask(prefixLength));
    }

    public Ipv4 broadcast() {
        return new Ipv4(network.value() | (~mask(prefixLength) & 0xFFFF_FFFFL));
    }

    public boolean contains(Ipv4 ip) {
        return (ip.value() & mask(prefixLength)) == network.value();
    }

    public boolean overlaps(Subnet other) {
        int shorter = Math.min(prefixLength, other.prefixLength);
        return (network.value() & mask(shorter)) == (other.network.value() & mask(shorter));
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
