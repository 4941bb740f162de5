package io.hvcluster.inventory.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void formatsLikeACompiler() {
        assertThat(Problem.error("hosts[2].nics.Cluster.ip", 41, 46, "10.10.9.12 is not in the 'Cluster' subnet")
                .format("inventories/lab.yaml"))
                .isEqualTo("inventories/lab.yaml:41:46: error: hosts[2].nics.Cluster.ip: 10.10.9.12 is not in the "
                        + "'Cluster' subnet");
        assertThat(Problem.warning("cluster.witness", 5, 11, "no witness").format("a.yaml"))
                .isEqualTo("a.yaml:5:11: warning: cluster.witness: no witness");
    }

    @Test
    void yamlErrorsHaveNoPath() {
        assertThat(Problem.error("", 2, 1, "invalid YAML: a tab").format("a.yaml"))
                .isEqualTo("a.yaml:2:1: error: invalid YAML: a tab");
    }

    @Test
    void problemsAreSortedByPositionKeepingRuleOrderForTies() {
        Problems problems = new Problems();
        Problem late = Problem.error("b", 9, 1, "late");
        Problem sameSpotFirst = Problem.warning("a", 3, 5, "first");
        Problem sameSpotSecond = Problem.error("a", 3, 5, "second");
        Problem early = Problem.error("a", 3, 2, "early");
        problems.add(late);
        problems.add(sameSpotFirst);
        problems.add(sameSpotSecond);
        problems.add(early);
        assertThat(problems.sorted()).containsExactly(early, sameSpotFirst, sameSpotSecond, late);
        assertThat(problems.hasErrors()).isTrue();
    }

    @Test
    void warningsAloneAreNotErrors() {
        Problems problems = new Problems();
        problems.add(Problem.warning("a", 1, 1, "w"));
        assertThat(problems.hasErrors()).isFalse();
    }
}
