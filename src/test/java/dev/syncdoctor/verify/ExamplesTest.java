package dev.syncdoctor.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncdoctor.knowledge.KnowledgeBase;
import dev.syncdoctor.knowledge.KnowledgeLoader;
import dev.syncdoctor.plan.Diagnostician;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every example case under facts/ produces its stated result with the rules under rules/. */
class ExamplesTest {
    private static ExampleCheck check;
    private static List<ExampleCase> examples;

    @BeforeAll
    static void load() throws Exception {
        KnowledgeBase kb = KnowledgeLoader.load(Path.of("rules"));
        check = new ExampleCheck(new Diagnostician(kb));
        examples = ExampleCorpus.find(Path.of("facts"));
    }

    @Test
    void theCorpusIsNotEmptyAndEveryCaseStatesItsExpectation() {
        assertThat(examples).hasSizeGreaterThanOrEqualTo(10);
        assertThat(examples).allSatisfy(e -> assertThat(e.expectation()).as(e.name()).isNotNull());
    }

    @TestFactory
    Stream<DynamicTest> everyExampleProducesItsExpectedResult() {
        return examples.stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            CheckResult r = check.check(e);
            assertThat(r.differences()).as(e.name()).isEmpty();
        }));
    }
}
