package io.hvcluster.run;

/** How one step ended on one host. */
public enum StepStatus {
    /** The script ran and changed something; the re-probe confirmed the desired state. */
    CHANGED,
    /** Already in the desired state: no script ran (or it ran and changed nothing). */
    UNCHANGED,
    /** The script failed, or the host could not be reached. */
    FAILED,
    /** The script succeeded but the re-probe still shows differences. */
    NOT_CONVERGED,
    /** Not run because something it depends on failed. */
    SKIPPED,
    /** Dry run: what would run, not run. */
    PLANNED
}
