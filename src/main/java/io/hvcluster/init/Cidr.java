package io.hvcluster.init;

/** The network an address lies in, written as CIDR ("10.0.0.11", 24 → "10.0.0.0/24"). */
final class Cidr {

    private Cidr() {
    }

    static String network(String address, int prefixLength) {
        String[] parts = address.split("\\.");
        long value = 0;
        for (String p : parts) {
            value = value << 8 | Integer.parseInt(p);
        }
        long mask = prefixLength == 0 ? 0 : 0xFFFFFFFFL << (32 - prefixLength) & 0xFFFFFFFFL;
        long net = value & mask;
        return (net >> 24 & 255) + "." + (net >> 16 & 255) + "." + (net >> 8 & 255) + "." + (net & 255) + "/" + prefixLength;
    }
}
