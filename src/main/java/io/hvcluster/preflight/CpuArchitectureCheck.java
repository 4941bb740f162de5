package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;

/** Hyper-V runs on x64 only: Win32_Processor.Architecture 9. */
final class CpuArchitectureCheck implements PreflightCheck {

    static final int X64 = 9;

    @Override
    public String id() {
        return "cpu-architecture";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        in.hostFacts().forEach((Host h, HostFacts f) -> {
            if (f.cpu() != null && f.cpu().architecture() != X64) {
                out.error(h.name(), "processor architecture " + f.cpu().architecture() + " (" + f.cpu().model() + ")",
                        "x64 (Win32_Processor.Architecture 9)", "Hyper-V needs an x64 processor: use another server for " + h.name());
            }
        });
    }
}
