package io.hvcluster.inventory.check;

/** How bad a problem is: an error stops every command, a warning is advice. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word printed in a problem line, as compilers print it. */
    public String label() {
        return label;
    }
}
