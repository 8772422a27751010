package dev.syncdoctor.knowledge;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the executable model of rules that already compiled the classic way: a module jar of generated
 * classes that {@link ModuleJar} reloads without compiling. Null (logged) whenever Drools cannot build
 * it: such rules are simply not cached.
 */
final class ExecutableModelBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutableModelBuilder.class);
    private static final String GROUP = "dev.syncdoctor.rules";
    private static final String RESOURCES = "src/main/resources/";

    private ExecutableModelBuilder() {
    }

    /** The module jar of {@code files}, checked to reload, or null. {@code key} keeps modules of different rules apart. */
    static byte[] build(RuleFiles files, String key) {
        long start = System.nanoTime();
        try {
            KieServices ks = KieServices.Factory.get();
            KieFileSystem kfs = ks.newKieFileSystem();
            kfs.generateAndWritePomXML(ks.newReleaseId(GROUP, "cached-" + key.substring(0, 24), "1.0.0"));
            for (Map.Entry<String, byte[]> file : files.files().entrySet()) {
                if (RuleFiles.isRuleFile(file.getKey())) {
                    kfs.write(RESOURCES + file.getKey(), file.getValue());
                }
            }
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll(org.drools.model.codegen.ExecutableModelProject.class);
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                LOG.debug("the executable model cannot build these rules, so they are not cached: {}", errors);
                return null;
            }
            byte[] bytes = DroolsInternals.moduleJar(builder.getKieModule());
            if (bytes == null) {
                LOG.debug("the executable model gave no module jar, so the rules are not cached");
                return null;
            }
            // Store only what a later run can load: a module that does not reload would be rebuilt every run.
            ModuleJar.kieBaseOf(bytes);
            LOG.debug("built and reloaded the executable model ({} bytes) in {} ms", bytes.length, (System.nanoTime() - start) / 1_000_000);
            return bytes;
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("the executable model cannot build these rules, so they are not cached", e);
            return null;
        }
    }
}
