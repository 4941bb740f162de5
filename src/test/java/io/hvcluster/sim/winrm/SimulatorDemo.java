package io.hvcluster.sim.winrm;

import java.util.List;

/**
 * Manual try-out (not a test): starts two simulated hosts and waits for Enter. Then, for example:
 * {@code python3 -c "import winrm; print(winrm.Session('URL', auth=('Administrator','hvcluster-sim'),
 * transport='plaintext').run_cmd('hostname').std_out)"}.
 */
final class SimulatorDemo {

    private SimulatorDemo() {
    }

    public static void main(String[] args) throws Exception {
        try (SimulatedHosts hosts = SimulatedHosts.start(List.of(SimulatedHostConfig.builder("HV01").build(),
                SimulatedHostConfig.builder("HV02").build()))) {
            for (SimulatedEndpoint e : hosts.endpoints()) {
                System.out.println(e.hostName() + " " + e.url() + " user Administrator password hvcluster-sim");
            }
            System.out.println("Press Enter to stop.");
            System.in.read();
        }
    }
}
