package io.hvcluster.pipeline;

import java.util.Locale;

/**
 * One script of a step. Most steps have a single {@link Kind#APPLY} phase; enable-hyper-v has APPLY (install, then
 * restart) and {@link Kind#AFTER_REBOOT} (check the logs, resume the node), which runs only after the restart.
 *
 * @param kind        which script of the step
 * @param template    the template, relative to the templates folder
 * @param rebootsHost whether the script ends by scheduling a restart the runner must wait for
 */
public record Phase(Kind kind, String template, boolean rebootsHost) {

    /** The scripts a step can have. */
    public enum Kind {
        /** Converges the host; every step has it, first. */
        APPLY,
        /** Checks and finishes after the restart the APPLY script scheduled. */
        AFTER_REBOOT;

        /** The name in script headers, file names and events ("apply", "after-reboot"). */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** "apply" or "after-reboot": the name script headers, bundle file names and run events use. */
    public String name() {
        return kind.id();
    }

    public static Phase apply(String stepId) {
        return new Phase(Kind.APPLY, stepId + "/apply.ps1.vm", false);
    }
}
