package dev.syncdoctor.ingest;
import dev.syncdoctor.model.*;
import java.io.*; import java.nio.file.*; import java.util.*; import java.util.regex.*;
public final class CaseReader {
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public CaseReader(long max) {}
    public List<CaseFacts> read(Path file) throws InputException {
        try {
            String id = file.getFileName().toString().replaceAll("\\.[^.]*$", "");
            String content = Files.readString(file);
            if (file.toString().endsWith(".json")) {
                var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(content);
                String text = node.has("error") ? node.get("error").asText() : "";
                CaseFacts f = fromText(file.toString(), node.has("case") ? node.get("case").asText() : id, text);
                if (node.has("map")) f.getSyncCase().setMapName(node.get("map").asText());
                if (node.has("status")) f.getSyncCase().setMapStatus(node.get("status").asText());
                if (node.has("attempts")) f.getSyncCase().setAttempts(node.get("attempts").asInt());
                if (node.has("occurrences")) f.getSyncCase().setOccurrences(node.get("occurrences").asInt());
                if (node.has("roles")) node.get("roles").forEach(r -> f.getSyncCase().addRole(r.asText()));
                return List.of(f);
            }
            return List.of(fromText(file.toString(), id, content)); }
        catch (IOException e) { throw new InputException(file.toString(), e.toString()); }
    }
    public List<CaseFacts> read(String src, InputStream in) throws InputException {
        try { return List.of(fromText(src, "stdin", new String(in.readAllBytes()))); } catch (IOException e) { throw new InputException(src, e.toString()); }
    }
    public CaseFacts fromText(String source, String caseId, String text) {
        CaseFacts f = new CaseFacts(source, new SyncCase(caseId));
        String t = text.replace("\\[", "[").replace("\\]", "]").replace("\\_", "_").replaceAll("\\s+", " ").trim();
        if (t.isEmpty()) return f;
        SyncError e = new SyncError("e1", t);
        Matcher m = Pattern.compile("\\((\\d{3})\\) ([A-Za-z ]+)").matcher(t);
        if (m.find()) { e.setHttpStatus(Integer.parseInt(m.group(1))); e.setHttpReason(m.group(2).trim()); }
        if (t.contains("AX export encountered an error")) e.setComponent("AX export encountered an error");
        m = Pattern.compile("field: (\\S+?)\\. The lookup (?:value )?(?:was not|wasn't) found: (\\S+?)\\. ").matcher(t);
        if (m.find()) { e.setLookupField(m.group(1)); e.setLookupValue(m.group(2)); }
        m = Pattern.compile("On the (.+?), the following error").matcher(t);
        if (m.find()) e.setMapName(m.group(1));
        f.getErrors().add(e);
        return f;
    }
}
