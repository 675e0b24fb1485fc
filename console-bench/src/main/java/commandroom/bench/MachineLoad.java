package commandroom.bench;

import java.lang.management.ManagementFactory;

/** The machine's load, printed with every harness's figures (this machine is shared and noisy). Stateless. */
public final class MachineLoad {

    private MachineLoad() {}

    /** The 1-minute system load average now, or -1 where the OS does not tell. */
    public static double now() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
