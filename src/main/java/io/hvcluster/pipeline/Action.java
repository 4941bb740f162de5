package io.hvcluster.pipeline;

/** What a planned change does to its object, as Terraform's plan symbols show it. */
public enum Action {
    /** Something that does not exist yet is created or added ({@code +}). */
    ADD,
    /** An existing object gets another value ({@code ~ before → after}). */
    CHANGE,
    /** Something is removed or turned off ({@code -}). */
    REMOVE,
    /** An action that leaves no state to compare runs (validation). */
    RUN,
    /** The host restarts (or resumes after one). */
    RESTART,
    /**
     * A disk is initialized and formatted ({@code !!}, in red): only ever a RAW disk, which holds nothing, but an admin
     * must see which disk before confirming, as for anything that writes a partition table.
     */
    FORMAT
}
