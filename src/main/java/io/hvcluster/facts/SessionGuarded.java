package io.hvcluster.facts;

import java.util.List;

/**
 * Parameters of a step whose script finds the adapter the WinRM session runs over, to leave it alone
 * ({@link SessionGuard}). The simulator reads the host's facts with these values, as the script does.
 */
public interface SessionGuarded {

    List<Integer> winrmPorts();

    String connectAddress();
}
