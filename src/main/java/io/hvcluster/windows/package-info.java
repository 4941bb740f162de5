/**
 * Windows changes at the level of one cmdlet call (rename an adapter, add an IP address, install a feature, create a
 * switch, ...), as typed data. A step's plan carries, with each change it shows the admin, the operation that makes
 * it; the step's template makes the same call in PowerShell, and the simulator applies the operation to its model of
 * Windows with the behaviour Windows documents for that cmdlet. Operations name their object as the facts found it
 * (an interface index, a disk number), so applying one decides nothing: every decision stays in the step's plan.
 */
package io.hvcluster.windows;
