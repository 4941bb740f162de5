package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.testing.InventoryFixtures;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class BadHostKnobsTest {

    private final Inventory inventory = InventoryFixtures.fourNodes();

    private HostFacts facts(UnaryOperator<DatacenterBuilder> knob, String host) {
        SimulatedBuild b = new SimulatedBuild(inventory, knob.apply(DatacenterBuilder.fresh(inventory).domainPassword(SimulatedBuild.PASSWORD)).build());
        return new FactsParser().parse(host, b.probe(host));
    }

    private HostFacts good(String host) {
        return facts(b -> b, host);
    }

    @Test
    void osBuildEditionAndInstallationType() {
        HostFacts f = facts(b -> b.badOsBuild("HV02", 17763).badEdition("HV02", "ServerStandard").badInstallationType("HV02", "Server Core"), "HV02");
        assertThat(f.os().build()).isEqualTo(17763);
        assertThat(f.os().editionId()).isEqualTo("ServerStandard");
        assertThat(f.os().installationType()).isEqualTo("Server Core");
        assertThat(f.os().productName()).isEqualTo("Windows Server 2019 Standard");
        assertThat(good("HV02").os().productName()).isEqualTo("Windows Server 2022 Datacenter");
    }

    @Test
    void virtualizationOffAndDepOff() {
        HostFacts f = facts(b -> b.virtualizationOff("HV03").depOff("HV03"), "HV03");
        assertThat(f.cpu().virtualizationFirmwareEnabled()).isFalse();
        assertThat(f.cpu().hypervisorPresent()).isFalse();
        assertThat(f.os().depAvailable()).isFalse();
        assertThat(good("HV03").cpu().virtualizationFirmwareEnabled()).isTrue();
        assertThat(good("HV03").os().depAvailable()).isTrue();
    }

    @Test
    void aMissingNicLeavesItsMacNowhere() {
        HostFacts f = facts(b -> b.missingNic("HV02", "Cluster"), "HV02");
        assertThat(f.adaptersWithMac("00-15-5D-0A-02-02")).isEmpty();
        assertThat(f.adapters().stream().filter(HostFacts.Adapter::physical).filter(a -> !a.hidden())).hasSize(5);
        assertThat(good("HV02").adaptersWithMac("00-15-5D-0A-02-02")).hasSize(1);
    }

    @Test
    void aDiskSeenByOneHostOnly() {
        assertThat(facts(b -> b.diskSeenOnlyBy("CSV2", "HV01"), "HV01").disks()).extracting(HostFacts.Disk::serial).contains("CSV-02");
        assertThat(facts(b -> b.diskSeenOnlyBy("CSV2", "HV01"), "HV02").disks()).extracting(HostFacts.Disk::serial)
                .containsExactly("BOOT-HV02", "WITNESS-01", "CSV-01");
    }

    @Test
    void anotherCpu() {
        HostFacts f = facts(b -> b.badCpu("HV04", "AuthenticAMD", "AMD EPYC 7543 32-Core Processor"), "HV04");
        assertThat(f.cpu().manufacturer()).isEqualTo("AuthenticAMD");
        assertThat(f.cpu().model()).isEqualTo("AMD EPYC 7543 32-Core Processor");
        assertThat(good("HV04").cpu().manufacturer()).isEqualTo("GenuineIntel");
    }

    @Test
    void aPendingRebootAndAWorkgroupHost() {
        HostFacts f = facts(b -> b.pendingReboot("HV02").notJoined("HV02"), "HV02");
        assertThat(f.os().pendingReboot()).isTrue();
        assertThat(f.system().partOfDomain()).isFalse();
        assertThat(f.system().domain()).isEqualTo("WORKGROUP");
        assertThat(good("HV02").os().pendingReboot()).isFalse();
        assertThat(good("HV02").system().domain()).isEqualTo("corp.example.com");
    }

    @Test
    void aNicKnownByNameKeepsThatName() {
        Inventory inv = InventoryFixtures.fourNodes();
        var h = inv.hosts().get(0);
        var nics = new java.util.ArrayList<>(h.nics());
        var old = nics.get(1);
        nics.set(1, new io.hvcluster.inventory.HostNic(old.network(), java.util.Optional.empty(), java.util.Optional.of("SLOT 3 Port 1"), old.ip()));
        var hosts = new java.util.ArrayList<>(inv.hosts());
        hosts.set(0, new io.hvcluster.inventory.Host(h.name(), h.address(), nics));
        Inventory named = new Inventory(inv.source(), inv.cluster(), inv.networks(), hosts, inv.connection(), inv.capacity());
        SimulatedDatacenter dc = DatacenterBuilder.fresh(named).build();
        assertThat(dc.requireHost("HV01").visibleAdapters()).extracting(a -> a.name)
                .containsExactly("Ethernet", "SLOT 3 Port 1", "Ethernet 2", "Ethernet 3", "Ethernet 4", "Ethernet 5");
    }

    @Test
    void aKnobForAHostNotInTheInventoryIsRefused() {
        assertThatThrownBy(() -> DatacenterBuilder.fresh(inventory).depOff("HV09").build())
                .hasMessage("no host [HV09] in lab-4node.yaml");
    }
}
