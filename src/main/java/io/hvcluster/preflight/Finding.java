package io.hvcluster.preflight;

import io.hvcluster.inventory.check.Severity;

/**
 * One problem a preflight check found.
 *
 * @param severity an error stops plan and apply before anything changes; a warning is advice
 * @param host     the host it concerns, or {@link #CLUSTER} for what concerns the cluster as a whole
 * @param check    the check's id ("os-version")
 * @param found    what the hosts show
 * @param expected what the build needs
 * @param fix      what to do about it
 */
public record Finding(Severity severity, String host, String check, String found, String expected, String fix) {

    public static final String CLUSTER = "cluster";

    public boolean error() {
        return severity == Severity.ERROR;
    }
}
