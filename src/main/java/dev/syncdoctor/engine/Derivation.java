package dev.syncdoctor.engine;

import java.util.List;

/** Why a conclusion exists: the rule whose consequence inserted it and the facts that rule matched. */
public record Derivation(String rule, List<Object> matched) {
}
