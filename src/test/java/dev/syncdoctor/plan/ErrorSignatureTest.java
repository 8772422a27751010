package dev.syncdoctor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorSignatureTest {

    @Test
    void theSameErrorFromTwoEnvironmentsHasOneSignature() {
        String a = "Unable to write data to entity msdyn_widgets. Record 4711 failed for organisation "
                + "8c0b2c7e-1d2f-4e5a-9b6c-7d8e9f0a1b2c at https://contoso.crm.dynamics.com/api/data/v9.0/msdyn_widgets?$filter=x eq 'A-1'";
        String b = "Unable to write data to entity cdm_gadgets. Record 99 failed for organisation "
                + "11111111-2222-3333-4444-555555555555 at https://fabrikam.crm4.dynamics.com/api/data/v9.2/cdm_gadgets";
        assertThat(ErrorSignature.of(a)).isEqualTo(ErrorSignature.of(b))
                .isEqualTo("Unable to write data to entity <entity>. Record <n> failed for organisation <guid> at <url>");
    }

    @Test
    void quotedValuesRecordIdsHexCodesAndPathsAreMasked() {
        assertThat(ErrorSignature.of("Record Id: new record, ErrorMessage: code 0x80040265 for 'V-100' in X:\\bt\\123\\a.cs:line 5"))
                .isEqualTo("Record Id: <record>, ErrorMessage: code <hex> for <value> in <path>");
    }

    @Test
    void longMessagesAreCutAndNullIsEmpty() {
        assertThat(ErrorSignature.of("word ".repeat(500))).hasSizeLessThanOrEqualTo(303);
        assertThat(ErrorSignature.of(null)).isEmpty();
    }
}
