package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.HostSettingsSpec;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.testing.InventoryFixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 12 item 13: host-settings on the simulator, as templates/host-settings/apply.ps1.vm runs. */
class HostSettingsEffectTest {

    private static Inventory withSettings(HostSettingsSpec s) {
        Inventory inv = InventoryFixtures.fourNodes();
        return new Inventory(inv.source(), inv.cluster(), inv.networks(), inv.hosts(), inv.connection(), inv.capacity(), s);
    }

    @Test
    void addsMicrosoftsExclusionsOnceAndKeepsTheAdminsOwn() {
        SimulatedBuild b = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        b.runBefore("host-settings");
        WindowsHost hv02 = b.dc.requireHost("HV02");
        hv02.exclusionExtensions.add(".VHDX");
        hv02.exclusionPaths.add("D:\\Backups");
        SimulatedBuild.Run r = b.run("host-settings", "HV02");
        assertThat(r.result().exitCode()).as(r.result().stdout()).isZero();
        assertThat(r.json().get("changes").toString()).contains("Defender exclusion path C:\\\\ClusterStorage",
                "Defender exclusion extension avhdx", "Defender exclusion process %SystemRoot%\\\\System32\\\\Vmcompute.exe")
                .doesNotContain("extension vhdx");
        assertThat(hv02.exclusionPaths).contains("D:\\Backups", "C:\\ClusterStorage");
        // Idempotent: nothing left to add.
        assertThat(b.run("host-settings", "HV02").json().get("changed").asBoolean()).isFalse();
    }

    @Test
    void withAThirdPartyAntivirusItWarnsWithTheListAndChangesNothing() {
        SimulatedBuild b = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        b.runBefore("host-settings");
        b.dc.requireHost("HV03").defenderMode = "Passive Mode";
        SimulatedBuild.Run r = b.run("host-settings", "HV03");
        assertThat(r.json().get("changed").asBoolean()).isFalse();
        assertThat(r.json().get("warnings").get(0).asText())
                .startsWith("Microsoft Defender is not the active antivirus on HV03 (Passive Mode): configure these Hyper-V exclusions")
                .contains("C:\\ClusterStorage", "vhdx", "Vmwp.exe");
        assertThat(b.dc.requireHost("HV03").exclusionPaths).isEmpty();
    }

    @Test
    void setsThePathsLiveMigrationAndTheCsvCacheFromTheInventory() {
        HostSettingsSpec s = new HostSettingsSpec(false, Optional.of("C:\\ClusterStorage\\Volume1\\VMs"),
                Optional.of("C:\\ClusterStorage\\Volume1\\VHDs"), Optional.of(true), Optional.of(4), Optional.of("SMB"),
                Optional.of("Kerberos"), Optional.of(512L));
        SimulatedBuild b = SimulatedBuild.fresh(withSettings(s));
        b.runBefore("host-settings");
        SimulatedBuild.Run first = b.run("host-settings", "HV01");
        assertThat(first.json().get("changes").toString()).contains("live migration enabled", "simultaneous live migrations: 2 -> 4",
                "live migration performance option: Compression -> SMB", "live migration authentication: CredSSP -> Kerberos",
                "CSV block cache (MB): 0 -> 512", "default virtual machine path: C:\\\\ProgramData\\\\Microsoft\\\\Windows\\\\Hyper-V -> C:\\\\ClusterStorage\\\\Volume1\\\\VMs");
        WindowsHost hv01 = b.dc.requireHost("HV01");
        assertThat(hv01.exclusionPaths).as("exclusions are off in this inventory").isEmpty();
        assertThat(b.dc.clusterOf("HV01").orElseThrow().blockCacheMb).isEqualTo(512);
        // The cluster-wide cache is set from the first node only.
        assertThat(b.run("host-settings", "HV02").json().get("changes").toString()).doesNotContain("CSV block cache");
        assertThat(b.run("host-settings", "HV01").json().get("changed").asBoolean()).isFalse();
    }

    @Test
    void refusesAHostWhoseHyperVDoesNotRunBeforeChangingAnything() {
        SimulatedBuild b = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        b.runBefore("host-settings");
        WindowsHost hv01 = b.dc.requireHost("HV01");
        hv01.vmmsRunningAtMillis = Long.MAX_VALUE;
        SimulatedBuild.Run r = b.run("host-settings", "HV01");
        assertThat(r.result().exitCode()).isEqualTo(1);
        assertThat(r.json().get("error").asText()).isEqualTo("Hyper-V is not running on HV01 (enable-hyper-v runs first)");
        assertThat(hv01.exclusionPaths).as("the plan's guard stops the script before the first change").isEmpty();
    }

    @Test
    void runByHandBeforeHyperVTheHyperVCmdletsDoNotExist() {
        HostSettingsSpec s = new HostSettingsSpec(false, Optional.of("C:\\ClusterStorage\\Volume1\\VMs"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        SimulatedBuild b = SimulatedBuild.fresh(withSettings(s));
        b.runBefore("enable-hyper-v");
        SimulatedBuild.Run r = b.run("host-settings", "HV01");
        assertThat(r.result().exitCode()).isEqualTo(1);
        assertThat(r.json().get("error").asText())
                .isEqualTo("The term 'Set-VMHost' is not recognized as the name of a cmdlet, function, script file, or operable program.");
    }

    @Test
    void withoutDefenderAtAllItWarnsAndAddsNothing() {
        SimulatedBuild b = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        b.runBefore("host-settings");
        b.dc.requireHost("HV04").defenderMode = "absent";
        SimulatedBuild.Run r = b.run("host-settings", "HV04");
        assertThat(r.result().exitCode()).isZero();
        assertThat(r.json().get("warnings").get(0).asText()).startsWith("Microsoft Defender is not the active antivirus on HV04 (absent)");
        assertThat(r.json().get("changed").asBoolean()).isFalse();
    }
}
