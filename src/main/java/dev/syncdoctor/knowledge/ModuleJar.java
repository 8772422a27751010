package dev.syncdoctor.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;

/**
 * Turns an executable-model module jar straight into a {@link KieBase}: its generated classes are
 * defined in a class loader of their own and its rule models handed to Drools' model builder. This
 * skips what a KieContainer does around it (module repository, kmodule.xml and pom parsing), which is
 * most of the time a reload takes.
 */
final class ModuleJar {
    private static final String MODEL_FILE = "/drools-model";

    private ModuleJar() {
    }

    static KieBase kieBaseOf(byte[] jar) throws IOException, ReflectiveOperationException {
        Map<String, byte[]> classes = new HashMap<>();
        List<String> modelClasses = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (name.endsWith(".class")) {
                    classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), zip.readAllBytes());
                } else if (name.startsWith("META-INF/kie/") && name.endsWith(MODEL_FILE)) {
                    for (String line : new String(zip.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        String l = line.trim();
                        if (!l.isEmpty() && !l.startsWith("Drools-Model-Version")) {
                            modelClasses.add(l);
                        }
                    }
                }
            }
        }
        if (modelClasses.isEmpty()) {
            throw new IOException("no rule model in the module jar");
        }
        ClassLoader loader = new Loader(classes, ModuleJar.class.getClassLoader());
        List<Model> models = new ArrayList<>();
        for (String name : modelClasses) {
            models.add((Model) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
        }
        KieBaseConfiguration conf = KieServices.get().newKieBaseConfiguration(null, loader);
        return KieBaseBuilder.createKieBaseFromModel(models, conf);
    }

    /** Defines the module's classes from their bytes, everything else from the program. */
    private static final class Loader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> classes;

        Loader(Map<String, byte[]> classes, ClassLoader parent) {
            super("syncdoctor-rules", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }
}
