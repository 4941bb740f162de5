package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;

/**
 * Hardware virtualization (VT-x / AMD-V) and SLAT enabled in the firmware. Windows reads both as false while
 * any hypervisor runs (Hyper-V, VBS, or the host being a VM with nested virtualization), so with a hypervisor
 * present there is nothing to check: it evidently runs.
 */
final class VirtualizationCheck implements PreflightCheck {

    @Override
    public String id() {
        return "cpu-virtualization";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        in.hostFacts().forEach((Host h, HostFacts f) -> {
            HostFacts.Cpu cpu = f.cpu();
            if (cpu == null || cpu.hypervisorPresent()) {
                return;
            }
            if (!cpu.virtualizationFirmwareEnabled()) {
                out.error(h.name(), "hardware virtualization is off in the firmware", "VT-x / AMD-V enabled",
                        "enable Intel VT-x (Virtualization Technology) or AMD-V (SVM) in " + h.name() + "'s BIOS/UEFI setup, then restart it");
            }
            if (!cpu.secondLevelAddressTranslation()) {
                out.error(h.name(), "the processor reports no second level address translation", "SLAT (Intel EPT / AMD RVI), which Hyper-V requires",
                        "enable EPT/RVI in " + h.name() + "'s firmware if it has such a setting; otherwise the processor cannot run Hyper-V");
            }
        });
    }
}
