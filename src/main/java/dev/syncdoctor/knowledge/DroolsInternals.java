package dev.syncdoctor.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieModule;
import org.kie.api.runtime.KieSession;

/**
 * The one place that reaches past Drools' public KIE API: an upgrade that moves these internals breaks
 * here and nowhere else. Each use falls back to the public API's behaviour when the internal is missing.
 */
public final class DroolsInternals {
    private static volatile String version;

    private DroolsInternals() {
    }

    /** The Drools version, from the Maven metadata Drools ships (kept in a shaded jar), else the package, else unknown. */
    public static String version() {
        String v = version;
        if (v == null) {
            v = readVersion();
            version = v;
        }
        return v;
    }

    private static String readVersion() {
        try (InputStream in = KieServices.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.drools/drools-core/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        String v = KieBase.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "unknown" : v;
    }

    /**
     * Empties a session (working memory, agenda, listeners) so the next case can use it, as a new session
     * would be; false when this session cannot be reset (then it must be disposed).
     */
    public static boolean reset(KieSession session) {
        if (session instanceof org.drools.kiesession.session.StatefulKnowledgeSessionImpl impl) {
            impl.reset();
            return true;
        }
        return false;
    }

    /** The bytes of a built module jar, or null when the module is not one Drools can serialise. */
    static byte[] moduleJar(KieModule module) {
        if (module instanceof org.drools.compiler.kie.builder.impl.InternalKieModule internal) {
            return internal.getBytes();
        }
        return null;
    }
}
