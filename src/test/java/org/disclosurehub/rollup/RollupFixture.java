package org.disclosurehub.rollup;

import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.zhongweiCivilAffairs2024;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roll-up fixture of issue 3 for one year: the seed and synthetic reports for agencies of 中卫市
 * (640500) and its districts 640502, 640521, 640522, one agency of 吴忠市 (640300), and one agency
 * that does not report. Every agency is active in that year only, so that fixtures of different
 * years never meet in a roll-up.
 */
final class RollupFixture {
  static final String[] SECTIONS = {"activeDisclosure", "requests", "reviews"};

  /** A report as submitted, and what the test expects of it. */
  record Submitted(
      String code, String division, ObjectNode report, boolean late, boolean inconsistent) {}

  final int year;
  final List<Submitted> reports = new ArrayList<>();
  String missing;

  private RollupFixture(int year) {
    this.year = year;
  }

  static RollupFixture submit(int year) {
    RollupFixture f = new RollupFixture(year);
    String onTime = (year + 1) + "-01-20";
    // The seed states no publishedOn: it is late, as it is first submitted long after January.
    f.add("640500", relabelled(zhongweiCivilAffairs2024(), null), true, false);
    f.add("640500", scaled(naturalResources2024(), 1, onTime), false, false);
    // Published on the deadline itself: on time.
    f.add("640502", scaled(naturalResources2024(), 2, (year + 1) + "-01-31"), false, false);
    // Published the day after: late.
    f.add("640521", scaled(naturalResources2024(), 3, (year + 1) + "-02-01"), true, false);
    // Published as printed, with a BALANCE error: accepted with acceptInconsistent.
    ObjectNode broken = scaled(naturalResources2024(), 1, onTime);
    ObjectNode newlyReceived = at(broken, "/requests/newlyReceived");
    newlyReceived.put("naturalPerson", newlyReceived.get("naturalPerson").intValue() + 1);
    newlyReceived.put("total", newlyReceived.get("total").intValue() + 1);
    f.add("640522", broken, false, true);
    f.missing = registerAgency("640522", "missing", year);
    // Another city of the province.
    f.add("640300", scaled(naturalResources2024(), 5, onTime), false, false);
    return f;
  }

  private void add(String division, ObjectNode report, boolean late, boolean inconsistent) {
    String code = registerAgency(division, "agency", year);
    admin()
        .contentType("application/json")
        .queryParam("acceptInconsistent", inconsistent)
        .body(report.toString())
        .put(reportPath(code, year))
        .then()
        .statusCode(201);
    reports.add(new Submitted(code, division, report, late, inconsistent));
  }

  /** Registers an agency active in {@code year} only. */
  static String registerAgency(String division, String prefix, int year) {
    return registerAgency(division, prefix, year, year);
  }

  static String registerAgency(String division, String prefix, int from, int to) {
    String code = newAgencyCode(prefix);
    admin()
        .contentType("application/json")
        .body(
            Map.of(
                "code",
                code,
                "name",
                "测试机关 " + code,
                "divisionCode",
                division,
                "activeFrom",
                from,
                "activeTo",
                to))
        .post("/api/v1/agencies")
        .then()
        .statusCode(201);
    return code;
  }

  /** The reports of agencies whose division lies in [lowest, highest]. */
  List<Submitted> within(String lowest, String highest) {
    return reports.stream()
        .filter(r -> r.division().compareTo(lowest) >= 0 && r.division().compareTo(highest) <= 0)
        .toList();
  }

  /**
   * Every numeric cell of the three tables summed over the reports, by JSON Pointer: computed from
   * the JSON trees as submitted, without the service's layout.
   */
  static Map<String, BigDecimal> sums(List<Submitted> reports) {
    Map<String, BigDecimal> sums = new LinkedHashMap<>();
    for (Submitted r : reports) {
      for (String section : SECTIONS) {
        leaves(r.report().get(section), "/" + section, sums);
      }
    }
    return sums;
  }

  static Map<String, BigDecimal> leaves(
      JsonNode node, String pointer, Map<String, BigDecimal> into) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var field = it.next();
        leaves(field.getValue(), pointer + "/" + field.getKey(), into);
      }
    } else {
      BigDecimal value = node.isTextual() ? new BigDecimal(node.textValue()) : node.decimalValue();
      into.merge(pointer, value, BigDecimal::add);
    }
    return into;
  }

  /** How many numeric cells a report has in Tables 二, 三 and 四, counted in a fixture. */
  static int cellCount() {
    return sums(List.of(new Submitted("x", "640000", naturalResources2024(), false, false))).size();
  }

  /** The report with every count multiplied (all rules are linear, so it still adds up). */
  static ObjectNode scaled(ObjectNode report, int factor, String publishedOn) {
    ObjectNode copy = report.deepCopy();
    for (String section : SECTIONS) {
      scale((ObjectNode) copy.get(section), factor);
    }
    at(copy, "/publishedItems").put("total", copy.at("/publishedItems/total").intValue() * factor);
    return relabelled(copy, publishedOn);
  }

  private static ObjectNode relabelled(ObjectNode report, String publishedOn) {
    if (publishedOn == null) {
      report.remove("publishedOn");
    } else {
      report.put("publishedOn", publishedOn);
    }
    return report;
  }

  private static void scale(ObjectNode node, int factor) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      var field = it.next();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        scale((ObjectNode) value, factor);
      } else if (value.isInt()) {
        field.setValue(IntNode.valueOf(value.intValue() * factor));
      } else if (value.isTextual()) {
        BigDecimal amount = new BigDecimal(value.textValue()).multiply(BigDecimal.valueOf(factor));
        field.setValue(TextNode.valueOf(amount.stripTrailingZeros().toPlainString()));
      }
    }
  }
}
