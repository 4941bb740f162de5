package io.hvcluster.windows;

/**
 * {@code Enable-VMMigration} or {@code Disable-VMMigration}: whether the Hyper-V host takes and sends live migrations.
 *
 * @param enabled true for Enable-VMMigration, false for Disable-VMMigration
 */
public record SetVMMigration(boolean enabled) implements WindowsOp {
}
