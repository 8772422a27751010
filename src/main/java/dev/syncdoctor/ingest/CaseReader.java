package dev.syncdoctor.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.model.SyncCase;
import dev.syncdoctor.model.SyncError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one input (a file or stdin) into cases.
 *
 * <p>The file's extension decides its format: {@code .json} is a JSON case, {@code .yaml}/{@code .yml}
 * a YAML case, anything else ({@code .txt}, {@code .log}, no extension) raw error text, one case whose
 * context can then come only from command-line flags. On stdin the content decides: a first non-blank
 * character {@code '{'} means a JSON case, anything else raw text. A JSON or YAML document that holds
 * none of the case fields (an error payload such as {@code {"entityName":...}}) is read as raw text.
 *
 * <p>A case file (JSON shown; YAML has the same fields), every field optional:
 * <pre>{@code
 * {"case": "vendors-selfref",          // case id; default: the file name without extension
 *  "map": "Vendors V2",                // table map name
 *  "status": "Not running",            // map status on the Dual-write page
 *  "phase": "initial",                 // initial | live | setup | start
 *  "direction": "FO->DV",              // FO->DV | DV->FO
 *  "attempts": 2,                      // times the initial sync was run
 *  "occurrences": 3,                   // times the error was seen
 *  "consistent": true,                 // the error happens every time
 *  "roles": ["System admin"],          // roles the user holds (a single text is accepted)
 *  "durationMinutes": 0, "rowCount": 0, "legalEntityCount": 0, "lookupCount": 0,
 *  "error": "one error text",          // a text may hold several errors
 *  "errors": ["text", "text"],
 *  "expected": {"...": "..."}}         // for knowledge-base tests; ignored here
 * }</pre>
 * Each error text is normalised and extracted like raw text; the errors of all texts are numbered
 * e1..eN across the case. Unknown fields are logged as warnings and ignored. A value of the wrong type,
 * a negative count, an unknown phase or direction, broken JSON or YAML, or a duplicate field is an
 * {@link InputException} with line and column.
 *
 * <p>Bytes: a UTF-8 BOM is skipped, UTF-16 with a BOM is decoded; NUL bytes or invalid UTF-8 make the
 * input "not a text file". Inputs larger than the limit are refused after reading at most limit + 1
 * bytes. Instances are immutable and thread-safe.
 */
public final class CaseReader {
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(CaseReader.class);
    private static final int MAX_NESTING = 64;
    /** Longest number (digits) and field name (characters) a case file may hold. */
    private static final int MAX_NUMBER_LENGTH = 100;
    private static final int MAX_NAME_LENGTH = 1000;

    private final long maxBytes;
    private final ObjectMapper json;
    private final ObjectMapper yaml;

    public CaseReader(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be > 0");
        }
        this.maxBytes = Math.min(maxBytes, Integer.MAX_VALUE - 64L);
        int maxString = (int) Math.max(1024, this.maxBytes);
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxStringLength(maxString)
                .maxDocumentLength(this.maxBytes + 1)
                .build();
        JsonFactory jsonFactory = JsonFactory.builder()
                .streamReadConstraints(limits)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        this.json = configure(JsonMapper.builder(jsonFactory).build());
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(maxString);
        loader.setNestingDepthLimit(MAX_NESTING);
        loader.setMaxAliasesForCollections(20);
        loader.setAllowDuplicateKeys(false);
        YAMLFactory yamlFactory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(limits)
                .build();
        this.yaml = configure(new YAMLMapper(yamlFactory));
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Reads a file: by extension .json, .yaml/.yml, else raw text. */
    public List<CaseFacts> read(Path file) throws InputException {
        try {
            return readFile(file);
        } catch (InputException e) {
            LOG.debug("{}", e.getMessage(), e);
            throw e;
        }
    }

    private List<CaseFacts> readFile(Path file) throws InputException {
        String source = file.toString();
        byte[] bytes = readFile(file, source);
        String text = decode(bytes, source);
        String caseId = defaultCaseId(file.getFileName() == null ? source : file.getFileName().toString());
        String ext = extension(file.getFileName() == null ? "" : file.getFileName().toString());
        switch (ext) {
            case "json":
                return List.of(fromDocument(source, caseId, text, json, "JSON"));
            case "yaml":
            case "yml":
                return List.of(fromDocument(source, caseId, text, yaml, "YAML"));
            default:
                return List.of(fromText(source, caseId, text));
        }
    }

