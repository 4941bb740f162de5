package io.hvcluster.cli;

import static io.hvcluster.testing.InProcessCli.hvcluster;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.load.InventoryLoader;
import io.hvcluster.sim.host.DatacenterBuilder;
import io.hvcluster.sim.host.DatacenterStore;
import io.hvcluster.sim.host.SimulatedDatacenter;
import io.hvcluster.testing.InProcessCli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preflight end to end as a user meets it: simulated hosts built with bad-host knobs and saved as the
 * simulator's state, then `validate --online`, `plan` and `apply` through the CLI over real WinRM on 127.0.0.1.
 */
class PreflightOnSimulatorTest {

    static final String INVENTORY = "inventories/lab-2node.yaml";
    /** The simulator's own domain password (Simulation); the state must know it or the second hop fails. */
    static final io.hvcluster.secrets.Secret SIM_PASSWORD = io.hvcluster.secrets.Secret.of("Simulated-Only-P@ss1");

    @TempDir
    Path tmp;

    /** Saves simulated hosts built with {@code knobs} where `--simulate --simulator-state` finds them. */
    String state(UnaryOperator<DatacenterBuilder> knobs) throws Exception {
        Inventory inv = InventoryLoader.load(Path.of(INVENTORY)).inventory().orElseThrow();
        SimulatedDatacenter dc = knobs.apply(DatacenterBuilder.fresh(inv).domainPassword(SIM_PASSWORD)).build();
        Path dir = tmp.resolve("sim");
        new DatacenterStore(dir).save(dc);
        return dir.toString();
    }

    Run validateOnline(UnaryOperator<DatacenterBuilder> knobs) throws Exception {
        return hvcluster("validate", INVENTORY, "--online", "--simulate", "--simulator-state", state(knobs), "--runs-dir", tmp.resolve("runs").toString());
    }

