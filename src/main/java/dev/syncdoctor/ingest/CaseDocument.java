package dev.syncdoctor.ingest;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.syncdoctor.model.Direction;
import dev.syncdoctor.model.Phase;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The fields of a JSON or YAML case file, as bound by Jackson. See {@link CaseReader} for the format.
 * Plain data with no polymorphic typing; numbers are checked to be whole and not negative, phase and
 * direction to be one of the documented values.
 */
final class CaseDocument {
    @JsonProperty("case")
    @JsonAlias({"id", "caseId"})
    String caseId;

    @JsonProperty("map")
    @JsonAlias({"mapName", "map_name"})
    String map;

    @JsonProperty("status")
    @JsonAlias({"mapStatus", "map_status"})
    String status;

    @JsonProperty("phase")
    @JsonDeserialize(using = PhaseDeserializer.class)
    Phase phase;

    @JsonProperty("direction")
    @JsonDeserialize(using = DirectionDeserializer.class)
    Direction direction;

    @JsonProperty("attempts")
    @JsonDeserialize(using = CountDeserializer.class)
    Long attempts;

    @JsonProperty("occurrences")
    @JsonDeserialize(using = CountDeserializer.class)
    Long occurrences;

    @JsonProperty("consistent")
    Boolean consistent;

    @JsonProperty("roles")
    @JsonAlias("role")
    List<String> roles;

    @JsonProperty("durationMinutes")
    @JsonAlias("duration_minutes")
    @JsonDeserialize(using = CountDeserializer.class)
    Long durationMinutes;

    @JsonProperty("rowCount")
    @JsonAlias("row_count")
    @JsonDeserialize(using = CountDeserializer.class)
    Long rowCount;

    @JsonProperty("legalEntityCount")
    @JsonAlias("legal_entity_count")
    @JsonDeserialize(using = CountDeserializer.class)
    Long legalEntityCount;

    @JsonProperty("lookupCount")
    @JsonAlias("lookup_count")
    @JsonDeserialize(using = CountDeserializer.class)
    Long lookupCount;

    @JsonProperty("error")
    List<String> error;

    @JsonProperty("errors")
    List<String> errors;

    /** Expected outcome for tests of the knowledge base; read past, never used here. */
    @JsonProperty("expected")
    JsonNode expected;

    /** Whether any case field was given at all. */
    boolean hasAnyField() {
        return caseId != null || map != null || status != null || phase != null || direction != null
                || attempts != null || occurrences != null || consistent != null || roles != null
                || durationMinutes != null || rowCount != null || legalEntityCount != null || lookupCount != null
                || error != null || errors != null || expected != null;
    }

    /** The context fields of the file (counts beyond an int are capped). */
    CaseContext context() {
        return CaseContext.builder().map(map).status(status).phase(phase).direction(direction)
                .attempts(toInt(attempts)).occurrences(toInt(occurrences)).consistent(consistent).roles(roles)
                .durationMinutes(durationMinutes).rowCount(rowCount)
                .legalEntityCount(toInt(legalEntityCount)).lookupCount(toInt(lookupCount)).build();
    }

    private static Integer toInt(Long v) {
        return v == null ? null : (int) Math.min(Integer.MAX_VALUE, v);
    }

    /** A whole, non-negative number; a string of digits is accepted too. */
    static final class CountDeserializer extends StdDeserializer<Long> {
        private static final long serialVersionUID = 1L;

        CountDeserializer() {
            super(Long.class);
        }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            long value;
            if (t == JsonToken.VALUE_NUMBER_INT) {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw InvalidFormatException.from(p, "expected a whole number, got a number too large", p.getText(), Long.class);
                }
                value = p.getLongValue();
            } else if (t == JsonToken.VALUE_STRING && p.getText().trim().matches("\\d{1,18}")) {
                value = Long.parseLong(p.getText().trim());
            } else {
                String got = t == JsonToken.VALUE_STRING ? "\"" + p.getText() + "\""
                        : t == JsonToken.VALUE_NUMBER_FLOAT ? p.getText() : describe(t);
                throw MismatchedInputException.from(p, Long.class, "expected a whole number, got " + got);
            }
            if (value < 0) {
                throw InvalidFormatException.from(p, "expected a number >= 0, got " + value, value, Long.class);
            }
            return value;
        }
    }

    /** One of initial, live, setup, start ("initial sync", "Live" and the like are folded, see {@link ContextValues}). */
    static final class PhaseDeserializer extends StdDeserializer<Phase> {
        private static final long serialVersionUID = 1L;

        PhaseDeserializer() {
            super(Phase.class);
        }

        @Override
        public Phase deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String raw = text(p);
            Phase phase = Phase.parse(raw);
            if (phase == null) {
                throw InvalidFormatException.from(p,
                        "expected one of " + Phase.CHOICES + ", got \"" + raw + "\"", raw, Phase.class);
            }
            return phase;
        }
    }

    /** FO->DV or DV->FO (AX->CRM, "fo -> dv" and the like are folded, see {@link ContextValues}). */
    static final class DirectionDeserializer extends StdDeserializer<Direction> {
        private static final long serialVersionUID = 1L;

        DirectionDeserializer() {
            super(Direction.class);
        }

        @Override
        public Direction deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String raw = text(p);
            Direction direction = Direction.parse(raw);
            if (direction == null) {
                throw InvalidFormatException.from(p,
                        "expected " + Direction.CHOICES + ", got \"" + raw + "\"", raw, Direction.class);
            }
            return direction;
        }
    }

    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_STRING) {
            throw MismatchedInputException.from(p, String.class, "expected text, got " + describe(t));
        }
        return p.getText();
    }

    static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "a list";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "true/false";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_STRING:
                return "text";
            case VALUE_NULL:
                return "null";
            default:
                return t.name().toLowerCase(Locale.ROOT);
        }
    }
}
