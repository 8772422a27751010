package dev.syncdoctor.ingest;

import dev.syncdoctor.model.SyncCase;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-case context given on the command line (map, status, attempts, roles, ...). Fields left null mean
 * "not given". {@link #applyTo(SyncCase)} writes the given fields over what the input file said, so
 * flags win; roles are added to the ones the file listed.
 */
public final class CaseContext {
    private String mapName;
    private String mapStatus;
    private String phase;
    private String direction;
    private Integer attempts;
    private Integer occurrences;
    private Boolean consistent;
    private Long durationMinutes;
    private Long rowCount;
    private Integer legalEntityCount;
    private Integer lookupCount;
    private List<String> roles = new ArrayList<>();

    public CaseContext() {
    }

    /** Sets every given field on the case and adds the given roles. */
    public void applyTo(SyncCase c) {
        if (c == null) {
            return;
        }
        if (given(mapName)) {
            c.setMapName(mapName.trim());
        }
        if (given(mapStatus)) {
            c.setMapStatus(mapStatus.trim());
        }
        if (given(phase)) {
            c.setPhase(phase.trim());
        }
        if (given(direction)) {
            c.setDirection(direction.trim());
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
        if (roles != null) {
            for (String role : roles) {
                c.addRole(role);
            }
        }
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }

    public String getMapName() { return mapName; }
    public void setMapName(String mapName) { this.mapName = mapName; }
    public String getMapStatus() { return mapStatus; }
    public void setMapStatus(String mapStatus) { this.mapStatus = mapStatus; }
    public String getPhase() { return phase; }
    public void setPhase(String phase) { this.phase = phase; }
    public String getDirection() { return direction; }
    public void setDirection(String direction) { this.direction = direction; }
    public Integer getAttempts() { return attempts; }
    public void setAttempts(Integer attempts) { this.attempts = attempts; }
    public Integer getOccurrences() { return occurrences; }
    public void setOccurrences(Integer occurrences) { this.occurrences = occurrences; }
    public Boolean getConsistent() { return consistent; }
    public void setConsistent(Boolean consistent) { this.consistent = consistent; }
    public Long getDurationMinutes() { return durationMinutes; }
    public void setDurationMinutes(Long durationMinutes) { this.durationMinutes = durationMinutes; }
    public Long getRowCount() { return rowCount; }
    public void setRowCount(Long rowCount) { this.rowCount = rowCount; }
    public Integer getLegalEntityCount() { return legalEntityCount; }
    public void setLegalEntityCount(Integer legalEntityCount) { this.legalEntityCount = legalEntityCount; }
    public Integer getLookupCount() { return lookupCount; }
    public void setLookupCount(Integer lookupCount) { this.lookupCount = lookupCount; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles); }
    public CaseContext addRole(String role) {
        roles.add(role);
        return this;
    }
}
