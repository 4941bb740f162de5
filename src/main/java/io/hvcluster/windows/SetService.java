package io.hvcluster.windows;

/**
 * {@code Set-Service -Name <name> -StartupType <startupType>}.
 *
 * @param name        the service's name ("MSiSCSI")
 * @param startupType Automatic, Manual or Disabled
 */
public record SetService(String name, String startupType) implements WindowsOp {
}
