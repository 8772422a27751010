package dev.syncdoctor.ingest;
import dev.syncdoctor.model.SyncCase;
import java.util.List;
public final class CaseContext {
    String mapName, mapStatus, phase, direction; Integer attempts, occurrences; Boolean consistent; List<String> roles;
    public void setMapName(String s){mapName=s;} public void setMapStatus(String s){mapStatus=s;} public void setPhase(String s){phase=s;}
    public void setDirection(String s){direction=s;} public void setAttempts(Integer i){attempts=i;} public void setOccurrences(Integer i){occurrences=i;}
    public void setConsistent(Boolean b){consistent=b;} public void setRoles(List<String> r){roles=r;}
    public void applyTo(SyncCase c) {
        if (mapName != null) c.setMapName(mapName); if (mapStatus != null) c.setMapStatus(mapStatus);
        if (phase != null) c.setPhase(phase); if (direction != null) c.setDirection(direction);
        if (attempts != null) c.setAttempts(attempts); if (occurrences != null) c.setOccurrences(occurrences);
        if (consistent != null) c.setConsistent(consistent); if (roles != null) roles.forEach(c::addRole);
    }
}
