package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.exec.ScriptResult;
import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.load.InventoryLoader;
import io.hvcluster.pipeline.Action;
import io.hvcluster.pipeline.Change;
import io.hvcluster.pipeline.Phase;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.plan.Plan;
import io.hvcluster.plan.Planner;
import io.hvcluster.plan.RebootStrategy;
import io.hvcluster.secrets.Secret;
import io.hvcluster.steps.ConnectStorageStep;
import io.hvcluster.steps.StandardPipeline;
import io.hvcluster.windows.ConnectIscsiTarget;
import io.hvcluster.windows.IscsiChap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * connect-storage on the simulated iSCSI array of the 4-node example: LUNs invisible until a session exists, once per
 * path until the Microsoft DSM claims them, one restart per host shared with Hyper-V, and each fault's message.
 */
class ConnectStorageTest {

    private static final Inventory INV = load(text());
    private static final ConnectStorageStep STEP = new ConnectStorageStep();

    private static String text() {
        try {
            return Files.readString(Path.of("inventories/lab-4node.yaml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Inventory load(String yaml) {
        return InventoryLoader.load(yaml, "lab-4node.yaml").inventory().orElseThrow();
    }

    private static SimulatedBuild build(DatacenterBuilder b) {
        return new SimulatedBuild(INV, b.domainPassword(SimulatedBuild.PASSWORD).build());
    }

    private static HostFacts facts(SimulatedBuild b, String host) {
        return new FactsParser().parse(host, b.probe(host));
    }

    private static FactsView view(SimulatedBuild b, Inventory inv) {
        Map<String, HostFacts> all = new LinkedHashMap<>();
        inv.hosts().forEach(h -> all.put(h.name(), facts(b, h.name())));
        return new FactsView(inv, all);
    }

    private static long copies(HostFacts f, String serial) {
        return f.disks().stream().filter(d -> d.serial().equals(serial)).count();
    }

    /** Runs connect-storage's scripts on {@code host} as the runner does: apply, the restart if asked, after-reboot. */
    private static ScriptResult connect(SimulatedBuild b, Inventory inv, String host, Map<String, Secret> secrets) {
        Host h = inv.host(host).orElseThrow();
        ScriptResult last = null;
        boolean restarted = false;
        for (Phase phase : STEP.phases()) {
            if (phase.kind() == Phase.Kind.AFTER_REBOOT && !restarted) {
                continue;
            }
            last = b.execute(host, STEP.id(), phase.name(), SimulatedBuild.render(inv, STEP, phase, h), secrets);
            if (last.exitCode() != 0) {
                return last;
            }
            var data = last.structured().orElseThrow().get("data");
            if (data.path("rebootScheduled").asBoolean()) {
                b.waitForRestart(host, data.get("bootTimeBefore").asText());
                restarted = true;
            }
        }
        return last;
    }

    /** The example with one-way CHAP on (user hvcl03). */
    private static Inventory chapInventory() {
        return load(text().replace("  # chap: { username: hvcl03,", "  chap: { username: hvcl03,"));
    }

    /** A datacenter whose array expects the CHAP secret Right-Secret-16b, every step before connect-storage run. */
    private static SimulatedBuild readyForConnectStorage(Inventory chap) {
        SimulatedBuild b = new SimulatedBuild(chap, DatacenterBuilder.fresh(chap).domainPassword(SimulatedBuild.PASSWORD)
                .chapSecret(Secret.of("Right-Secret-16b")).build());
        b.runBefore(ConnectStorageStep.ID);
        return b;
    }

    private static String error(ScriptResult r) {
        assertThat(r.exitCode()).as("the script failed").isEqualTo(1);
        return r.structured().orElseThrow().get("error").asText();
    }

    @Test
    void freshIscsiLunsAreInvisibleUntilTheSessionsExistThenShowOnceWithTwoPaths() {
        SimulatedBuild b = build(DatacenterBuilder.fresh(INV));
        b.runBefore(ConnectStorageStep.ID);
        assertThat(copies(facts(b, "HV01"), "CSV-03-01")).as("no session yet").isZero();

        ScriptResult r = connect(b, INV, "HV01", Map.of());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        HostFacts f = facts(b, "HV01");
        assertThat(copies(f, "WITNESS-03")).isEqualTo(1);
        assertThat(copies(f, "CSV-03-01")).isEqualTo(1);
        assertThat(f.storage().sessions()).extracting(HostFacts.IscsiSession::portalAddress)
                .containsExactlyInAnyOrder("10.20.1.100", "10.20.2.100");
        assertThat(f.storage().sessions()).allSatisfy(s -> assertThat(s.persistent()).isTrue());
        assertThat(f.storage().iscsiStartType()).isEqualTo("Automatic");
        assertThat(f.storage().msdsmIscsiClaim()).isTrue();
        assertThat(f.storage().loadBalancePolicy()).isEqualTo("RR");
        assertThat(f.featureInstalled("Multipath-IO")).isTrue();
        assertThat(f.featureInstalled("Hyper-V")).as("installed in the same restart").isTrue();
        assertThat(r.structured().orElseThrow().get("data").get("lunPaths").get("CSV1").asInt()).isEqualTo(2);
        assertThat(b.dc.requireHost("HV01").bootCount).as("one restart cycle (Hyper-V's own second boot included)")
                .isLessThanOrEqualTo(3);
        assertThat(STEP.diff(INV.host("HV01").orElseThrow(), view(b, INV)).inDesiredState()).as("a second run plans nothing").isTrue();

        ScriptResult again = connect(b, INV, "HV01", Map.of());
        assertThat(again.structured().orElseThrow().get("changed").asBoolean()).as("running the script again changes nothing").isFalse();
    }

    @Test
    void theLoadBalancePolicyIsPlannedAndSetBeforeTheRestartAsTheScriptSetsItWithTheClaim() {
        SimulatedBuild b = build(DatacenterBuilder.fresh(INV));
        b.runBefore(ConnectStorageStep.ID);
        List<Change> changes = STEP.diff(INV.host("HV01").orElseThrow(), view(b, INV)).changes();
        List<String> objects = changes.stream().map(Change::object).toList();
        assertThat(objects).contains("MSDSM default load-balance policy");
        int restart = changes.indexOf(changes.stream().filter(c -> c.action() == Action.RESTART).findFirst().orElseThrow());
        assertThat(objects.indexOf("MSDSM default load-balance policy")).as("before the restart, as Set-HvcMsdsm runs it").isLessThan(restart);

        Host h = INV.host("HV01").orElseThrow();
        Phase apply = STEP.phases().get(0);
        ScriptResult r = b.execute("HV01", STEP.id(), apply.name(), SimulatedBuild.render(INV, STEP, apply, h), Map.of());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).contains("changed: set the MSDSM default load-balance policy to RR");
    }

    @Test
    void aLunConnectedOverTwoPathsWithoutMpioIsSeenTwiceAndThePlanRestartsOnceForMultipathIo() {
        SimulatedBuild b = build(DatacenterBuilder.fresh(INV).iscsiConnectedWithoutMpio("HV01"));
        b.runBefore(ConnectStorageStep.ID);
        HostFacts f = facts(b, "HV01");
        assertThat(copies(f, "CSV-03-01")).as("one disk per path").isEqualTo(2);

        StepPlan plan = STEP.diff(INV.host("HV01").orElseThrow(), view(b, INV));
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.changes()).filteredOn(c -> c.action() == Action.RESTART).singleElement()
                .satisfies(c -> assertThat(c.after()).startsWith("Multipath-IO needs it"));
        assertThat(plan.changes()).extracting(Change::object).contains("feature Multipath-IO");

        assertThat(connect(b, INV, "HV01", Map.of()).exitCode()).isZero();
        assertThat(copies(facts(b, "HV01"), "CSV-03-01")).as("claimed by the Microsoft DSM after the restart").isEqualTo(1);
    }

    @Test
    void aNewBuildPlansOneRestartPerHostAndEnableHyperVFindsHyperVInstalled() {
        SimulatedBuild b = build(DatacenterBuilder.fresh(INV));
        Map<String, HostFacts> all = new LinkedHashMap<>();
        INV.hosts().forEach(h -> all.put(h.name(), facts(b, h.name())));
        Plan plan = new Planner().plan(INV, all, RebootStrategy.AUTO);
        for (Host h : INV.hosts()) {
            List<Change> restarts = plan.steps().stream().filter(s -> s.host().equals(h.name()))
                    .flatMap(s -> s.changes().stream()).filter(c -> c.action() == Action.RESTART).toList();
            assertThat(restarts).as(h.name()).singleElement().satisfies(c -> assertThat(c.after())
                    .isEqualTo("Multipath-IO needs it; Hyper-V is installed in the same restart, so enable-hyper-v finds it installed"));
        }
        assertThat(plan.steps()).filteredOn(s -> s.stepId().equals("enable-hyper-v")).allSatisfy(s -> assertThat(s.changes())
                .singleElement().satisfies(c -> assertThat(c.action()).isEqualTo(Action.RUN)));
        assertThat(plan.steps().stream().flatMap(s -> s.problems().stream()).toList()).as("no LUN problem before connect-storage")
                .isEmpty();

        b.runAll();
        assertThat(INV.hosts()).allSatisfy(h -> assertThat(b.dc.requireHost(h.name()).iscsi.sessions).hasSize(2));
        Map<String, HostFacts> after = new LinkedHashMap<>();
        INV.hosts().forEach(h -> after.put(h.name(), facts(b, h.name())));
        assertThat(new Planner().plan(INV, after, RebootStrategy.AUTO).steps())
                .filteredOn(s -> s.stepId().equals(ConnectStorageStep.ID)).allSatisfy(s -> assertThat(s.inDesiredState()).isTrue());
    }

    @Test
    void aPortalThatRefusesNamesHostPortalAndTheFix() {
        SimulatedBuild b = build(DatacenterBuilder.fresh(INV).refusingPortal("10.20.2.100"));
        b.runBefore(ConnectStorageStep.ID);
        assertThat(error(connect(b, INV, "HV02", Map.of()))).isEqualTo("portal 10.20.2.100 did not answer HV02 from 'iSCSI 2' "
                + "(10.20.2.12): The target portal could not be reached. (connection refused); check that the array listens on TCP 3260 "
                + "on that address and that the iSCSI network reaches it (Test-NetConnection 10.20.2.100 -Port 3260)");
    }

    @Test
    void aTargetWithNoLunsForThisInitiatorSaysWhatToMap() {
        SimulatedBuild b = build(DatacenterBuilder.fresh(INV).iscsiLunsNotMappedTo("HV03"));
        b.runBefore(ConnectStorageStep.ID);
        assertThat(error(connect(b, INV, "HV03", Map.of()))).isEqualTo("target iqn.1992-08.com.example:san01.hvcl03 on portal "
                + "10.20.1.100 presents no LUNs to HV03: map the LUNs to initiator iqn.1991-05.com.microsoft:hv03.corp.example.com "
                + "on the array");
    }

    @Test
    void aLunOfAnotherSizeThanTheInventorySaysIsRefused() {
        SimulatedBuild b = build(DatacenterBuilder.fresh(INV).lunSize("CSV2", 1024L * 1024 * 1024 * 1024));
        b.runBefore(ConnectStorageStep.ID);
        String sentence = "LUN 'CSV2' (serial 'CSV-03-02') is 1099511627776 bytes on "
                + "HV01, the inventory says 2199023255552: the array presents another LUN under this serial, or the inventory's size "
                + "is wrong";
        assertThat(error(connect(b, INV, "HV01", Map.of()))).isEqualTo(sentence);
        assertThat(STEP.diff(INV.host("HV01").orElseThrow(), view(b, INV)).problems()).as("the plan says it too").containsExactly(sentence);
    }

    @Test
    void aWrongChapSecretIsRefusedWithoutShowingIt() {
        Inventory chap = chapInventory();
        SimulatedBuild b = readyForConnectStorage(chap);
        ScriptResult r = connect(b, chap, "HV01", Map.of(ConnectStorageStep.CHAP_SECRET, Secret.of("Wrong-Secret-16b")));
        assertThat(error(r)).isEqualTo("target iqn.1992-08.com.example:san01.hvcl03 on portal 10.20.1.100 from 'iSCSI 1' (10.20.1.11) "
                + "on HV01 refused the CHAP logon (Authentication Failure.): the secret in HVCLUSTER_CHAP_SECRET or the user 'hvcl03' "
                + "does not match the array's; fix it and run again");
        assertThat(r.stdout() + r.stderr()).doesNotContain("Wrong-Secret-16b").doesNotContain("Right-Secret-16b");

        SimulatedBuild ok = readyForConnectStorage(chap);
        assertThat(connect(ok, chap, "HV01", Map.of(ConnectStorageStep.CHAP_SECRET, Secret.of("Right-Secret-16b"))).exitCode()).isZero();
    }

    @Test
    void aChapLogonWithoutItsSecretSaysWhereToSetItAndThePlanCarriesOnlyTheSecretsName() {
        Inventory chap = chapInventory();
        SimulatedBuild b = readyForConnectStorage(chap);
        assertThat(error(connect(b, chap, "HV01", Map.of()))).isEqualTo("the CHAP secret was not supplied: set HVCLUSTER_CHAP_SECRET "
                + "where hvcluster runs (a script run by hand needs $HvcSecrets = @{ IscsiChapSecret = ... })");
        assertThat(b.dc.requireHost("HV01").iscsi.sessions).isEmpty();

        StepPlan plan = STEP.diff(chap.host("HV01").orElseThrow(), view(b, chap));
        List<ConnectIscsiTarget> logons = plan.changes().stream().flatMap(c -> c.operation().stream())
                .filter(ConnectIscsiTarget.class::isInstance).map(ConnectIscsiTarget.class::cast).toList();
        assertThat(logons).hasSize(2).allSatisfy(op -> {
            assertThat(op.chap()).isEqualTo(new IscsiChap("hvcl03", ConnectStorageStep.CHAP_SECRET, "HVCLUSTER_CHAP_SECRET"));
            assertThat(op.isPersistent()).isTrue();
            assertThat(op.toString()).doesNotContain("Right-Secret-16b");
        });
    }

    @Test
    void beforeConnectStorageThePlanWaitsForTheLunsButAScriptThatRunsAnywayFailsAsFindHvcDiskDoes() {
        SimulatedBuild b = build(DatacenterBuilder.fresh(INV));
        Step<?> prepare = StandardPipeline.create().step("prepare-shared-disks").orElseThrow();
        assertThat(prepare.diff(INV.firstNode(), view(b, INV)).problems()).as("the planner: once connect-storage has connected it").isEmpty();
        SimulatedBuild.Run r = b.run("prepare-shared-disks", "HV01");
        assertThat(r.result().exitCode()).isEqualTo(1);
        assertThat(r.json().get("error").asText()).isEqualTo("disk 'Witness' (serial 'WITNESS-03', unique id ''): expected exactly one on HV01, found 0");
    }

    @Test
    void fibreChannelLunsAreVisibleAtOnceAndTheStepHasNothingToDo() throws IOException {
        Inventory fc = InventoryLoader.load(Files.readString(Path.of("inventories/lab-3node.yaml")), "lab-3node.yaml").inventory().orElseThrow();
        SimulatedBuild b = new SimulatedBuild(fc, DatacenterBuilder.fresh(fc).domainPassword(SimulatedBuild.PASSWORD).build());
        HostFacts f = facts(b, "HV01");
        assertThat(f.disks()).filteredOn(d -> !d.isBoot()).hasSize(2);
        Step<?> step = StandardPipeline.create().step(ConnectStorageStep.ID).orElseThrow();
        assertThat(step.diff(fc.host("HV01").orElseThrow(), view(b, fc)).inDesiredState()).isTrue();
    }
}
