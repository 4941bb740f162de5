package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.facts.PreflightProbe;
import io.hvcluster.inventory.Connection;
import io.hvcluster.inventory.load.LoadResult;
import io.hvcluster.plan.Plan;
import io.hvcluster.plan.RebootDecision;
import io.hvcluster.plan.RebootStrategy;
import io.hvcluster.pipeline.Action;
import io.hvcluster.pipeline.Change;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.secrets.Secret;
import io.hvcluster.facts.Delegation;
import io.hvcluster.testing.InventoryFixtures;
import io.hvcluster.testing.InventoryYaml;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Over plain HTTP the domain password is refused unless connection.allowPasswordOverHttp says otherwise. */
class PasswordOverHttpTest {

    private static final Map<String, Secret> PASSWORD = Map.of(Delegation.PASSWORD_SECRET, Secret.of("Dom-P@ss"));

    private static Connection connection(String https, String extra) {
        LoadResult r = InventoryYaml.base().replace("  https: true", "  https: " + https + extra).load();
        return r.inventory().orElseThrow(() -> new AssertionError(r.problems())).connection();
    }

    private static Plan plan(boolean clusterToCreate) {
        List<StepPlan> steps = List.of(
                new StepPlan("rename-adapters", "HV01", List.of(new Change(Action.CHANGE, "HV01", "name of adapter 'Ethernet'", "Ethernet", "Cluster")), List.of()),
                new StepPlan("create-cluster", "HV01", clusterToCreate
                        ? List.of(new Change(Action.ADD, "HV01", "cluster HVCL01", "", "HVCL01")) : List.<Change>of(), List.of()));
        return new Plan(steps, new RebootDecision(RebootStrategy.AUTO, RebootStrategy.PARALLEL, "test"));
    }

    @Test
    void theInventoryKeyIsValidatedAndWarns() {
        assertThat(connection("false", "\n  allowPasswordOverHttp: true").allowPasswordOverHttp()).isTrue();
        assertThat(connection("false", "").allowPasswordOverHttp()).isFalse();
        LoadResult allowed = InventoryYaml.base().replace("  https: true", "  https: false\n  allowPasswordOverHttp: true").load();
        assertThat(allowed.warnings()).anySatisfy(p -> assertThat(p.message()).contains("cleartext"));
        LoadResult wrongType = InventoryYaml.base().replace("  https: true", "  https: false\n  allowPasswordOverHttp: maybe").load();
        assertThat(wrongType.errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("connection.allowPasswordOverHttp");
            assertThat(p.message()).isEqualTo("expected true or false, found 'maybe'");
        });
    }

    @Test
    void applyIsRefusedBeforeAnyChangeWhenACreateNeedsThePasswordOverHttp() {
        Connection http = connection("false", "");
        assertThatThrownBy(() -> PasswordOverHttp.refuseApply(http, plan(true))).isInstanceOf(UserException.class)
                .hasMessageContaining("cannot apply: create-cluster must deliver the domain password")
                .hasMessageContaining("allowPasswordOverHttp").hasMessageContaining("Nothing was changed");
        assertThatCode(() -> PasswordOverHttp.refuseApply(http, plan(false))).doesNotThrowAnyException();
        assertThatCode(() -> PasswordOverHttp.refuseApply(connection("false", "\n  allowPasswordOverHttp: true"), plan(true)))
                .doesNotThrowAnyException();
        assertThatCode(() -> PasswordOverHttp.refuseApply(connection("true", ""), plan(true))).doesNotThrowAnyException();
    }

    @Test
    void everyRunOverHttpSaysWhatHappensToThePassword() {
        assertThat(PasswordOverHttp.notice(connection("false", "\n  allowPasswordOverHttp: true")))
                .hasValueSatisfying(n -> assertThat(n).startsWith("warning:").contains("cleartext"));
        assertThat(PasswordOverHttp.notice(connection("false", ""))).hasValueSatisfying(n -> assertThat(n).contains("refused"));
        assertThat(PasswordOverHttp.notice(connection("true", ""))).isEmpty();
    }

    @Test
    void theExecutorNeverSendsThePasswordOverHttpUnlessAllowed() {
        List<Script> sent = new ArrayList<>();
        ScriptExecutor recording = (script, timeout, sink) -> {
            sent.add(script);
            return new ScriptResult(0, "", "", Duration.ZERO);
        };
        ScriptExecutor guarded = PasswordOverHttp.guard(connection("false", ""), h -> recording)
                .open(InventoryFixtures.fourNodes().hosts().get(0));
        assertThatThrownBy(() -> guarded.run(new Script("HV01", "create-cluster", "apply", "f.ps1", "x", PASSWORD),
                Duration.ofSeconds(1), OutputSink.discard())).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("create-cluster not sent").hasMessageNotContaining("Dom-P@ss");
        guarded.run(new Script("HV01", PreflightProbe.ID, "probe", "p.ps1", "x", PASSWORD), Duration.ofSeconds(1), OutputSink.discard());
        guarded.run(new Script("HV01", "rename-adapters", "apply", "r.ps1", "x"), Duration.ofSeconds(1), OutputSink.discard());
        assertThat(sent).extracting(Script::stepId).containsExactly(PreflightProbe.ID, "rename-adapters");
        assertThat(sent).allSatisfy(s -> assertThat(s.secrets()).isEmpty());

        ScriptExecutor allowed = PasswordOverHttp.guard(connection("false", "\n  allowPasswordOverHttp: true"), h -> recording)
                .open(InventoryFixtures.fourNodes().hosts().get(0));
        allowed.run(new Script("HV01", "create-cluster", "apply", "f.ps1", "x", PASSWORD), Duration.ofSeconds(1), OutputSink.discard());
        assertThat(sent.get(2).secrets()).isEqualTo(PASSWORD);
    }
}
