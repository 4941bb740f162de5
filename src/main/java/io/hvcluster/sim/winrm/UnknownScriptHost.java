package io.hvcluster.sim.winrm;

/** The PowerShell host used until a host model is plugged in: it knows no script and says so. */
public final class UnknownScriptHost implements PowerShellHost {

    public static final String MESSAGE = "hvcluster simulator: this script is not one the simulator knows (it models"
            + " Windows state for hvcluster's own scripts; it is not a PowerShell interpreter)";

    @Override
    public PowerShellResult run(PowerShellInvocation invocation) {
        return PowerShellResult.failure(MESSAGE);
    }
}
