package dev.syncdoctor.model;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The context of one failing table map, as the user reports it: which map, its status, how often the
 * initial sync was run and the error seen, and which roles the user holds. Rules match on it; only
 * ingest and the CLI write it.
 */
public class SyncCase {
    private String id;
    private String mapName;
    /** Map status as shown on the Dual-write page: Not running, Running, Initializing, Paused, ... */
    private String mapStatus;
    /** Status inside the message text ("Dual write Initial Sync completed with status: Error"). */
    private String completionStatus;
    /** How many times the initial sync was run; {@link Count#UNKNOWN} when unknown. */
    private int attempts = Count.UNKNOWN;
    /** How often this error was seen; {@link Count#UNKNOWN} when unknown, >= 2 means "consistently". */
    private int occurrences = Count.UNKNOWN;
    /** The case says the error happens consistently, whatever the count. */
    private boolean consistent;
    /** Phase in which the error was seen; null when unknown. */
    private Phase phase;
    /** Direction of the failing sync; null when unknown. */
    private Direction direction;
    /** How long the initial sync has been running or ran, in minutes; {@link Count#UNKNOWN} when unknown. */
    private long durationMinutes = Count.UNKNOWN;
    /** Rows in the table being synced (per legal entity when known); {@link Count#UNKNOWN} when unknown. */
    private long rowCount = Count.UNKNOWN;
    /** Number of legal entities (companies) linked for dual-write; {@link Count#UNKNOWN} when unknown. */
    private int legalEntityCount = Count.UNKNOWN;
    /** Number of lookup fields in the map; {@link Count#UNKNOWN} when unknown. */
    private int lookupCount = Count.UNKNOWN;
    private final Set<String> roles = new LinkedHashSet<>();

    public SyncCase() {
    }

    public SyncCase(String id) {
        this.id = id;
    }

    /** Whether the user holds a role, compared without case and with the documented aliases folded. */
    public boolean holdsRole(String role) {
        String wanted = Roles.canonical(role);
        for (String held : roles) {
            if (Roles.canonical(held).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The case says something beyond an error text (status, map, counts, direction...): enough to be a
     * case without error text rather than an empty input.
     */
    public boolean hasContext() {
        return mapStatus != null || mapName != null || Count.isKnown(attempts) || Count.isKnown(occurrences) || consistent
                || phase != null || direction != null || Count.isKnown(durationMinutes) || Count.isKnown(rowCount)
                || Count.isKnown(legalEntityCount) || Count.isKnown(lookupCount);
    }

    /** The error was seen at least twice, or the case says it happens consistently. */
    public boolean isRecurring() {
        return consistent || occurrences >= 2;
    }

    public boolean statusIs(String status) {
        return mapStatus != null && status != null
                && mapStatus.trim().toLowerCase(Locale.ROOT).equals(status.trim().toLowerCase(Locale.ROOT));
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getMapName() { return mapName; }
    public void setMapName(String mapName) { this.mapName = mapName; }
    public String getMapStatus() { return mapStatus; }
    public void setMapStatus(String mapStatus) { this.mapStatus = mapStatus; }
    public String getCompletionStatus() { return completionStatus; }
    public void setCompletionStatus(String completionStatus) { this.completionStatus = completionStatus; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public int getOccurrences() { return occurrences; }
    public void setOccurrences(int occurrences) { this.occurrences = occurrences; }
    public boolean isConsistent() { return consistent; }
    public void setConsistent(boolean consistent) { this.consistent = consistent; }
    public Phase getPhase() { return phase; }
    public void setPhase(Phase phase) { this.phase = phase; }
    public Direction getDirection() { return direction; }
    public void setDirection(Direction direction) { this.direction = direction; }
    public long getDurationMinutes() { return durationMinutes; }
    public void setDurationMinutes(long durationMinutes) { this.durationMinutes = durationMinutes; }
    public long getRowCount() { return rowCount; }
    public void setRowCount(long rowCount) { this.rowCount = rowCount; }
    public int getLegalEntityCount() { return legalEntityCount; }
    public void setLegalEntityCount(int legalEntityCount) { this.legalEntityCount = legalEntityCount; }
    public int getLookupCount() { return lookupCount; }
    public void setLookupCount(int lookupCount) { this.lookupCount = lookupCount; }
    public Set<String> getRoles() { return Collections.unmodifiableSet(roles); }
    public void addRole(String role) {
        if (role != null && !role.isBlank()) {
            roles.add(role.trim());
        }
    }

    @Override
    public String toString() {
        return "SyncCase[" + id + ", map=" + mapName + ", status=" + mapStatus + ", attempts=" + attempts
                + ", occurrences=" + occurrences + ", roles=" + roles + "]";
    }
}
