package io.hvcluster.pipeline;

/**
 * One script of a step. Most steps have a single "apply" phase; enable-hyper-v has "apply" (install, then
 * restart) and "after-reboot" (check the logs, resume the node).
 *
 * @param name           "apply" or "after-reboot"
 * @param template       the template, relative to the templates folder
 * @param rebootsHost    whether the script ends by scheduling a restart the runner must wait for
 */
public record Phase(String name, String template, boolean rebootsHost) {

    public static Phase apply(String stepId) {
        return new Phase("apply", stepId + "/apply.ps1.vm", false);
    }
}
