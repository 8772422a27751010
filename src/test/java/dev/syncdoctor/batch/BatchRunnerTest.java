package dev.syncdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncdoctor.plan.CaseResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchRunnerTest {

    private static BatchRecord record(String source) {
        CaseResult r = CaseResult.invalid(source, null, "test");
        return new BatchRecord(r, source);
    }

    private static List<BatchInput> inputs(int n) {
        return IntStream.range(0, n).mapToObj(i -> (BatchInput) new BatchInput.File(Path.of("in-" + i))).toList();
    }

    @Test
    void recordsComeOutInInputOrderWhateverTheThreadsAndTimings() {
        for (int threads : new int[] {1, 2, 4}) {
            List<String> seen = new ArrayList<>();
            long n = new BatchRunner(threads, 8, Duration.ofSeconds(30)).run(inputs(500).iterator(), in -> {
                // Uneven work so that later inputs often finish first.
                LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(200_000));
                String s = in.source();
                return s.endsWith("7") ? List.of(record(s + "#a"), record(s + "#b")) : List.of(record(s));
            }, (in, why) -> record(in.source() + " failed"), rs -> rs.forEach(r -> seen.add(r.line())));
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                if (String.valueOf(i).endsWith("7")) {
                    expected.add("in-" + i + "#a");
                    expected.add("in-" + i + "#b");
                } else {
                    expected.add("in-" + i);
                }
            }
            assertThat(seen).as("threads=%d", threads).containsExactlyElementsOf(expected);
            assertThat(n).isEqualTo(expected.size());
        }
    }

    @Test
    void anEvaluationThatNeverReturnsIsRecordedAndTheBatchGoesOn() {
        List<String> seen = new ArrayList<>();
        AtomicBoolean release = new AtomicBoolean();
        try {
            new BatchRunner(1, 4, Duration.ofMillis(300)).run(inputs(5).iterator(), in -> {
                while (in.source().equals("in-1") && !release.get()) {
                    // a consequence that never returns and ignores interrupts (sleeping, not burning a core)
                    LockSupport.parkNanos(5_000_000);
                }
                return List.of(record(in.source()));
            }, (in, why) -> record(in.source() + ": " + why), rs -> rs.forEach(r -> seen.add(r.line())));
        } finally {
            release.set(true);
        }
        assertThat(seen).hasSize(5);
        assertThat(seen.get(1)).startsWith("in-1: evaluation did not finish within 300 ms");
        assertThat(seen).containsSubsequence("in-0", "in-2", "in-3", "in-4");
    }

    @Test
    void anErrorInAWorkerBecomesARecord() {
        List<String> seen = new ArrayList<>();
        new BatchRunner(2, 4, Duration.ofSeconds(30)).run(inputs(3).iterator(), in -> {
            if (in.source().equals("in-1")) {
                throw new OutOfMemoryError("simulated");
            }
            return List.of(record(in.source()));
        }, (in, why) -> record(in.source() + ": " + why), rs -> rs.forEach(r -> seen.add(r.line())));
        assertThat(seen).containsExactly("in-0", "in-1: internal error: java.lang.OutOfMemoryError: simulated", "in-2");
    }
}
