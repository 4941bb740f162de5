package io.hvcluster.testing;

import io.hvcluster.inventory.load.InventoryLoader;
import io.hvcluster.inventory.load.LoadResult;

/**
 * A valid two-node inventory as text, for tests that change one thing and assert the one problem it causes.
 * Line numbers of the base text are part of the contract: tests assert positions in it.
 *
 * <pre>
 *  1 cluster:                 16 hosts:
 *  6   witness: ...           17   - name: HV01 (nics on lines 20-23)
 *  8     - CSV1               24   - name: HV02 (nics on lines 27-30)
 * 10     - switch External    31 connection: (lines 32-36)
 * 12-15 networks Parent, Cluster, Live Migration, Virtual 1
 * </pre>
 */
public final class InventoryYaml {

    public static final String SOURCE = "test.yaml";

    private static final String BASE = """
            cluster:
              name: HVCL01
              address: 10.0.0.50
              domain: corp.example.com
              quorum: auto
              witness: { label: Witness, serial: WITNESS-01, sizeMB: 1024 }
              sharedVolumes:
                - { label: CSV1, serial: CSV-01, sizeGB: 2048 }
              virtualSwitches:
                - { name: External, network: Virtual 1, allowManagementOS: false }
            networks:
              - { name: Parent, purpose: management, subnet: 10.0.0.0/24, gateway: 10.0.0.1, dns: [10.0.0.10] }
              - { name: Cluster, purpose: cluster, subnet: 10.10.1.0/24 }
              - { name: Live Migration, purpose: live-migration, subnet: 10.10.2.0/24 }
              - { name: Virtual 1, purpose: virtual-switch }
            hosts:
              - name: HV01
                address: hv01.corp.example.com
                nics:
                  Parent: { mac: 00-15-5D-0A-01-01, ip: 10.0.0.11 }
                  Cluster: { mac: 00-15-5D-0A-01-02, ip: 10.10.1.11 }
                  Live Migration: { mac: 00-15-5D-0A-01-03, ip: 10.10.2.11 }
                  Virtual 1: { mac: 00-15-5D-0A-01-04 }
              - name: HV02
                address: hv02.corp.example.com
                nics:
                  Parent: { mac: 00-15-5D-0A-02-01, ip: 10.0.0.12 }
                  Cluster: { mac: 00-15-5D-0A-02-02, ip: 10.10.1.12 }
                  Live Migration: { mac: 00-15-5D-0A-02-03, ip: 10.10.2.12 }
                  Virtual 1: { name: Ethernet 4 }
            connection:
              port: 5986
              https: true
              auth: kerberos
              username: hvadmin@CORP.EXAMPLE.COM
              password: { env: HVCLUSTER_PASSWORD }
            """;

    private final String text;

    private InventoryYaml(String text) {
        this.text = text;
    }

    public static InventoryYaml base() {
        return new InventoryYaml(BASE);
    }

    /** Replaces text that must occur exactly once, so a test never passes by changing nothing. */
    public InventoryYaml replace(String from, String to) {
        int first = text.indexOf(from);
        if (first < 0 || text.indexOf(from, first + 1) >= 0) {
            throw new AssertionError("expected exactly one '" + from + "' in the inventory text");
        }
        return new InventoryYaml(text.replace(from, to));
    }

    /** Removes one whole line, which must occur exactly once. */
    public InventoryYaml removeLine(String line) {
        return replace(line + "\n", "");
    }

    /** Adds lines at the end of the file (a new section, such as capacity). */
    public InventoryYaml append(String lines) {
        return new InventoryYaml(text + lines);
    }

    /**
     * Adds host HV0n after the last host (lines 31-37 for the first one added), with MACs 00-15-5D-0A-0n-xx and
     * addresses .1n; the connection section moves down by seven lines per host.
     */
    public InventoryYaml withHost(int n) {
        String host = """
                  - name: HV0%1$d
                    address: hv0%1$d.corp.example.com
                    nics:
                      Parent: { mac: 00-15-5D-0A-0%1$d-01, ip: 10.0.0.1%1$d }
                      Cluster: { mac: 00-15-5D-0A-0%1$d-02, ip: 10.10.1.1%1$d }
                      Live Migration: { mac: 00-15-5D-0A-0%1$d-03, ip: 10.10.2.1%1$d }
                      Virtual 1: { mac: 00-15-5D-0A-0%1$d-04 }
                """.formatted(n);
        return replace("connection:\n", host + "connection:\n");
    }

    public String text() {
        return text;
    }

    public LoadResult load() {
        return InventoryLoader.load(text, SOURCE);
    }
}
