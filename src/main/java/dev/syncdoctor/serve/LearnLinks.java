package dev.syncdoctor.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * The public Microsoft Learn page of a catalog source. The catalog names each source by its docs
 * repository and the article's path in it ({@code articles/fin-ops-core/.../x.md}); Learn publishes that
 * article at {@code https://learn.microsoft.com/en-us/dynamics365/fin-ops-core/.../x}. Translations
 * (Dynamics-365-Operations.xx-xx) link to the English page of the same article.
 */
final class LearnLinks {
    private static final String LEARN = "https://learn.microsoft.com/en-us/dynamics365/";
    private static final Pattern SAFE_PATH = Pattern.compile("articles/[A-Za-z0-9][A-Za-z0-9/_.-]{0,300}\\.md");

    private LearnLinks() {
    }

    /** The Learn page of one catalog source entry, or null when the source is not a published article. */
    static String of(JsonNode source) {
        if (source == null) {
            return null;
        }
        String url = source.path("url").asText("");
        if (url.startsWith("https://learn.microsoft.com/")) {
            return url;
        }
        return of(source.path("repo").asText(""), source.path("path").asText(""));
    }

    static String of(String repo, String path) {
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            return null;
        }
        String article = path.substring("articles/".length(), path.length() - ".md".length());
        String name = repo.substring(repo.indexOf('/') + 1);
        if (name.equals("dynamics-365-unified-operations-public") || name.startsWith("Dynamics-365-Operations.")) {
            return LEARN + article;
        }
        if (name.equals("dynamics-365-project-operations")) {
            return LEARN + "project-operations/" + article;
        }
        return null;
    }

    /** The first Learn page among an entry's sources (the catalog lists the newest English source first). */
    static String firstOf(JsonNode sources) {
        for (JsonNode s : sources) {
            String link = of(s);
            if (link != null) {
                return link;
            }
        }
        return null;
    }
}
