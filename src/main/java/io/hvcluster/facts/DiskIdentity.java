package io.hvcluster.facts;

import io.hvcluster.inventory.DiskSpec;
import java.util.List;

/**
 * How a shared disk is recognised on a host: by serial number and/or unique id, never by disk number. The one
 * matcher the planner, the preflight and the simulator use, with the rules of templates/_lib/disks.ps1.vm
 * (Find-HvcDisk) and so of Windows:
 * <ul>
 *   <li>the serial number is trimmed first: Get-Disk pads it with spaces where Get-PhysicalDisk does not
 *       (PowerShell/PowerShell#12616), SCSI VPD page 0x80 serials are right-aligned (libstorage/libstoragemgmt#207);</li>
 *   <li>both compare case-insensitively, as PowerShell's {@code -eq} does on strings
 *       (about_Comparison_Operators: "String comparisons are case-insensitive unless you use the explicit
 *       case-sensitive operator").</li>
 * </ul>
 * See docs/windows-behaviour.md, "Shared disks".
 *
 * @param serial   the serial number wanted, "" when not given
 * @param uniqueId the unique id wanted, "" when not given
 */
public record DiskIdentity(String serial, String uniqueId) {

    public DiskIdentity {
        serial = serial == null ? "" : serial.trim();
        uniqueId = uniqueId == null ? "" : uniqueId;
    }

    public static DiskIdentity of(DiskSpec spec) {
        return new DiskIdentity(spec.serial().orElse(""), spec.uniqueId().orElse(""));
    }

    /** Whether a disk reporting these values is this one. */
    public boolean matches(String diskSerial, String diskUniqueId) {
        return (serial.isEmpty() || nullToEmpty(diskSerial).trim().equalsIgnoreCase(serial))
                && (uniqueId.isEmpty() || nullToEmpty(diskUniqueId).equalsIgnoreCase(uniqueId));
    }

    /** The disks among a host's facts that are this one (exactly one when all is well). */
    public List<HostFacts.Disk> matching(HostFacts facts) {
        return facts.disks().stream().filter(d -> matches(d.serial(), d.uniqueId())).toList();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
