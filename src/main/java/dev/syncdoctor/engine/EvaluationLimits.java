package dev.syncdoctor.engine;

import java.time.Duration;

/** Bounds on one case's session: a looping rule stops at the fire limit, a slow one at the time limit. */
public record EvaluationLimits(int maxFirings, Duration timeLimit) {
    public static final EvaluationLimits DEFAULT = new EvaluationLimits(10_000, Duration.ofSeconds(5));

    public EvaluationLimits {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("fire limit must be at least 1");
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive");
        }
    }
}
