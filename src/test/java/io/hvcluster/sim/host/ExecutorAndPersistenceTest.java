package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.testing.InventoryFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorAndPersistenceTest {

    @TempDir
    Path state;

    @Test
    void aHostRestartingForHyperVIsUnreachableUntilItIsBack() {
        SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        build.runBefore("enable-hyper-v");
        SimulatedBuild.Run apply = build.run("enable-hyper-v", "HV01");
        assertThat(apply.json().get("data").get("rebootScheduled").asBoolean()).isTrue();

        build.clock.advance(build.dc.latencies().shutdownDelayCap().plusMillis(1));
        assertThatThrownBy(() -> build.probe("HV01")).isInstanceOfSatisfying(ExecutionException.class,
                e -> assertThat(e.kind()).isEqualTo(ExecutionException.Kind.UNREACHABLE));
        assertThat(build.dc.nodeState(build.dc.cluster("HVCL01").orElseThrow().node("HV01").orElseThrow())).isEqualTo("Down");

        build.waitForRestart("HV01", apply.json().get("data").get("bootTimeBefore").asText());
        assertThat(build.probe("HV01")).contains("\"hypervisorPresent\":true");
    }

    @Test
    void aHostThatNeverComesBackStaysUnreachable() {
        SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        build.runBefore("enable-hyper-v");
        build.dc.requireHost("HV01").faults.neverComesBack = true;
        build.run("enable-hyper-v", "HV01");
        build.clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> build.probe("HV01")).hasMessage("HV01: WinRM does not answer (the simulated host is down and does not come back)");
    }

    @Test
    void aScriptLongerThanItsTimeoutTimesOut() {
        SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        String text = SimulatedBuild.render(build.inventory, build.pipeline.step("install-failover-clustering").orElseThrow(),
                build.pipeline.step("install-failover-clustering").orElseThrow().phases().get(0), build.inventory.firstNode());
        Script s = new Script("HV01", "install-failover-clustering", "apply", "04.ps1", text);
        assertThatThrownBy(() -> build.executors.get("HV01").run(s, Duration.ofMillis(50), OutputSink.discard()))
                .isInstanceOfSatisfying(ExecutionException.class, e -> assertThat(e.kind()).isEqualTo(ExecutionException.Kind.TIMEOUT));
    }

    @Test
    void outputLinesReachTheSink() {
        SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        String text = SimulatedBuild.render(build.inventory, build.pipeline.step("rename-adapters").orElseThrow(),
                build.pipeline.step("rename-adapters").orElseThrow().phases().get(0), build.inventory.firstNode());
        List<String> lines = new ArrayList<>();
        build.executors.get("HV01").run(new Script("HV01", "rename-adapters", "apply", "01.ps1", text), Duration.ofMinutes(1),
                (stream, line) -> lines.add(stream + " " + line));
        assertThat(lines).contains("STDERR changed: renamed 'Ethernet' [00-15-5D-0A-01-01] to 'Parent'");
        assertThat(lines.get(0)).startsWith("STDOUT {\"step\":\"rename-adapters\",\"phase\":\"apply\",\"host\":\"HV01\",\"changed\":true");
    }

    @Test
    void aSecondRunMeetsTheClusterTheFirstBuiltAndTheStateHoldsNoPassword() throws Exception {
        SimulatedBuild first = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        first.runAll();
        DatacenterStore store = new DatacenterStore(state);
        store.save(first.dc);

        SimulatedDatacenter loaded = store.load(Latencies.fast()).orElseThrow();
        SimulatedBuild second = new SimulatedBuild(first.inventory, loaded);
        assertThat(second.runAll()).noneMatch(SimulatedBuild.Run::changed);
        assertThat(loaded.cluster("HVCL01").orElseThrow().sharedVolumes).hasSize(2);
        assertThat(Files.readString(store.file())).doesNotContain(SimulatedBuild.PASSWORD.reveal());
        assertThat(new DatacenterStore(state.resolve("empty")).load(Latencies.fast())).isEmpty();
    }

    @Test
    void aCorruptStateFileIsOneClearError() throws Exception {
        Files.writeString(state.resolve(DatacenterStore.FILE), "{\"hosts\": 3}");
        assertThatThrownBy(() -> new DatacenterStore(state).load(Latencies.fast()))
                .hasMessageStartingWith("cannot read the simulator's state " + state.resolve(DatacenterStore.FILE) + " (delete it or use --simulate-fresh)");
    }

    @Test
    void aWholeBuildOnTheDefaultLatenciesTakesWellUnderAMinuteOfSimulatedTime() {
        SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        var start = build.clock.now();
        build.runAll();
        assertThat(Duration.between(start, build.clock.now())).isLessThan(Duration.ofSeconds(30));
        assertThat(Map.copyOf(build.dc.hosts)).hasSize(4);
    }
}
