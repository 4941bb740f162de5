package io.hvcluster.sim.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedHostsTest {

    @Test
    void everyHostHasItsOwnPortAndAnswersWithItsOwnName() throws Exception {
        try (SimulatedHosts hosts = SimulatedHosts.start(List.of(SimulatedHostConfig.builder("HV01").build(),
                SimulatedHostConfig.builder("HV02").https(true).build(),
                SimulatedHostConfig.builder("HV03").https(true).build()))) {
            assertThat(hosts.endpoints()).extracting(SimulatedEndpoint::port).doesNotHaveDuplicates();
            for (SimulatedEndpoint e : hosts.endpoints()) {
                assertThat(OverThereRunner.against(e).run("hostname").stdout()).isEqualTo(e.hostName() + "\r\n");
            }
            assertThat(hosts.endpoint("HV02").orElseThrow().certificate().orElseThrow().sha256Fingerprint())
                    .isEqualTo(hosts.endpoint("HV03").orElseThrow().certificate().orElseThrow().sha256Fingerprint());
        }
    }

    @Test
    void duplicateHostNamesAreRejected() {
        assertThatThrownBy(() -> SimulatedHosts.start(List.of(SimulatedHostConfig.builder("HV01").build(),
                SimulatedHostConfig.builder("HV01").build()))).hasMessage("simulated host HV01 is listed twice");
    }
}
