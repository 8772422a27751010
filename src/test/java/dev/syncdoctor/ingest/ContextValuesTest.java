package dev.syncdoctor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncdoctor.model.Direction;
import dev.syncdoctor.model.Phase;
import dev.syncdoctor.model.SyncCase;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextValuesTest {
    @Test
    void directionsAsPeopleWriteThem() {
        for (String s : List.of("FO->DV", "fo -> dv", "AX->CRM", "F&O to Dataverse", "FinOps \u2192 CDS", "FO to CE")) {
            assertThat(ContextValues.direction(s)).as(s).isEqualTo(Direction.FO_TO_DV);
        }
        for (String s : List.of("DV->FO", "Dataverse to FO", "dataverse to F&O", "CRM->AX")) {
            assertThat(ContextValues.direction(s)).as(s).isEqualTo(Direction.DV_TO_FO);
        }
        assertThat(ContextValues.direction("  ")).isNull();
        assertThatThrownBy(() -> ContextValues.direction("FO->FO")).hasMessage("direction: 'FO->FO' is not FO->DV or DV->FO");
        assertThatThrownBy(() -> ContextValues.direction("sideways")).hasMessageContaining("'sideways'");
    }

    @Test
    void sidesOfALegTheSameWay() {
        assertThat(Direction.from("F&O")).isEqualTo(Direction.FO_TO_DV);
        assertThat(Direction.from("Dataverse")).isEqualTo(Direction.DV_TO_FO);
        assertThat(Direction.from("Excel")).isNull();
    }

    @Test
    void phasesAsPeopleWriteThem() {
        assertThat(ContextValues.phase("Initial sync")).isEqualTo(Phase.INITIAL);
        assertThat(ContextValues.phase("live-sync")).isEqualTo(Phase.LIVE);
        assertThat(ContextValues.phase("set up")).isEqualTo(Phase.SETUP);
        assertThat(ContextValues.phase("Map start")).isEqualTo(Phase.START);
        assertThatThrownBy(() -> ContextValues.phase("later")).hasMessage("phase: 'later' is not one of initial, live, setup, start");
    }

    @Test
    void statusesAreSpeltAsThePageShowsThem() {
        assertThat(ContextValues.status(" not-running ")).isEqualTo("Not running");
        assertThat(ContextValues.status("RUNNING")).isEqualTo("Running");
        assertThat(ContextValues.status("Stopped  by admin")).isEqualTo("Stopped by admin");
    }

    @Test
    void aContextIsCanonicalOnceAndAppliedOverTheCase() {
        CaseContext context = CaseContext.builder().map(" Vendors V2 ").status("not running").direction("Dataverse to FO")
                .phase("initial sync").roles(List.of("sysadmin", "System admin", " ")).attempts(2).build();
        assertThat(context.mapName()).isEqualTo("Vendors V2");
        assertThat(context.mapStatus()).isEqualTo("Not running");
        assertThat(context.roles()).containsExactly("sysadmin");
        SyncCase c = new SyncCase("c");
        context.applyTo(c);
        assertThat(c.getDirection()).isEqualTo(Direction.DV_TO_FO);
        assertThat(c.getPhase()).isEqualTo(Phase.INITIAL);
        assertThat(c.holdsRole("System administrator")).isTrue();
        assertThatThrownBy(() -> CaseContext.builder().attempts(-1).build()).hasMessageContaining("attempts");
    }
}