    /** Reads raw text or a JSON case from a stream (stdin); the first non-blank character '{' means JSON. */
    public List<CaseFacts> read(String sourceName, InputStream in) throws InputException {
        try {
            return readStream(sourceName, in);
        } catch (InputException e) {
            LOG.debug("{}", e.getMessage(), e);
            throw e;
        }
    }

    private List<CaseFacts> readStream(String sourceName, InputStream in) throws InputException {
        String source = sourceName == null || sourceName.isEmpty() ? "-" : sourceName;
        byte[] bytes;
        try {
            bytes = readBounded(in, source);
        } catch (IOException e) {
            throw new InputException(source, 0, 0, "cannot read: " + reason(e), e);
        }
        String text = decode(bytes, source);
        String caseId = "-".equals(source) ? "stdin" : defaultCaseId(Path.of(source).getFileName() == null
                ? source : Path.of(source).getFileName().toString());
        // A named upload (the web server's) is read by its extension, as a file is; a bare stream by its first character.
        String ext = "-".equals(source) ? "" : extension(source);
        if (ext.equals("yaml") || ext.equals("yml")) {
            return List.of(fromDocument(source, caseId, text, yaml, "YAML"));
        }
        if (ext.equals("json") || firstNonBlank(text) == '{') {
            return List.of(fromDocument(source, caseId, text, json, "JSON"));
        }
        return List.of(fromText(source, caseId, text));
    }

    /** A case from raw text already in memory; caseId defaults from the source's file name. */
    public CaseFacts fromText(String source, String caseId, String text) {
        String id = caseId == null || caseId.isBlank() ? defaultCaseId(source == null ? "" : lastSegment(source)) : caseId;
        CaseFacts facts = new CaseFacts(source, new SyncCase(id));
        addText(facts, text);
        return facts;
    }

    // ---- case documents

