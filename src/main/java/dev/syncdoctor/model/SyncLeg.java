package dev.syncdoctor.model;

/**
 * One executed leg of an initial sync, from "Executed leg: From AX Financial dimensions to CRM
 * msdyn_dimensionattributes with exported records count: 0, ImportRecordsErrorCount: 0, ...".
 */
public class SyncLeg {
    /** "FO->DV" for "From AX ... to CRM ...", "DV->FO" for the reverse. */
    private String direction;
    private String sourceEntity;
    private String targetEntity;
    private long exportedCount = -1;
    private long importErrorCount = -1;
    private long insertedCount = -1;
    private long updatedCount = -1;

    public SyncLeg() {
    }

    public SyncLeg(String direction, String sourceEntity, String targetEntity) {
        this.direction = direction;
        this.sourceEntity = sourceEntity;
        this.targetEntity = targetEntity;
    }

    public String getDirection() { return direction; }
    public void setDirection(String direction) { this.direction = direction; }
    public String getSourceEntity() { return sourceEntity; }
    public void setSourceEntity(String sourceEntity) { this.sourceEntity = sourceEntity; }
    public String getTargetEntity() { return targetEntity; }
    public void setTargetEntity(String targetEntity) { this.targetEntity = targetEntity; }
    /** -1 when the text did not say. */
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
        return "SyncLeg[" + direction + " " + sourceEntity + " -> " + targetEntity + ", exported=" + exportedCount + "]";
    }
}
