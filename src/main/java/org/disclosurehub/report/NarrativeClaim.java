package org.disclosurehub.report;

import java.util.function.ToIntFunction;

/**
 * What a statement speaks of: a cell, or a sum of cells, with its JSON Pointer and label. {@code
 * alternative}, when not null, is a second reading the prose may mean (本年新收 + 上年结转 for "收到").
 */
record NarrativeClaim(
    String pointer,
    String label,
    ToIntFunction<Report> value,
    ToIntFunction<Report> alternative,
    String alternativeLabel) {
  NarrativeClaim(String pointer, String label, ToIntFunction<Report> value) {
    this(pointer, label, value, null, null);
  }
}
