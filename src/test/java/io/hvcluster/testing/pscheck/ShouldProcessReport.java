package io.hvcluster.testing.pscheck;

import java.util.List;

/**
 * What tools/pscheck/shouldprocess.mjs found: the catalog's verbs it treats as changing and as read-only, and per
 * script whether it is an advanced script with SupportsShouldProcess and which state-changing calls are unguarded.
 */
public record ShouldProcessReport(Verbs verbs, List<FileResult> files) {

    public record Verbs(List<String> changing, List<String> readOnly) {
    }

    public record FileResult(String file, boolean paramBlockFirst, boolean supportsShouldProcess, List<Unguarded> unguarded) {

        /** True when -WhatIf and -Confirm reach every change this script makes. */
        public boolean honoursWhatIf() {
            return paramBlockFirst && supportsShouldProcess && unguarded.isEmpty();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(file);
            if (!paramBlockFirst) {
                sb.append(": the first statement is not the param block");
            } else if (!supportsShouldProcess) {
                sb.append(": [CmdletBinding()] without SupportsShouldProcess");
            }
            for (Unguarded u : unguarded) {
                sb.append("\n  ").append(file).append(':').append(u.line()).append(':').append(u.column())
                        .append(": ").append(u.command()).append(" is not behind $PSCmdlet.ShouldProcess");
            }
            return sb.toString();
        }
    }

    public record Unguarded(int line, int column, String command) {
    }
}
