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
 * Reads a JSON or YAML case file (see {@link CaseReader} for its fields) into one case, bounded in
 * nesting, number and name length and document size. A value of the wrong type, a negative count, an
 * unknown phase or direction, broken JSON or YAML, YAML anchors or a duplicate field is an
 * {@link InputException} with line and column; unknown fields are logged and ignored; a document that
 * holds none of the case fields (an error payload) is read as raw text. Immutable and thread-safe.
 */
final class CaseDocumentReader {
    private static final Logger LOG = LoggerFactory.getLogger(CaseDocumentReader.class);
    private static final int MAX_NESTING = 64;
    /** Longest number (digits) and field name (characters) a case file may hold. */
    private static final int MAX_NUMBER_LENGTH = 100;
    private static final int MAX_NAME_LENGTH = 1000;

    private final ObjectMapper json;
    private final ObjectMapper yaml;

    CaseDocumentReader(long maxBytes) {
        int maxString = (int) Math.max(1024, maxBytes);
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxStringLength(maxString)
                .maxDocumentLength(maxBytes + 1)
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

    /** One case from a JSON document. */
    CaseFacts readJson(String source, String defaultId, String text) throws InputException {
        return read(source, defaultId, text, json, "JSON");
    }

    /** One case from a YAML document. */
    CaseFacts readYaml(String source, String defaultId, String text) throws InputException {
        return read(source, defaultId, text, yaml, "YAML");
    }

    private CaseFacts read(String source, String defaultId, String text, ObjectMapper mapper, String kind)
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
            return TextCaseReader.fromText(source, defaultId, text);
        }
        SyncCase c = new SyncCase(blank(doc.caseId) ? defaultId : doc.caseId.trim());
        doc.context().applyTo(c);
        CaseFacts facts = new CaseFacts(source, c);
        List<String> texts = new ArrayList<>();
        if (doc.error != null) {
            texts.addAll(doc.error);
        }
        if (doc.errors != null) {
            texts.addAll(doc.errors);
        }
        for (String t : texts) {
            TextCaseReader.addText(facts, t);
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

    private static String reason(IOException e) {
        return InputBytes.reason(e);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
