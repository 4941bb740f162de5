package io.hvcluster.windows;

/**
 * {@code Set-VMHost -<setting> <value>}: one Hyper-V host setting.
 *
 * @param setting which one
 * @param value   its new value as PowerShell binds it (a path, a number, an enum name)
 */
public record SetVMHost(Setting setting, String value) implements WindowsOp {

    /** The Set-VMHost parameters hvcluster sets (each is also the Get-VMHost property of that name). */
    public enum Setting {
        VIRTUAL_MACHINE_PATH("VirtualMachinePath"),
        VIRTUAL_HARD_DISK_PATH("VirtualHardDiskPath"),
        MAXIMUM_VIRTUAL_MACHINE_MIGRATIONS("MaximumVirtualMachineMigrations"),
        VIRTUAL_MACHINE_MIGRATION_PERFORMANCE_OPTION("VirtualMachineMigrationPerformanceOption"),
        VIRTUAL_MACHINE_MIGRATION_AUTHENTICATION_TYPE("VirtualMachineMigrationAuthenticationType");

        private final String parameter;

        Setting(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }
}
