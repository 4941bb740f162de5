package io.hvcluster.inventory.load;

import io.hvcluster.inventory.Ipv4;
import io.hvcluster.inventory.MacAddress;

/**
 * One entry of a host's {@code nics}, keyed by network name; {@code at} is the key. The written flags tell an
 * absent mac or ip from one that was written but could not be read (and was reported already).
 */
record NicDocument(
        Anchor at,
        String network,
        Located<MacAddress> mac,
        boolean macWritten,
        Located<String> currentName,
        Located<Ipv4> ip,
        boolean ipWritten) {

    boolean hasUnreadableMac() {
        return macWritten && mac == null;
    }

    boolean hasUnreadableIp() {
        return ipWritten && ip == null;
    }
}
