package dev.syncdoctor.model;

/**
 * One executed leg of an initial sync, from "Executed leg: From AX Financial dimensions to CRM
 * msdyn_dimensionattributes with exported records count: 0, ImportRecordsErrorCount: 0, ...".
 */
public class SyncLeg {
    /** FO_TO_DV for "From AX ... to CRM ...", DV_TO_FO for the reverse; null when the text did not say. */
    private Direction direction;
    private String sourceEntity;
    private String targetEntity;
    private long exportedCount = Count.UNKNOWN;
    private long importErrorCount = Count.UNKNOWN;
    private long insertedCount = Count.UNKNOWN;
    private long updatedCount = Count.UNKNOWN;

    public SyncLeg() {
    }

    public SyncLeg(Direction direction, String sourceEntity, String targetEntity) {
        this.direction = direction;
        this.sourceEntity = sourceEntity;
        this.targetEntity = targetEntity;
    }

    public Direction getDirection() { return direction; }
    public void setDirection(Direction direction) { this.direction = direction; }
    public String getSourceEntity() { return sourceEntity; }
    public void setSourceEntity(String sourceEntity) { this.sourceEntity = sourceEntity; }
    public String getTargetEntity() { return targetEntity; }
    public void setTargetEntity(String targetEntity) { this.targetEntity = targetEntity; }
    /** {@link Count#UNKNOWN} when the text did not say. */
    public long getExportedCount() { return exportedCount; }
    public void setExportedCount(long exportedCount) { this.exportedCount = exportedCount; }
    public long getImportErrorCount() { return importErrorCount; }
    public void setImportErrorCount(long importErrorCount) { this.importErrorCount = importErrorCount; }
    public long getInsertedCount() { return insertedCount; }
    public void setInsertedCount(long insertedCount) { this.insertedCount = insertedCount; }
    public long getUpdatedCount() { return updatedCount; }
    public void setUpdatedCount(long updatedCount) { this.updatedCount = updatedCount; }

    @Override
    public String toString() {
        return "SyncLeg[" + (direction == null ? null : direction.label()) + " " + sourceEntity + " -> " + targetEntity + ", exported=" + exportedCount + "]";
    }
}
