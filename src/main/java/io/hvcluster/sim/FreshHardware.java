package io.hvcluster.sim;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.load.InventoryLoader;
import io.hvcluster.inventory.load.LoadResult;
import java.util.List;
import java.util.Locale;

/**
 * Freshly installed simulated hosts for `hvcluster init --simulate`, before any inventory exists: the hardware of the
 * 4-node example (six NICs, the management one addressed, an iSCSI SAN with a witness LUN and two CSV LUNs) for the
 * host names given. Described as an inventory because that is what the simulator builds hosts from; the admin never
 * sees it, only what the probe finds on the hosts.
 */
public final class FreshHardware {

    private FreshHardware() {
    }

    public static Inventory of(List<String> hostNames) {
        StringBuilder y = new StringBuilder();
        y.append("cluster: { name: SIMHW, address: 10.0.0.250, domain: corp.example.com, os: windows-server-2022,\n")
                .append("  witness: { label: Witness, serial: WITNESS-01, sizeMB: 1024 },\n")
                .append("  sharedVolumes: [ { label: CSV1, serial: CSV-01, sizeGB: 2048 }, { label: CSV2, serial: CSV-02, sizeGB: 2048 } ],\n")
                .append("  virtualSwitches: [ { name: External, network: Virtual 1 } ] }\n")
                .append("networks:\n")
                .append("  - { name: Parent, purpose: management, subnet: 10.0.0.0/24, gateway: 10.0.0.1, dns: [10.0.0.10] }\n")
                .append("  - { name: Cluster, purpose: cluster, subnet: 10.10.1.0/24 }\n")
                .append("  - { name: Live Migration, purpose: live-migration, subnet: 10.10.2.0/24 }\n")
                .append("  - { name: iSCSI 1, purpose: iscsi, subnet: 10.20.1.0/24 }\n")
                .append("  - { name: iSCSI 2, purpose: iscsi, subnet: 10.20.2.0/24 }\n")
                .append("  - { name: Virtual 1, purpose: virtual-switch }\n")
                .append("hosts:\n");
        String[] networks = {"Parent", "Cluster", "Live Migration", "iSCSI 1", "iSCSI 2", "Virtual 1"};
        for (int h = 1; h <= hostNames.size(); h++) {
            String name = hostNames.get(h - 1);
            y.append("  - name: ").append(name).append('\n')
                    .append("    address: ").append(name.toLowerCase(Locale.ROOT)).append(".corp.example.com\n")
                    .append("    nics:\n");
            for (int n = 1; n <= networks.length; n++) {
                String mac = String.format(Locale.ROOT, "00-15-5D-%02X-%02X-%02X", 0x10 + h / 256, h % 256, n);
                y.append("      ").append(networks[n - 1]).append(": { mac: ").append(mac);
                if (n == 1) {
                    y.append(", ip: 10.0.0.").append(10 + h);
                } else if (n < networks.length) {
                    y.append(", ip: ").append(n == 2 ? "10.10.1." : n == 3 ? "10.10.2." : n == 4 ? "10.20.1." : "10.20.2.").append(10 + h);
                }
                y.append(" }\n");
            }
        }
        y.append("connection: { port: 5986, https: true, auth: kerberos, username: hvadmin@CORP.EXAMPLE.COM, "
                + "password: { env: HVCLUSTER_PASSWORD } }\n");
        LoadResult r = InventoryLoader.load(y.toString(), "simulated hardware");
        return r.inventory().orElseThrow(() -> new IllegalArgumentException("cannot simulate hosts " + hostNames + ": "
                + String.join("; ", r.formattedProblems())));
    }
}
