package attndx.core;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Engine set-up applied before anything touches DJL: offline mode (nothing is downloaded at
 * run time; the native library comes from the Maven artifact) and the device choice.
 */
public final class Engines {
    private Engines() {}

    /** Sets the system properties DJL reads at start-up. Idempotent; call first in every entry point. */
    public static void configure() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.graph_optimizer", System.getProperty("ai.djl.pytorch.graph_optimizer", "false"));
    }

    /** The GPU when one is present, else the CPU. */
    public static Device defaultDevice() {
        configure();
        return Engine.getInstance().defaultDevice();
    }
}
