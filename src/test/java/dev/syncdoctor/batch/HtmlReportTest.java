package dev.syncdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncdoctor.plan.CaseResult;
import dev.syncdoctor.plan.CaseStatus;
import dev.syncdoctor.plan.ErrorSignature;
import dev.syncdoctor.plan.UnexplainedError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    @Test
    void theReportIsSelfContainedAndEscapesEveryText() {
        BatchSummary s = new BatchSummary();
        String nasty = "<script>alert('x')</script> & \"quoted\" at https://evil.example/x.js";
        s.add(new CaseResult("<b>file</b>.txt", "c", CaseStatus.UNKNOWN, List.of(), List.of(), List.of(),
                List.of(new UnexplainedError("e1", ErrorSignature.of(nasty), nasty)), null, null));
        s.add(CaseResult.invalid("x.json", "x", "x.json:1:1: <img src=http://evil.example/a.png>"));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("threads", 2);
        String html = HtmlReport.render(s, run);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<svg").contains("</html>");
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>file");
        assertThat(html).contains("&lt;script&gt;").contains("&lt;b&gt;file&lt;/b&gt;.txt").contains("&amp;");
        // No resource to fetch: no src/href attributes, no CSS url() or @import, no link element.
        assertThat(Pattern.compile("(?i)<[^>]*\\s(src|href|xlink:href)\\s*=").matcher(html).find()).isFalse();
        assertThat(html).doesNotContainIgnoringCase("url(").doesNotContainIgnoringCase("@import")
                .doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("<iframe");
        // Any http that remains is escaped text inside an element, never inside a tag.
        assertThat(Pattern.compile("<[^>]*http").matcher(html).find()).isFalse();
    }

    @Test
    void thePerCaseTableListsEveryCaseInOrderEscapedAndCountsTheRowsPastItsLimit() {
        BatchSummary s = new BatchSummary();
        CaseTable table = new CaseTable(2);
        List<CaseResult> results = List.of(
                new CaseResult("a.txt", "<i>a</i>", CaseStatus.UNKNOWN, List.of(), List.of(), List.of(),
                        List.of(new UnexplainedError("e1", "Message: <n> widgets", "Message: 3 widgets")), null, null),
                CaseResult.invalid("b.json", "b", "b.json:1:2: not JSON"),
                CaseResult.invalid("c.json", "c", "c.json: too large"));
        for (CaseResult r : results) {
            s.add(r);
            table.add(r);
        }
        String html = HtmlReport.render(s, table, new LinkedHashMap<>());
        assertThat(html).contains("<h2>Cases</h2>").contains("&lt;i&gt;a&lt;/i&gt;").doesNotContain("<i>a</i>");
        assertThat(html.indexOf("a.txt", html.indexOf("<h2>Cases</h2>"))).isLessThan(html.indexOf("b.json:1:2", html.indexOf("<h2>Cases</h2>")));
        assertThat(html).contains("not recognised: Message: &lt;n&gt; widgets").contains("1 more are counted above but not listed");
        assertThat(html.substring(html.indexOf("<h2>Cases</h2>"))).doesNotContain("c.json: too large");
        assertThat(HtmlReport.render(s, new LinkedHashMap<>())).doesNotContain("<h2>Cases</h2>");
    }
}
