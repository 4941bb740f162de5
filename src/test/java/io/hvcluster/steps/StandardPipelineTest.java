package io.hvcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.pipeline.Pipeline;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guide's order and scopes, as facts that would fail if someone reordered the pipeline. */
class StandardPipelineTest {

    private final Pipeline pipeline = StandardPipeline.create();

    @Test
    void stepsComeInTheGuidesOrder() {
        assertThat(pipeline.steps()).extracting(Step::id).containsExactly(
                "rename-adapters", "configure-addresses", "unbind-protocols", "connect-storage", "install-failover-clustering",
                "prepare-shared-disks", "validate-cluster", "create-cluster", "configure-quorum", "enable-hyper-v", "add-shared-volumes",
                "create-virtual-switches", "configure-cluster-networks", "host-settings", "final-validation");
    }

    @Test
    void scopesMatchTheGuide() {
        assertThat(scope("rename-adapters")).isEqualTo(Scope.EACH_HOST);
        assertThat(scope("install-failover-clustering")).isEqualTo(Scope.EACH_HOST);
        assertThat(scope("validate-cluster")).isEqualTo(Scope.CLUSTER);
        assertThat(scope("create-cluster")).isEqualTo(Scope.CLUSTER);
        assertThat(scope("enable-hyper-v")).isEqualTo(Scope.ONE_HOST_AT_A_TIME);
        assertThat(scope("add-shared-volumes")).isEqualTo(Scope.CLUSTER);
        assertThat(scope("create-virtual-switches")).isEqualTo(Scope.EACH_HOST);
    }

    @Test
    void sharedDisksArePreparedOnTheFirstNodeBeforeValidation() {
        assertThat(scope("prepare-shared-disks")).isEqualTo(Scope.CLUSTER);
        assertThat(pos("prepare-shared-disks")).isLessThan(pos("validate-cluster"));
        assertThat(pipeline.step("validate-cluster").orElseThrow().dependsOn()).contains("prepare-shared-disks");
    }

    @Test
    void hyperVComesAfterTheClusterExists() {
        assertThat(pos("enable-hyper-v")).isGreaterThan(pos("create-cluster"));
        assertThat(pipeline.step("enable-hyper-v").orElseThrow().phases().get(0).rebootsHost()).isTrue();
    }

    @Test
    void switchesComeAfterHyperVAndSharedVolumesAfterTheCluster() {
        assertThat(pos("create-virtual-switches")).isGreaterThan(pos("enable-hyper-v"));
        assertThat(pos("add-shared-volumes")).isGreaterThan(pos("create-cluster"));
        assertThat(pos("validate-cluster")).isLessThan(pos("create-cluster")).isGreaterThan(pos("install-failover-clustering"));
        assertThat(pos("unbind-protocols")).isLessThan(pos("validate-cluster"));
    }

    @Test
    void aPipelineThatBreaksADependencyIsRefused() {
        assertThatThrownBy(() -> new Pipeline(List.of(new CreateVirtualSwitchesStep(), new EnableHyperVStep())))
                .hasMessageContaining("create-virtual-switches depends on");
    }

    private Scope scope(String id) {
        return pipeline.step(id).orElseThrow().scope();
    }

    private int pos(String id) {
        return pipeline.position(id);
    }
}
