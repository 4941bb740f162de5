package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.exec.ScriptResult;
import io.hvcluster.steps.AddSharedVolumesStep;
import io.hvcluster.steps.ConfigureAddressesStep;
import io.hvcluster.steps.ConfigureQuorumStep;
import io.hvcluster.steps.CreateVirtualSwitchesStep;
import io.hvcluster.steps.DiskRef;
import io.hvcluster.steps.EnableHyperVStep;
import io.hvcluster.steps.InstallFailoverClusteringStep;
import io.hvcluster.steps.RenameAdaptersStep;
import io.hvcluster.steps.UnbindProtocolsStep;
import io.hvcluster.testing.InventoryFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each guard a template has fails in the simulator. Where the simulator runs a step from its plan ({@code PlannedEffect}), the
 * message is the plan's problem, the sentence the admin saw in the plan; the template throws its own words for it.
 */
class GuardsTest {

    private final SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());

    private static String error(SimulatedBuild.Run r) {
        assertThat(r.result().exitCode()).as("exit code of " + r).isEqualTo(1);
        assertThat(r.result().stderr()).contains("error: " + r.json().get("error").asText());
        return r.json().get("error").asText();
    }

    /** Switches for HV01 with the session guard's values the step itself would render. */
    private CreateVirtualSwitchesStep.Params switchParams(CreateVirtualSwitchesStep.Switch s) {
        var base = new CreateVirtualSwitchesStep().parameters(build.inventory, build.inventory.host("HV01").orElseThrow());
        return new CreateVirtualSwitchesStep.Params(List.of(s), base.winrmPorts(), base.connectAddress());
    }

    private static List<String> warnings(SimulatedBuild.Run r) {
        assertThat(r.result().exitCode()).isZero();
        return java.util.stream.StreamSupport.stream(r.json().get("warnings").spliterator(), false).map(n -> n.asText()).toList();
    }

    // ---- rename-adapters ----

    @Test
    void renameRefusesAMacFoundOnNoAdapter() {
        SimulatedBuild b = new SimulatedBuild(build.inventory, DatacenterBuilder.fresh(build.inventory).missingNic("HV02", "Cluster").build());
        assertThat(error(b.run("rename-adapters", "HV02")))
                .isEqualTo("no physical adapter with MAC 00-15-5D-0A-02-02 for 'Cluster'");
    }

    @Test
    void renameRefusesAMacOnTwoPhysicalAdapters() {
        build.dc.requireHost("HV01").adapter("Ethernet 3").orElseThrow().mac = "00-15-5D-0A-01-02";
        assertThat(error(build.run("rename-adapters", "HV01")))
                .isEqualTo("2 physical adapters with MAC 00-15-5D-0A-01-02 for 'Cluster'");
    }

    @Test
    void renameRefusesANameHeldByAnotherAdapterEvenAHiddenOne() {
        build.dc.requireHost("HV01").adapters.get(0).name = "Live Migration";
        assertThat(error(build.run("rename-adapters", "HV01")))
                .isEqualTo("the name 'Live Migration' already belongs to Microsoft Kernel Debug Network Adapter []");
    }

    @Test
    void renameByNameRefusesWhenNeitherNameExists() {
        var p = new RenameAdaptersStep.Params(List.of(new RenameAdaptersStep.Adapter("Cluster", "", "SLOT 9")));
        assertThat(error(build.runWith("rename-adapters", "apply", "HV01", p)))
                .isEqualTo("no adapter named 'SLOT 9' or 'Cluster'");
    }

    @Test
    void renameChangesACaseOnlyDifference() {
        build.run("rename-adapters", "HV01");
        build.dc.requireHost("HV01").adapter("Cluster").orElseThrow().name = "cluster";
        assertThat(build.run("rename-adapters", "HV01").json().get("changes").get(0).asText())
                .isEqualTo("renamed 'cluster' [00-15-5D-0A-01-02] to 'Cluster'");
    }

    // ---- configure-addresses and unbind-protocols ----

    @Test
    void addressesRefuseTheSessionAdapter() {
        build.run("rename-adapters", "HV01");
        var p = new ConfigureAddressesStep.Params(List.of(new ConfigureAddressesStep.StaticAddress("Parent", "10.0.0.11", 24)),
                List.of(5985, 5986), "hv01.corp.example.com");
        assertThat(error(build.runWith("configure-addresses", "apply", "HV01", p)))
                .isEqualTo("refusing to change 'Parent': the WinRM session runs over it");
    }

    @Test
    void addressesNeedTheRenamedAdapter() {
        assertThat(error(build.run("configure-addresses", "HV01")))
                .isEqualTo("no adapter named 'Cluster' on HV01 (rename-adapters runs first)");
    }

    @Test
    void addressesRefuseAnAddressHeldByAnotherAdapter() {
        build.run("rename-adapters", "HV01");
        build.dc.requireHost("HV01").adapter("iSCSI 1").orElseThrow().ipv4.add(new NetAdapter.AssignedAddress("10.10.1.11", 24, "Manual", "Preferred"));
        assertThat(error(build.run("configure-addresses", "HV01"))).isEqualTo("10.10.1.11 is already configured on 'iSCSI 1'");
    }

    @Test
    void aDuplicateAddressIsRefusedOnTheRunThatAddsItAndOnLaterRuns() {
        build.run("rename-adapters", "HV01");
        build.run("rename-adapters", "HV02");
        var p = new ConfigureAddressesStep.Params(List.of(new ConfigureAddressesStep.StaticAddress("Cluster", "10.10.1.11", 24)),
                List.of(5985, 5986), "hv02.corp.example.com");
        build.run("configure-addresses", "HV01");
        assertThat(error(build.runWith("configure-addresses", "apply", "HV02", p)))
                .isEqualTo("another host on the network already uses 10.10.1.11 (address state Duplicate on 'Cluster')");
        assertThat(error(build.runWith("configure-addresses", "apply", "HV02", p)))
                .isEqualTo("another host on the network already uses 10.10.1.11 (address state Duplicate on 'Cluster')");
    }

    @Test
    void anUnresolvableConnectAddressIsAWarning() {
        build.run("rename-adapters", "HV01");
        var p = new ConfigureAddressesStep.Params(List.of(), List.of(5985), "nowhere.example.com");
        assertThat(warnings(build.runWith("configure-addresses", "apply", "HV01", p)))
                .containsExactly("cannot resolve nowhere.example.com on this host; protecting WinRM connections only");
    }

    @Test
    void unbindRefusesTheSessionAdapter() {
        build.run("rename-adapters", "HV01");
        var p = new UnbindProtocolsStep.Params(List.of("Parent"), List.of("ms_tcpip"), List.of(5985, 5986), "10.0.0.11", false, List.of(), List.of());
        assertThat(error(build.runWith("unbind-protocols", "apply", "HV01", p)))
                .isEqualTo("refusing to unbind 'Parent': the WinRM session runs over it");
    }

    @Test
    void unbindReportsEachBindingByItsDisplayName() {
        build.run("rename-adapters", "HV01");
        assertThat(build.run("unbind-protocols", "HV01").json().get("changes").get(0).asText())
                .isEqualTo("disabled Link-Layer Topology Discovery Mapper I/O Driver (ms_lltdio) on 'Virtual 1'");
    }

    // ---- features, validation, cluster ----

    @Test
    void anUnknownFeatureIsRefused() {
        assertThat(error(build.runWith("install-failover-clustering", "apply", "HV01", new InstallFailoverClusteringStep.Params("Nope", true))))
                .isEqualTo("Windows feature Nope is not available on this server");
    }

    @Test
    void validationAndCreationNeedTheFeature() {
        assertThat(error(build.run("validate-cluster", "HV01")))
                .isEqualTo("the Failover Clustering feature is not installed on this node (install-failover-clustering runs first)");
        assertThat(error(build.run("create-cluster", "HV01")))
                .isEqualTo("the Failover Clustering feature is not installed on this node (install-failover-clustering runs first)");
    }

    @Test
    void validationFailsClosedOnAFailedTestAndListsWarnings() {
        SimulatedBuild b = new SimulatedBuild(build.inventory, DatacenterBuilder.fresh(build.inventory).domainPassword(SimulatedBuild.PASSWORD)
                .badOsBuild("HV03", 17763).badInstallationType("HV02", "Server Core").build());
        b.runBefore("validate-cluster");
        SimulatedBuild.Run r = b.run("validate-cluster", "HV01");
        assertThat(error(r)).startsWith("validation did not pass (" + ValidateClusterEffect.FAILED_FLAG + "); read the report: C:\\Windows\\Cluster\\Reports\\");
        assertThat(r.json().get("warnings").toString()).contains("System Configuration - Validate Operating System Installation Option");
    }

    @Test
    void validationOfAMemberIsSkippedWithAWarning() {
        build.runBefore("configure-quorum");
        assertThat(warnings(build.run("validate-cluster", "HV01")))
                .containsExactly("this node is already in cluster HVCL01; validation skipped (Test-Cluster -Ignore Storage re-validates by hand)");
    }

    @Test
    void createRefusesANodeOfAnotherClusterAndAddsMissingNodes() {
        build.runBefore("configure-quorum");
        build.dc.cluster("HVCL01").orElseThrow().nodes.removeIf(n -> n.name.equals("HV04"));
        SimulatedBuild.Run again = build.run("create-cluster", "HV01");
        assertThat(again.json().get("changes").get(0).asText()).isEqualTo("added HV04 to cluster HVCL01");

        build.dc.cluster("HVCL01").orElseThrow().name = "OTHER";
        assertThat(error(build.run("create-cluster", "HV01"))).isEqualTo("HV01 already belongs to cluster 'OTHER'");
    }

    @Test
    void createRefusesANameTakenInTheDomain() {
        build.runBefore("create-cluster");
        build.dc.directory.computerObjects.add("HVCL01");
        assertThat(error(build.run("create-cluster", "HV01")))
                .isEqualTo("There was an error creating the cluster: the computer object 'HVCL01' already exists in the domain corp.example.com;"
                        + " choose another name or delete the stale object");
    }

    @Test
    void createRefusesANodeInAnotherCluster() {
        build.runBefore("create-cluster");
        SimulatedCluster other = new SimulatedCluster();
        other.name = "OLD";
        other.nodes.add(new SimulatedCluster.Node("HV03"));
        build.dc.clusters.add(other);
        assertThat(error(build.run("create-cluster", "HV01"))).isEqualTo("The computer 'HV03' is joined to a cluster ('OLD').");
    }

    // ---- quorum and CSVs ----

    @Test
    void quorumNeedsExactlyOneDisk() {
        build.runBefore("configure-quorum");
        var p = new ConfigureQuorumStep.Params(new DiskRef("Witness", "NOPE", ""), true);
        assertThat(error(build.runWith("configure-quorum", "apply", "HV01", p)))
                .isEqualTo("disk 'Witness' (serial 'NOPE', unique id ''): expected exactly one on HV01, found 0");
    }

    @Test
    void aWitnessNeverBecomesACsv() {
        build.runBefore("configure-quorum");
        build.run("configure-quorum", "HV01");
        var asCsv = new AddSharedVolumesStep.Params(List.of(new DiskRef("Witness", "WITNESS-01", "")), null);
        assertThat(error(build.runWith("add-shared-volumes", "apply", "HV01", asCsv)))
                .isEqualTo("disk 'Witness' is the quorum witness; a witness never becomes a Cluster Shared Volume");
        var named = new AddSharedVolumesStep.Params(List.of(new DiskRef("W", "WITNESS-01", "")), new DiskRef("Witness", "WITNESS-01", ""));
        assertThat(error(build.runWith("add-shared-volumes", "apply", "HV01", named)))
                .isEqualTo("disk 'W' is the witness disk; a witness never becomes a Cluster Shared Volume");
    }

    @Test
    void aCsvNeverBecomesTheWitness() {
        build.runBefore("configure-quorum");
        build.runWith("add-shared-volumes", "apply", "HV01", new AddSharedVolumesStep.Params(List.of(new DiskRef("Witness", "WITNESS-01", "")), null));
        assertThat(error(build.run("configure-quorum", "HV01")))
                .isEqualTo("the witness disk 'Witness' is a Cluster Shared Volume; a witness must be a dedicated disk");
    }

    @Test
    void aDiskNotSeenByEveryNodeIsNotAvailable() {
        SimulatedBuild b = new SimulatedBuild(build.inventory, DatacenterBuilder.fresh(build.inventory).domainPassword(SimulatedBuild.PASSWORD)
                .diskSeenOnlyBy("CSV2", "HV01").build());
        b.runBefore("add-shared-volumes");
        assertThat(error(b.run("add-shared-volumes", "HV01")))
                .isEqualTo("disk 'CSV2' is not available to the cluster: it must be a basic disk that every node sees and that is not in use");
    }

    // ---- Hyper-V ----

    @Test
    void hyperVRefusesToTakeASecondNodeDown() {
        build.runBefore("enable-hyper-v");
        build.dc.requireHost("HV03").down = true;
        build.dc.requireHost("HV03").upAtMillis = null;
        assertThat(error(build.run("enable-hyper-v", "HV01"))).isEqualTo("node HV03 is Down; refusing to take HV01 down as well");
    }

    @Test
    void hyperVInstallFailsWithoutVirtualizationInTheFirmware() {
        SimulatedBuild b = new SimulatedBuild(build.inventory, DatacenterBuilder.fresh(build.inventory).domainPassword(SimulatedBuild.PASSWORD)
                .virtualizationOff("HV01").build());
        b.runBefore("enable-hyper-v");
        SimulatedBuild.Run r = b.run("enable-hyper-v", "HV01");
        assertThat(error(r)).isEqualTo("A prerequisite check for the Hyper-V feature failed. 1. Hyper-V cannot be installed: "
                + "The processor does not have required virtualization capabilities.");
        assertThat(r.json().get("changes").get(0).asText()).isEqualTo("drained and paused HV01");
    }

    @Test
    void aDrainThatDoesNotCompleteStopsTheStep() {
        build.runBefore("enable-hyper-v");
        build.dc.requireHost("HV02").faults.drainFails = true;
        assertThat(error(build.run("enable-hyper-v", "HV02")))
                .isEqualTo("draining HV02 did not complete (Failed); move or stop the roles that cannot leave, then run again (the node stays Paused)");
    }

    @Test
    void afterTheFirstOfHyperVsTwoRestartsTheFeatureIsStillPending() {
        build.runBefore("enable-hyper-v");
        build.run("enable-hyper-v", "HV01");
        Latencies l = build.dc.latencies();
        // The apply script's duration has passed; the restart begins after the capped delay; the gap is 200 ms.
        build.clock.advance(l.shutdownDelayCap().plus(l.rebootDowntime()).plus(java.time.Duration.ofMillis(50)));
        assertThat(error(build.runWith("enable-hyper-v", "after-reboot", "HV01", new EnableHyperVStep().parameters(build.inventory, build.inventory.firstNode()))))
                .isEqualTo("Hyper-V is InstallPending after the restart; Windows may need one more restart");
    }

    @Test
    void aHypervisorLaunchErrorAfterTheRestartFailsTheAfterRebootCheck() {
        build.runBefore("enable-hyper-v");
        build.dc.requireHost("HV01").faults.hypervisorLaunchError = true;
        SimulatedBuild.Run apply = build.run("enable-hyper-v", "HV01");
        build.waitForRestart("HV01", apply.json().get("data").get("bootTimeBefore").asText());
        SimulatedBuild.Run after = build.runWith("enable-hyper-v", "after-reboot", "HV01", new EnableHyperVStep().parameters(build.inventory, build.inventory.firstNode()));
        assertThat(error(after)).isEqualTo("the hypervisor reported an error at boot (event 41): check that virtualization is enabled in the firmware");
        assertThat(after.json().get("warnings").get(0).asText()).isEqualTo("System log since the restart: Microsoft-Windows-Hyper-V-Hypervisor event 41: "
                + "Hypervisor launch failed; Either VMX not present or not enabled in BIOS.");
        assertThat(after.json().get("data").get("systemErrors")).hasSize(1);
    }

    // ---- switches and networks ----

    @Test
    void switchesNeedHyperVRunning() {
        build.run("rename-adapters", "HV01");
        assertThat(error(build.run("create-virtual-switches", "HV01")))
                .isEqualTo("Hyper-V is not running on this host: enable-hyper-v and its restart come first");
    }

    @Test
    void aSwitchOnAnotherNicIsReportedNeverRecreated() {
        build.runBefore("create-virtual-switches");
        build.run("create-virtual-switches", "HV01");
        var p = switchParams(new CreateVirtualSwitchesStep.Switch("External", "iSCSI 2", false, 0));
        assertThat(error(build.runWith("create-virtual-switches", "apply", "HV01", p)))
                .isEqualTo("switch 'External' is bound to 'Intel(R) Ethernet Controller X710 for 10GbE SFP+ #6', not to 'iSCSI 2'"
                        + " (hvcluster never re-creates a switch: that disconnects its VMs)");
        var taken = switchParams(new CreateVirtualSwitchesStep.Switch("Second", "Virtual 1", false, 0));
        assertThat(error(build.runWith("create-virtual-switches", "apply", "HV01", taken)))
                .isEqualTo("'Virtual 1' is already the uplink of switch 'External'");
    }

    @Test
    void aSharedSwitchGetsAHostVnicWithTheUplinksMacAndItsVlan() {
        build.runBefore("create-virtual-switches");
        var p = switchParams(new CreateVirtualSwitchesStep.Switch("External", "Virtual 1", true, 20));
        SimulatedBuild.Run r = build.runWith("create-virtual-switches", "apply", "HV01", p);
        assertThat(r.json().get("changes").toString()).contains("set access VLAN 20 on the host adapter of switch 'External'");
        NetAdapter vnic = build.dc.requireHost("HV01").adapter("vEthernet (External)").orElseThrow();
        assertThat(vnic.mac).isEqualTo("00-15-5D-0A-01-06");
        assertThat(vnic.description).isEqualTo("Hyper-V Virtual Ethernet Adapter");
        assertThat(build.runWith("create-virtual-switches", "apply", "HV01", p).changed()).isFalse();
        // The vNIC shares the MAC: rename-adapters still finds exactly one physical adapter.
        assertThat(build.run("rename-adapters", "HV01").result().exitCode()).isZero();
    }

    @Test
    void networksWithoutTheVirtualMachineTypeAreNamedButMigrationIsNotSet() {
        build.runBefore("enable-hyper-v");
        SimulatedBuild.Run r = build.run("configure-cluster-networks", "HV01");
        assertThat(warnings(r)).containsExactly("the cluster has no 'Virtual Machine' resource type yet; live-migration networks not set");
        assertThat(r.json().get("changes").toString()).contains("renamed cluster network 'Cluster Network 1' to 'Parent'");
    }

    // ---- faults and unknown scripts ----

    @Test
    void anInjectedStepFaultFailsThatStepOnly() {
        build.dc.requireHost("HV02").faults.failingSteps.put("rename-adapters", "Access is denied.");
        assertThat(error(build.run("rename-adapters", "HV02"))).isEqualTo("Access is denied.");
        assertThat(build.run("rename-adapters", "HV01").result().exitCode()).isZero();
    }

    @Test
    void aScriptWithoutTheHeaderIsRefusedWithoutPretendingToInterpretIt() {
        ScriptResult r = build.execute("HV01", "x", "apply", "Get-Process\r\n", Map.of());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("hvcluster simulator: this script has no hvcluster header")
                .contains("not a PowerShell interpreter");
    }

    @Test
    void aHeaderOfAnUnknownStepIsRefused() {
        String text = "# hvcluster-step: format-disks (apply) on HV01\r\n# hvcluster-params: {}\r\n";
        ScriptResult r = build.execute("HV01", "format-disks", "apply", text, Map.of());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("the simulator has no effect for step 'format-disks' phase 'apply'").contains("not a PowerShell interpreter");
    }
}