    @Test
    void freshHostsPassAndUnaddressedNetworksAreSkippedOutLoud() throws Exception {
        Run r = validateOnline(b -> b);
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("inventories/lab-2node.yaml: valid (2 hosts, 4 networks)", "Preflight: every check passed on 2 hosts",
                "cluster [reachability] network 'Cluster': HV01 (10.10.1.11), HV02 (10.10.1.12) do not hold their addresses yet");
        assertThat(r.out()).as("one line per reason").containsOnlyOnce("network 'Cluster'");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"inventories/lab-3node.yaml", "inventories/lab-4node.yaml"})
    void everyExampleInventoryPassesOnFreshSimulatedHosts(String inventory) {
        Run r = hvcluster("validate", inventory, "--online", "--simulate-fresh", "--simulator-state", tmp.resolve("sim").toString(),
                "--runs-dir", tmp.resolve("runs").toString());
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("Preflight: every check passed on");
    }

    @Test
    void osFamily() throws Exception {
        Run r = validateOnline(b -> b.badOsBuild("HV02", 17763).badEdition("HV01", "ServerSolution").badInstallationType("HV02", "Server Core"));
        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(2);
        assertThat(r.out()).contains("Preflight: 2 errors, 2 warnings",
                "HV01\n  error   [os-edition] edition ServerSolution",
                "fix: install Windows Server Standard or Datacenter on HV01",
                "HV02\n  error   [os-version] build 17763 (Windows Server 2019",
                "fix: install Windows Server 2022 on HV02, or set cluster.os",
                "warning [os-edition] different editions: ServerDatacenter on HV02; ServerSolution on HV01",
                "warning [os-installation-type] different installation types: Server on HV01; Server Core on HV02");
    }

    @Test
    void cpuFamily() throws Exception {
        Run r = validateOnline(b -> b.virtualizationOff("HV01").depOff("HV02").badCpu("HV02", "AuthenticAMD", "AMD EPYC 7763 64-Core Processor"));
        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(2);
        assertThat(r.out()).contains("HV01\n  error   [cpu-virtualization] hardware virtualization is off in the firmware",
                "fix: enable Intel VT-x (Virtualization Technology) or AMD-V (SVM) in HV01's BIOS/UEFI setup",
                "HV02\n  error   [cpu-dep] hardware DEP is not available",
                "error   [cpu-consistency] processors from different manufacturers: AuthenticAMD on HV02; GenuineIntel on HV01",
                "fix: running VMs cannot live-migrate between Intel and AMD");
    }

    @Test
    void domainFamilyNameTakenAndHostNotJoined() throws Exception {
        Run r = validateOnline(b -> b.notJoined("HV02").clusterNameTaken().clusterNameInDns("10.0.0.99"));
        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(2);
        assertThat(r.out()).contains("HV02\n  error   [domain-membership] in workgroup WORKGROUP; expected joined to corp.example.com",
                "error   [cluster-name] HVCL01.corp.example.com already resolves to 10.0.0.99",
                "error   [cluster-name] an enabled computer account HVCL01 already exists (CN=HVCL01,CN=Computers,DC=corp,DC=example,DC=com)",
                "fix: choose another cluster.name");
    }

    @Test
    void domainFamilyNoRightToCreateTheClusterObject() throws Exception {
        Run r = validateOnline(DatacenterBuilder::noCreateComputerPermission);
        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(2);
        assertThat(r.out()).contains("cluster\n  error   [cluster-object-permission] CORP\\hvadmin may not create computer objects in CN=Computers,DC=corp,DC=example,DC=com",
                "fix: have a domain admin grant CORP\\hvadmin 'Create Computer objects'", "prestage the cluster's account");
    }

    @Test
    void domainFamilyPrestagedObjectNeedsNoRightAndAnUnreadableAclIsAWarning() throws Exception {
        Run prestaged = validateOnline(b -> b.noCreateComputerPermission().clusterNamePrestaged());
        assertThat(prestaged.exit()).as(prestaged.err() + prestaged.out()).isZero();
        assertThat(prestaged.out()).contains("every check passed");

        Run unreadable = validateOnline(DatacenterBuilder::unreadableOuAcl);
        assertThat(unreadable.exit()).as(unreadable.err() + unreadable.out()).isZero();
        assertThat(unreadable.out()).contains("warning [cluster-object-permission] whether CORP\\hvadmin may create computer objects",
                "could not be checked: Exception calling \"GetAccessRules\"", "fix: check by hand: Active Directory Users and Computers");
    }

    @Test
    void networkFamily() throws Exception {
        Run r = validateOnline(b -> b.missingNic("HV02", "iSCSI 1").nicDown("HV01", "Cluster").nicLinkSpeed("HV02", "Parent", "1 Gbps")
                .nicModel("HV02", "Cluster", "Broadcom NetXtreme E-Series Advanced Dual-port 25Gb SFP28 #2").dropsPings("HV02"));
        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(2);
        assertThat(r.out()).contains(
                "HV01\n  error   [nic-present] adapter 'Ethernet 2' with MAC 00-15-5D-0A-01-02 (network 'Cluster') is Disconnected",
                "error   [reachability] HV02's management address 10.0.0.12 does not answer a ping from HV01",
                "fix: check the cabling, VLAN and routing between HV01 and HV02",
                "error   [nic-present] no physical, visible network adapter with MAC 00-15-5D-0A-02-03 (network 'iSCSI 1')",
                "error   [nic-count] 3 physical network adapter(s); expected at least 4",
                "warning [nic-consistency] network 'Parent' links at different speeds: 1 Gbps on HV02; 10 Gbps on HV01",
                "warning [nic-consistency] network 'Cluster' uses different NIC models: Broadcom NetXtreme E-Series Advanced Dual-port 25Gb SFP28 on HV02; "
                        + "Intel(R) Ethernet Controller X710 for 10GbE SFP+ on HV01");
    }

    @Test
    void storageFamily() throws Exception {
        Run r = validateOnline(b -> b.diskSeenOnlyBy("Witness", "HV01").mbrDisk("CSV1"));
        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(2);
        assertThat(r.out()).contains("HV02\n  error   [shared-disks-visible] disk 'Witness' (serial WITNESS-01) is not visible",
                "fix: present the LUN to HV02", "HV01\n  error   [shared-disks-usable] disk 'CSV1' (serial CSV-01-01) is partitioned MBR",
                "fix: if its data is not needed, erase it on HV01 with Clear-Disk -Number 2 -RemoveData -RemoveOEM -Confirm:$false (the disk becomes RAW");
    }

    @Test
    void stateFamilyWarnsWithoutStopping() throws Exception {
        Run r = validateOnline(b -> b.pendingReboot("HV01").hyperVInstallPending("HV02"));
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("HV01\n  warning [pending-reboot] a restart is pending", "fix: restart HV01 first",
                "warning [hyper-v-install-pending] Hyper-V is installed but waits for a restart");
    }

    @Test
    void planAndApplyStopBeforeChangingAnythingUnlessSkipped() throws Exception {
        String state = state(b -> b.virtualizationOff("HV02"));
        String runs = tmp.resolve("runs").toString();
        Run plan = hvcluster("plan", INVENTORY, "--simulate", "--simulator-state", state, "--runs-dir", runs);
        assertThat(plan.exit()).as(plan.err()).isEqualTo(1);
        assertThat(plan.out()).contains("HV02\n  error   [cpu-virtualization]").doesNotContain("Plan:");
        assertThat(plan.err()).contains("cannot plan: the preflight found 1 error, 0 warnings; nothing was changed").doesNotContain("\tat ");

        Run apply = hvcluster("apply", INVENTORY, "--simulate", "--simulator-state", state, "--runs-dir", runs, "--yes");
        assertThat(apply.exit()).as(apply.err()).isEqualTo(1);
        assertThat(apply.err()).contains("cannot apply: the preflight found 1 error");
        SimulatedDatacenter after = new DatacenterStore(Path.of(state)).load(io.hvcluster.sim.host.Latencies.fast()).orElseThrow();
        assertThat(after.requireHost("HV01").adapters).extracting(a -> a.name).doesNotContain("Cluster", "Parent");

        Run skipped = hvcluster("plan", INVENTORY, "--simulate", "--simulator-state", state, "--runs-dir", runs, "--skip-preflight");
        assertThat(skipped.exit()).as(skipped.err()).isZero();
        assertThat(skipped.out()).contains("Plan: 21 to change").doesNotContain("Preflight");
    }

    @Test
    void afterABuildEveryPrivateNetworkIsPingedAndTheClusterNameIsItsOwn() throws Exception {
        String state = state(b -> b);
        String runs = tmp.resolve("runs").toString();
        Run apply = hvcluster("apply", INVENTORY, "--simulate", "--simulator-state", state, "--runs-dir", runs, "--yes");
        assertThat(apply.exit()).as(apply.err() + apply.out()).isZero();
        assertThat(apply.out()).contains("Preflight: every check passed on 2 hosts (2 skipped, below)");

        Run again = hvcluster("validate", INVENTORY, "--online", "--simulate", "--simulator-state", state, "--runs-dir", runs);
        assertThat(again.exit()).as(again.err() + again.out()).isZero();
        assertThat(again.out()).contains("Preflight: every check passed on 2 hosts").doesNotContain("skipped");
        try (var files = Files.list(Path.of(runs))) {
            Path last = files.sorted().reduce((a, b) -> b).orElseThrow();
            assertThat(Files.readString(last.resolve("journal.jsonl"))).contains("\"type\":\"preflight-checked\"", "\"summary\":\"0 errors, 0 warnings\"");
        }
    }

    @Test
    void theRemainingChecksTripOnTheSimulatorToo() throws Exception {
        Run arm = validateOnline(b -> b.cpuArchitecture("HV02", 12));
        assertThat(arm.exit()).as(arm.err() + arm.out()).isEqualTo(2);
        assertThat(arm.out()).contains("[cpu-architecture]").contains("fix:");

        Run other = validateOnline(b -> b.memberOfAnotherCluster("HV02", "OLDCL"));
        assertThat(other.exit()).as(other.err() + other.out()).isEqualTo(2);
        assertThat(other.out()).contains("[cluster-membership]", "OLDCL").contains("fix:");

        Run broken = validateOnline(b -> b.failingFactsSection("HV01", "disks", "Invalid class \"MSFT_Disk\""));
        assertThat(broken.out()).contains("[probe-sections]", "disks").contains("fix:");
    }

    @Test
    void eachSecondHopPathTripsEndToEndWithItsFix() throws Exception {
        Run wmi = validateOnline(b -> b.blocksWmiDcom("HV02"));
        assertThat(wmi.exit()).as(wmi.err() + wmi.out()).isEqualTo(2);
        assertThat(wmi.out()).contains("HV02\n  error   [second-hop] HV01 -> HV02: WMI over DCOM failed under secondHop 'delegation': "
                + "The RPC server is unavailable", "fix: open the firewall rule group 'Windows Management Instrumentation (WMI)'");

        Run registry = validateOnline(b -> b.remoteRegistryStopped("HV02"));
        assertThat(registry.exit()).isEqualTo(2);
        assertThat(registry.out()).contains("[second-hop] HV01 -> HV02: the remote registry failed", "fix: start the Remote Registry service on HV02");

        Run smb = validateOnline(b -> b.blocksSmb("HV02"));
        assertThat(smb.exit()).isEqualTo(2);
        assertThat(smb.out()).contains("[second-hop] HV01 -> HV02: the ADMIN$ share over SMB failed", "fix: allow 'File and Printer Sharing (SMB-In)'");

        Run ldap = validateOnline(DatacenterBuilder::ldapUnreachable);
        assertThat(ldap.exit()).isEqualTo(2);
        assertThat(ldap.out()).contains("  error   [second-hop] HV01 -> corp.example.com: the LDAP bind to AD failed under secondHop "
                + "'delegation': The server is not operational.", "fix: make sure the first node reaches a domain controller");

        Run delegation = validateOnline(DatacenterBuilder::accountNotDelegable);
        assertThat(delegation.exit()).isEqualTo(2);
        assertThat(delegation.out()).contains("fix: the WinRM logon holds no delegated ticket", "choose connection.secondHop: task");
    }

    /** lab-2node.yaml with another connection.secondHop, written next to the test's state. */
    String inventoryWith(String secondHop) throws Exception {
        String text = Files.readString(Path.of(INVENTORY));
        Path copy = tmp.resolve("lab-2node-" + secondHop + ".yaml");
        Files.writeString(copy, text.replace("  auth: kerberos\n", "  auth: kerberos\n  secondHop: " + secondHop + "\n"));
        assertThat(Files.readString(copy)).contains("secondHop: " + secondHop);
        return copy.toString();
    }

    @Test
    void aWrongPasswordFailsAtPreflightWithExit1AndNothingChanged() throws Exception {
        Inventory inv = InventoryLoader.load(Path.of(INVENTORY)).inventory().orElseThrow();
        SimulatedDatacenter dc = DatacenterBuilder.fresh(inv).domainPassword(io.hvcluster.secrets.Secret.of("Not-The-Simulator-Password")).build();
        Path dir = tmp.resolve("sim");
        new DatacenterStore(dir).save(dc);
        String runs = tmp.resolve("runs").toString();

        Run apply = hvcluster("apply", inventoryWith("task"), "--simulate", "--simulator-state", dir.toString(), "--runs-dir", runs, "--yes");
        assertThat(apply.exit()).as(apply.err() + apply.out()).isEqualTo(1);
        assertThat(apply.out()).contains("[second-hop] secondHop 'task' failed on HV01: second hop (task): Task Scheduler refused to register a task "
                + "as CORP.EXAMPLE.COM\\hvadmin: The user name or password is incorrect.", "fix: the password of hvadmin@CORP.EXAMPLE.COM is wrong");
        assertThat(apply.err()).contains("cannot apply: the preflight found 1 error").contains("nothing was changed").doesNotContain("\tat ");
        SimulatedDatacenter after = new DatacenterStore(dir).load(io.hvcluster.sim.host.Latencies.fast()).orElseThrow();
        assertThat(after.requireHost("HV01").featureInstalled("Failover-Clustering")).as("nothing changed").isFalse();
        assertThat(after.clusters).isEmpty();
    }

    @Test
    void impersonationIsCaughtAtPreflightOnTheDcomPath() throws Exception {
        Run r = hvcluster("validate", inventoryWith("impersonation"), "--online", "--simulate", "--simulator-state", state(b -> b),
                "--runs-dir", tmp.resolve("runs").toString());
        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(2);
        assertThat(r.out()).contains("[second-hop] HV01 -> HV02: WMI over DCOM failed under secondHop 'impersonation': Access is denied.",
                "fix: DCOM does not follow LogonUser impersonation (no cloaking); choose connection.secondHop: task");
    }

    @Test
    void aTaskOnFreshHostsPassesAndBuildsTheCluster() throws Exception {
        String inventory = inventoryWith("task");
        String state = state(b -> b);
        Run apply = hvcluster("apply", inventory, "--simulate", "--simulator-state", state, "--runs-dir", tmp.resolve("runs").toString(), "--yes");
        assertThat(apply.exit()).as(apply.err() + apply.out()).isZero();
        assertThat(apply.out()).contains("Preflight: every check passed on 2 hosts");
    }
}