    private CaseFacts fromDocument(String source, String defaultId, String text, ObjectMapper mapper, String kind)
            throws InputException {
        if (text.isBlank()) {
            return new CaseFacts(source, new SyncCase(defaultId));
        }
        if (yaml == mapper) {
            refuseAliases(source, text);
        }
        List<String> unknown = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        ObjectReader reader = mapper.readerFor(CaseDocument.class).withHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                    JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
                JsonLocation at = p.currentTokenLocation();
                unknown.add(propertyName);
                // Logged once the whole document is read: a broken document gets its one error line only.
                warnings.add(source + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": unknown field '"
                        + propertyName + "' ignored");
                p.skipChildren();
                return true;
            }
        });
        CaseDocument doc;
        JsonParser parser = null;
        try {
            parser = mapper.createParser(text);
            doc = reader.readValue(parser);
        } catch (JsonProcessingException e) {
            StreamConstraintsException limit = limitCause(e);
            throw limit != null ? limitProblem(source, kind, limit, parser) : problem(source, kind, e);
        } catch (IOException e) {
            throw new InputException(source, 0, 0, "cannot read " + kind + ": " + reason(e), e);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // reading from a string
                }
            }
        }
        for (String w : warnings) {
            LOG.warn(w);
        }
        if (doc == null) {
            return new CaseFacts(source, new SyncCase(defaultId));
        }
        if (!doc.hasAnyField() && !unknown.isEmpty()) {
            LOG.warn("{}: no case fields; reading the whole {} as error text", source, kind);
            return fromText(source, defaultId, text);
        }
        SyncCase c = new SyncCase(blank(doc.caseId) ? defaultId : doc.caseId.trim());
        if (!blank(doc.map)) {
            c.setMapName(doc.map.trim());
        }
        if (!blank(doc.status)) {
            c.setMapStatus(doc.status.trim());
        }
        c.setPhase(doc.phase);
        c.setDirection(doc.direction);
        c.setAttempts(toInt(doc.attempts));
        c.setOccurrences(toInt(doc.occurrences));
        c.setConsistent(Boolean.TRUE.equals(doc.consistent));
        if (doc.roles != null) {
            doc.roles.forEach(c::addRole);
        }
        c.setDurationMinutes(doc.durationMinutes == null ? 0 : doc.durationMinutes);
        c.setRowCount(doc.rowCount == null ? 0 : doc.rowCount);
        c.setLegalEntityCount(toInt(doc.legalEntityCount));
        c.setLookupCount(toInt(doc.lookupCount));
        CaseFacts facts = new CaseFacts(source, c);
        List<String> texts = new ArrayList<>();
        if (doc.error != null) {
            texts.addAll(doc.error);
        }
        if (doc.errors != null) {
            texts.addAll(doc.errors);
        }
        for (String t : texts) {
            addText(facts, t);
        }
        return facts;
    }

    /**
     * Case files have no use for YAML anchors and aliases, and aliases are how a small file expands into
     * a huge one: refuse them, with the alias's line and column.
     */
    private static void refuseAliases(String source, String text) throws InputException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Math.max(1024, text.length() + 1));
        options.setNestingDepthLimit(MAX_NESTING);
        try {
            for (Event e : new Yaml(options).parse(new StringReader(text))) {
                if (e instanceof AliasEvent || (e instanceof NodeEvent && ((NodeEvent) e).getAnchor() != null)) {
                    Mark at = e.getStartMark();
                    throw new InputException(source, at.getLine() + 1, at.getColumn() + 1,
                            "YAML anchors and aliases (&name, *name) are not allowed in a case file");
                }
            }
        } catch (YAMLException e) {
            // Broken YAML: the mapper reports it with its location.
        }
    }

    private static StreamConstraintsException limitCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                return (StreamConstraintsException) t;
            }
        }
        return null;
    }

    /** A document past one of the stream-read limits: where, and which limit, in words. */
    private static InputException limitProblem(String source, String kind, StreamConstraintsException e, JsonParser parser) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser == null ? null : parser.currentLocation();
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what;
        if (m.contains("nesting depth")) {
            what = "nested deeper than the limit of " + MAX_NESTING + " levels";
        } else if (m.contains("Number value length")) {
            what = "a number longer than the limit of " + MAX_NUMBER_LENGTH + " digits";
        } else if (m.contains("Name length")) {
            what = "a field name longer than the limit of " + MAX_NAME_LENGTH + " characters";
        } else if (m.contains("String value length")) {
            what = "a text value longer than the input size limit";
        } else if (m.contains("Document length")) {
            what = "a document longer than the input size limit";
        } else {
            what = firstLine(m);
        }
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = at == null ? 0 : Math.max(0, at.getColumnNr());
        return new InputException(source, line, column, "invalid " + kind + ": " + what, e);
    }

    private static int toInt(Long v) {
        return v == null ? 0 : (int) Math.min(Integer.MAX_VALUE, v);
    }

    private static InputException problem(String source, String kind, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = at == null ? 0 : Math.max(0, at.getColumnNr());
        String message;
        if (e instanceof JsonMappingException) {
            JsonMappingException me = (JsonMappingException) e;
            String field = fieldPath(me);
            if (field.isEmpty()) {
                message = e instanceof MismatchedInputException && e.getOriginalMessage().contains("end-of-input")
                        ? "empty " + kind + " document"
                        : "expected a " + kind + (kind.equals("YAML") ? " mapping" : " object") + " of case fields";
            } else {
                message = "field '" + field + "': " + typeProblem(me);
            }
        } else {
            message = "invalid " + kind + ": " + firstLine(e.getOriginalMessage());
        }
        return new InputException(source, line, column, message, e);
    }

    private static String typeProblem(JsonMappingException e) {
        String original = firstLine(e.getOriginalMessage());
        if (original.startsWith("expected ")) {
            return original;
        }
        if (e instanceof MismatchedInputException) {
            Class<?> target = ((MismatchedInputException) e).getTargetType();
            String got = e instanceof InvalidFormatException ? ", got \"" + ((InvalidFormatException) e).getValue() + "\"" : "";
            if (target == Boolean.class || target == boolean.class) {
                return "expected true or false" + got;
            }
            if (target == String.class) {
                return "expected text" + got;
            }
            if (target != null && List.class.isAssignableFrom(target)) {
                return "expected a list of texts" + got;
            }
        }
        return original;
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    // ---- text

    private static void addText(CaseFacts facts, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        ExtractedText x = ErrorExtractor.extract(TextNormaliser.normalise(text));
        SyncCase c = facts.getSyncCase();
        for (SyncError e : x.errors()) {
            facts.addError(e);
        }
        facts.getLegs().addAll(x.legs());
        if (c.getMapName() == null && x.mapName() != null) {
            c.setMapName(x.mapName());
        }
        if (c.getCompletionStatus() == null && x.completionStatus() != null) {
            c.setCompletionStatus(x.completionStatus());
        }
    }

    // ---- bytes

    private byte[] readFile(Path file, String source) throws InputException {
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(source, "cannot read: is a directory");
            }
            if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
                throw tooLarge(source);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return readBounded(in, source);
            }
        } catch (IOException e) {
            throw new InputException(source, 0, 0, "cannot read: " + reason(e), e);
        }
    }

    private byte[] readBounded(InputStream in, String source) throws IOException, InputException {
        byte[] bytes = in.readNBytes((int) (maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLarge(source);
        }
        return bytes;
    }

    private InputException tooLarge(String source) {
        String limit = maxBytes % (1024 * 1024) == 0 ? (maxBytes / (1024 * 1024)) + " MB"
                : maxBytes % 1024 == 0 ? (maxBytes / 1024) + " KB" : maxBytes + " bytes";
        return new InputException(source, "input is larger than the limit of " + limit + " (" + maxBytes + " bytes)");
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Bytes to text: UTF-8 (BOM skipped) or UTF-16 with a BOM; NUL bytes or bad encoding are refused. */
    static String decode(byte[] bytes, String source) throws InputException {
        int offset = 0;
        Charset charset = StandardCharsets.UTF_8;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            offset = 2;
            charset = StandardCharsets.UTF_16BE;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            offset = 2;
            charset = StandardCharsets.UTF_16LE;
        }
        if (charset == StandardCharsets.UTF_8) {
            for (int i = offset; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    throw notText(source);
                }
            }
        }
        String text;
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            text = chars.toString();
        } catch (CharacterCodingException e) {
            throw notText(source);
        }
        if (charset != StandardCharsets.UTF_8 && text.indexOf('\0') >= 0) {
            throw notText(source);
        }
        return text;
    }

    private static InputException notText(String source) {
        return new InputException(source, "not a text file (binary or not UTF-8)");
    }

    // ---- names and values

    private static char firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c;
            }
        }
        return 0;
    }

    private static String lastSegment(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        String name = slash >= 0 ? source.substring(slash + 1) : source;
        int hash = name.indexOf('#');
        return hash >= 0 ? name.substring(0, hash) : name;
    }

    /** The file name without its extension: "facts/examples/bad-request.txt" gives "bad-request". */
    static String defaultCaseId(String fileName) {
        String name = lastSegment(fileName == null ? "" : fileName);
        int dot = name.lastIndexOf('.');
        String id = dot > 0 ? name.substring(0, dot) : name;
        return id.isEmpty() ? "case" : id;
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** initial, live, setup or start from what users write ("Initial sync", "live-sync"); null if none. */
    public static String canonicalPhase(String raw) {
        if (raw == null) {
            return null;
        }
        String p = raw.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        if (p.endsWith(" sync")) {
            p = p.substring(0, p.length() - 5).trim();
        }
        switch (p) {
            case "initial":
            case "live":
            case "setup":
            case "start":
                return p;
            case "set up":
                return "setup";
            case "map start":
                return "start";
            default:
                return null;
        }
    }

    /** FO->DV or DV->FO from what users write ("fo -> dv", "AX->CRM", "Dataverse to FO"); null if none. */
    public static String canonicalDirection(String raw) {
        if (raw == null) {
            return null;
        }
        String d = raw.trim().toUpperCase(Locale.ROOT).replace("\u2192", "->").replace(" TO ", "->").replace(" ", "");
        int arrow = d.indexOf("->");
        if (arrow < 0) {
            return null;
        }
        String from = side(d.substring(0, arrow));
        String to = side(d.substring(arrow + 2));
        if (from == null || to == null || from.equals(to)) {
            return null;
        }
        return from + "->" + to;
    }

    private static String side(String s) {
        switch (s) {
            case "FO":
            case "AX":
            case "F&O":
            case "FINOPS":
                return "FO";
            case "DV":
            case "CRM":
            case "CDS":
            case "DATAVERSE":
            case "CE":
                return "DV";
            default:
                return null;
        }
    }
}
