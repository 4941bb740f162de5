package io.hvcluster.windows;

/**
 * {@code Start-Service -Name <name>}.
 *
 * @param name the service's name ("MSiSCSI")
 */
public record StartService(String name) implements WindowsOp {
}
