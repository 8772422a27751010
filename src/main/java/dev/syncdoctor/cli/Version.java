package dev.syncdoctor.cli;

import picocli.CommandLine.IVersionProvider;

/** Program and engine versions, from the jar manifest and the Drools jar. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"syncdoctor " + program(), "Drools " + drools(), "Java " + System.getProperty("java.version")};
    }

    public static String program() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public static String drools() {
        // Read from the Drools jar's Maven metadata, which survives shading; the cache keys on the same value.
        return dev.syncdoctor.knowledge.DroolsInternals.version();
    }
}
