package attndx.cli;

import attndx.core.Provenance;
import picocli.CommandLine.IVersionProvider;

/** {@code attndx --version}: AttnDx, DJL and engine versions. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "AttnDx " + Provenance.Version.attndx(),
            "DJL " + Provenance.Version.djl() + ", " + Provenance.Version.engine(),
            "Java " + System.getProperty("java.version")
        };
    }
}
