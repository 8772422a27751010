package dev.syncdoctor.ingest;

import dev.syncdoctor.model.Direction;
import dev.syncdoctor.model.Phase;
import dev.syncdoctor.model.Roles;
import dev.syncdoctor.model.SyncCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user says about a case beyond its error text (map, status, phase, counts, roles), however it
 * arrives: flags, a case file, a CSV row, an example sidecar, an HTTP request. Null fields mean "not
 * given". Immutable; values are canonicalised once, on the way in, by {@link ContextValues}.
 * {@link #applyTo(SyncCase)} writes the given fields over what the case had, so the context applied
 * last wins (flags over a case file); roles are added.
 */
public record CaseContext(String mapName, String mapStatus, Phase phase, Direction direction, Integer attempts,
                          Integer occurrences, Boolean consistent, Long durationMinutes, Long rowCount,
                          Integer legalEntityCount, Integer lookupCount, List<String> roles) {

    /** Nothing given. */
    public static final CaseContext NONE = builder().build();

    public CaseContext {
        mapName = ContextValues.name(mapName);
        mapStatus = ContextValues.status(mapStatus);
        requireCount("attempts", attempts);
        requireCount("occurrences", occurrences);
        requireCount("durationMinutes", durationMinutes);
        requireCount("rowCount", rowCount);
        requireCount("legalEntityCount", legalEntityCount);
        requireCount("lookupCount", lookupCount);
        roles = distinctRoles(roles);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sets every given field on the case and adds the given roles. */
    public void applyTo(SyncCase c) {
        if (c == null) {
            return;
        }
        if (mapName != null) {
            c.setMapName(mapName);
        }
        if (mapStatus != null) {
            c.setMapStatus(mapStatus);
        }
        if (phase != null) {
            c.setPhase(phase);
        }
        if (direction != null) {
            c.setDirection(direction);
        }
        if (attempts != null) {
            c.setAttempts(attempts);
        }
        if (occurrences != null) {
            c.setOccurrences(occurrences);
        }
        if (consistent != null) {
            c.setConsistent(consistent);
        }
        if (durationMinutes != null) {
            c.setDurationMinutes(durationMinutes);
        }
        if (rowCount != null) {
            c.setRowCount(rowCount);
        }
        if (legalEntityCount != null) {
            c.setLegalEntityCount(legalEntityCount);
        }
        if (lookupCount != null) {
            c.setLookupCount(lookupCount);
        }
        roles.forEach(c::addRole);
    }

    private static void requireCount(String field, Number n) {
        if (n != null && n.longValue() < 0) {
            throw new IllegalArgumentException(field + ": expected a number >= 0, got " + n);
        }
    }

    /** Roles as given, blanks dropped, one entry per role (aliases such as sysadmin count once). */
    private static List<String> distinctRoles(List<String> given) {
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        Map<String, String> byCanonical = new LinkedHashMap<>();
        for (String r : given) {
            String role = ContextValues.role(r);
            if (role != null) {
                byCanonical.putIfAbsent(Roles.canonical(role), role);
            }
        }
        return List.copyOf(byCanonical.values());
    }

    /**
     * Builds a context field by field. The String setters take what people write and canonicalise it
     * (an unknown phase or direction is an {@link IllegalArgumentException} naming the field).
     */
    public static final class Builder {
        private String mapName;
        private String mapStatus;
        private Phase phase;
        private Direction direction;
        private Integer attempts;
        private Integer occurrences;
        private Boolean consistent;
        private Long durationMinutes;
        private Long rowCount;
        private Integer legalEntityCount;
        private Integer lookupCount;
        private final List<String> roles = new ArrayList<>();

        private Builder() {
        }

        public Builder map(String name) { this.mapName = name; return this; }
        public Builder status(String status) { this.mapStatus = status; return this; }
        public Builder phase(Phase phase) { this.phase = phase; return this; }
        public Builder phase(String raw) { this.phase = ContextValues.phase(raw); return this; }
        public Builder direction(Direction direction) { this.direction = direction; return this; }
        public Builder direction(String raw) { this.direction = ContextValues.direction(raw); return this; }
        public Builder attempts(Integer n) { this.attempts = n; return this; }
        public Builder occurrences(Integer n) { this.occurrences = n; return this; }
        public Builder consistent(Boolean consistent) { this.consistent = consistent; return this; }
        public Builder durationMinutes(Long n) { this.durationMinutes = n; return this; }
        public Builder rowCount(Long n) { this.rowCount = n; return this; }
        public Builder legalEntityCount(Integer n) { this.legalEntityCount = n; return this; }
        public Builder lookupCount(Integer n) { this.lookupCount = n; return this; }

        public Builder role(String role) {
            roles.add(role);
            return this;
        }

        public Builder roles(List<String> given) {
            if (given != null) {
                roles.addAll(given);
            }
            return this;
        }

        public CaseContext build() {
            return new CaseContext(mapName, mapStatus, phase, direction, attempts, occurrences, consistent,
                    durationMinutes, rowCount, legalEntityCount, lookupCount, roles);
        }
    }
}
