package org.disclosurehub.rollup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.report.Amounts;

/**
 * One of a roll-up's tables (activeDisclosure, activeDisclosure2019, requests, reviews) in the
 * shape of a report, written straight from the sums: no tree is built per roll-up. The shape
 * (nested keys in the order of RollupLayout.CELLS as they first appear, counts as numbers, amounts
 * as decimal strings, the 2019 采购总金额's unit) is worked out once.
 */
public final class SummedTable implements JsonSerializable {
  static final String ACTIVE_DISCLOSURE = "activeDisclosure";
  static final String ACTIVE_DISCLOSURE_2019 = "activeDisclosure2019";
  static final String REQUESTS = "requests";
  static final String REVIEWS = "reviews";

  /** What writing a table does, step by step: open or close an object, or write a field. */
  private record Step(SerializableString key, int cell, String text) {
    static final int OPEN = -1;
    static final int CLOSE = -2;
    static final int TEXT = -3;
  }

  private static final Map<String, List<Step>> STEPS = steps();

  private final String table;
  private final Sums sums;

  SummedTable(String table, Sums sums) {
    if (!STEPS.containsKey(table)) {
      throw new IllegalArgumentException("no table " + table);
    }
    this.table = table;
    this.sums = sums;
  }

  /** A cell of this table by its JSON Pointer from the report's root ({@code /requests/...}). */
  public BigDecimal cell(String pointer) {
    if (!pointer.startsWith("/" + table + "/")) {
      throw new IllegalArgumentException(pointer + " is not in " + table);
    }
    return sums.cell(RollupLayout.index(pointer));
  }

  @Override
  public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
    for (Step step : STEPS.get(table)) {
      if (step.key() != null) {
        gen.writeFieldName(step.key());
      }
      switch (step.cell()) {
        case Step.OPEN -> gen.writeStartObject();
        case Step.CLOSE -> gen.writeEndObject();
        case Step.TEXT -> gen.writeString(step.text());
        default -> {
          BigDecimal sum = sums.cell(step.cell());
          if (RollupLayout.isAmount(step.cell())) {
            gen.writeString(Amounts.format(sum));
          } else {
            gen.writeNumber(sum.longValueExact());
          }
        }
      }
    }
  }

  @Override
  public void serializeWithType(
      JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
      throws IOException {
    serialize(gen, serializers);
  }

  /** The tables' shapes: nested maps of keys to cells, in the order cells first appear. */
  private static Map<String, List<Step>> steps() {
    Map<String, Object> root = new LinkedHashMap<>();
    for (int i = 0; i < RollupLayout.SIZE; i++) {
      String[] keys = RollupLayout.CELLS.get(i).pointer().substring(1).split("/");
      object(root, keys, keys.length - 1).put(keys[keys.length - 1], i);
    }
    object(root, new String[] {ACTIVE_DISCLOSURE_2019, "procurement"}, 2).put("unit", "万元");
    Map<String, List<Step>> steps = new LinkedHashMap<>();
    for (Map.Entry<String, Object> table : root.entrySet()) {
      List<Step> written = new ArrayList<>();
      write(null, table.getValue(), written);
      steps.put(table.getKey(), List.copyOf(written));
    }
    if (!steps
        .keySet()
        .equals(java.util.Set.of(ACTIVE_DISCLOSURE, ACTIVE_DISCLOSURE_2019, REQUESTS, REVIEWS))) {
      throw new IllegalStateException("unexpected tables " + steps.keySet());
    }
    return Map.copyOf(steps);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> root, String[] keys, int depth) {
    Map<String, Object> node = root;
    for (int k = 0; k < depth; k++) {
      node = (Map<String, Object>) node.computeIfAbsent(keys[k], key -> new LinkedHashMap<>());
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static void write(String key, Object value, List<Step> steps) {
    SerializableString name = key == null ? null : new SerializedString(key);
    if (value instanceof Integer cell) {
      steps.add(new Step(name, cell, null));
    } else if (value instanceof String text) {
      steps.add(new Step(name, Step.TEXT, text));
    } else {
      steps.add(new Step(name, Step.OPEN, null));
      ((Map<String, Object>) value).forEach((k, v) -> write(k, v, steps));
      steps.add(new Step(null, Step.CLOSE, null));
    }
  }
}
