package dev.syncdoctor.spark;

import dev.syncdoctor.batch.InputWalker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configurable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathFilter;

/**
 * Which files in the input folders are inputs, as {@code batch} decides: for text inputs the names
 * {@link InputWalker#isInputName} accepts, for CSV exports {@code *.csv}, for JSON Lines {@code *.jsonl}
 * and {@code *.ndjson}; names starting with a dot never. A path named on the command line is always an
 * input. Folders pass, so Hadoop's recursive listing descends into them.
 */
public final class CaseFileFilter implements PathFilter, Configurable {
    static final String MODE = "syncdoctor.input.mode";
    static final String NAMED = "syncdoctor.input.named";

    private Configuration conf;
    private String mode;
    private Set<String> named = Set.of();

    @Override
    public void setConf(Configuration conf) {
        this.conf = conf;
        this.mode = conf.get(MODE, "text");
        String n = conf.get(NAMED, "");
        this.named = n.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(n.split("\n")));
    }

    @Override
    public Configuration getConf() {
        return conf;
    }

    @Override
    public boolean accept(Path path) {
        if (named.contains(path.toString())) {
            return true;
        }
        String name = path.getName();
        if (accepts(mode, name)) {
            return true;
        }
        if (name.startsWith(".")) {
            return false;
        }
        try {
            return path.getFileSystem(conf).getFileStatus(path).isDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean accepts(String mode, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "csv" -> !n.startsWith(".") && n.endsWith(".csv");
            case "jsonl" -> !n.startsWith(".") && (n.endsWith(".jsonl") || n.endsWith(".ndjson"));
            default -> InputWalker.isInputName(name);
        };
    }
}
