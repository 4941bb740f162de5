package io.hvcluster.proof;

import static io.hvcluster.testing.InventoryFixtures.ip;
import static io.hvcluster.testing.InventoryFixtures.mac;
import static io.hvcluster.testing.InventoryFixtures.subnet;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.AuthMethod;
import io.hvcluster.inventory.ClusterSpec;
import io.hvcluster.inventory.Connection;
import io.hvcluster.inventory.DiskSpec;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.Network;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.inventory.PasswordSource;
import io.hvcluster.inventory.QuorumMode;
import io.hvcluster.inventory.TargetOs;
import io.hvcluster.inventory.VirtualSwitchSpec;
import io.hvcluster.testing.pscheck.PsCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Inventory values full of PowerShell syntax end up, in every rendered script, as exactly one string literal
 * each with exactly their value: the real grammar parses the scripts without error, no fragment of a value is
 * left in code (outside string literals and comments), and every literal that holds a value holds all of it.
 * The validator would reject most of these names; rendering must be safe without relying on it.
 */
class InjectionTest {

    /** Each value carries a marker (INJ + letter) so its fragments can be found wherever they land. */
    static final List<String> HOSTILE = List.of(
            "Cluster INJA'; Remove-Item -Recurse C:\\; '",
            "Live \u2019INJB\u2018 $(Stop-Computer) ;",
            "iSCSI \"INJC\" `whoami` \u201A\u201B",
            "Virtual INJD\r\nRestart-Computer\n# not a comment",
            "Z\u00fcrich INJE \u00dcn\u00efc\u00f8d\u00e9 @(1) ${env:PATH}",
            "Ext INJF'$(calc)'",
            "CSV INJG'1",
            "Wit\u2019INJH\u2019ness",
            "o'INJI",
            "HV'INJJ",
            "Ethernet \u2018INJK\u2019 3");

    @Test
    void hostileValuesAreOneExactLiteralEachInEveryScript() throws Exception {
        Inventory inv = hostileInventory();
        List<Path> files = RenderedScriptsProofTest.renderAll(inv, Path.of("target/proof/injection"));
        List<PsCheck.ParsedStrings> parsed = PsCheck.locate().strings(files);
        assertThat(parsed).hasSize(files.size());
        Pattern marker = Pattern.compile("INJ[A-K]");
        Map<String, String> byMarker = new java.util.HashMap<>();
        for (String v : HOSTILE) {
            Matcher m = marker.matcher(v);
            assertThat(m.find()).isTrue();
            byMarker.put(m.group(), v);
        }
        List<String> seen = new ArrayList<>();
        for (PsCheck.ParsedStrings script : parsed) {
            assertThat(script.errors()).as(script.file() + " parses").isZero();
            assertThat(marker.matcher(script.code()).find()).as(script.file() + ": an inventory value leaked into code").isFalse();
            for (PsCheck.Literal lit : script.literals()) {
                Matcher m = marker.matcher(lit.text());
                if (!m.find()) {
                    continue;
                }
                assertThat(lit.kind()).as(script.file() + ":" + lit.line() + " holds a value in a single-quoted literal")
                        .isEqualTo("verbatim_string_characters");
                String expected = byMarker.get(m.group());
                assertThat(lit.verbatimValue()).as(script.file() + ":" + lit.line()).isEqualTo(expected);
                seen.add(expected);
            }
        }
        // The user reaches the scripts as the delegation user ("o'INJI" from "o'INJI@CORP.EXAMPLE.COM").
        assertThat(seen).as("every hostile value reached some script").containsAll(HOSTILE);
    }

    static Inventory hostileInventory() {
        String mgmt = "Parent";
        String cluster = HOSTILE.get(0);
        String lm = HOSTILE.get(1);
        String iscsi = HOSTILE.get(2);
        String uplink = HOSTILE.get(3);
        String extra = HOSTILE.get(4);
        List<Network> networks = List.of(
                new Network(mgmt, NetworkPurpose.MANAGEMENT, Optional.of(subnet("10.0.0.0/24")), Optional.of(ip("10.0.0.1")), List.of()),
                new Network(cluster, NetworkPurpose.CLUSTER, Optional.of(subnet("10.10.1.0/24")), Optional.empty(), List.of()),
                new Network(lm, NetworkPurpose.LIVE_MIGRATION, Optional.of(subnet("10.10.2.0/24")), Optional.empty(), List.of()),
                new Network(iscsi, NetworkPurpose.ISCSI, Optional.of(subnet("10.20.1.0/24")), Optional.empty(), List.of()),
                new Network(extra, NetworkPurpose.ISCSI, Optional.of(subnet("10.20.2.0/24")), Optional.empty(), List.of()),
                new Network(uplink, NetworkPurpose.VIRTUAL_SWITCH, Optional.empty(), Optional.empty(), List.of()));
        List<Host> hosts = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String n = "0" + i;
            hosts.add(new Host("HV0" + i, "hv0" + i + ".corp.example.com", List.of(
                    new HostNic(mgmt, Optional.of(mac("00-15-5D-00-" + n + "-01")), Optional.empty(), Optional.of(ip("10.0.0.1" + i))),
                    new HostNic(cluster, Optional.of(mac("00-15-5D-00-" + n + "-02")), Optional.empty(), Optional.of(ip("10.10.1.1" + i))),
                    new HostNic(lm, Optional.empty(), Optional.of(HOSTILE.get(10)), Optional.of(ip("10.10.2.1" + i))),
                    new HostNic(iscsi, Optional.of(mac("00-15-5D-00-" + n + "-04")), Optional.empty(), Optional.of(ip("10.20.1.1" + i))),
                    new HostNic(extra, Optional.of(mac("00-15-5D-00-" + n + "-05")), Optional.empty(), Optional.of(ip("10.20.2.1" + i))),
                    new HostNic(uplink, Optional.of(mac("00-15-5D-00-" + n + "-06")), Optional.empty(), Optional.empty()))));
        }
        ClusterSpec spec = new ClusterSpec(HOSTILE.get(9), ip("10.0.0.50"), "corp.example.com", TargetOs.WINDOWS_SERVER_2025,
                QuorumMode.NODE_AND_DISK_MAJORITY,
                Optional.of(new DiskSpec(HOSTILE.get(7), Optional.of("W'1"), Optional.empty(), Optional.empty())),
                List.of(new DiskSpec(HOSTILE.get(6), Optional.empty(), Optional.of("UID\u2019$(x)"), Optional.empty())),
                List.of(new VirtualSwitchSpec(HOSTILE.get(5), uplink, true, Optional.of(20))));
        Connection c = new Connection(5986, true, AuthMethod.KERBEROS, HOSTILE.get(8) + "@CORP.EXAMPLE.COM",
                new PasswordSource.Environment("X"), false, Connection.DEFAULT_CONNECT_TIMEOUT, Connection.DEFAULT_OPERATION_TIMEOUT);
        return new Inventory("inventories/hostile.yaml", spec, networks, hosts, c, Optional.empty());
    }
}
