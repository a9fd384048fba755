package org.disclosurehub.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.report.CrossYearRulesUnitTest.JSON;
import static org.disclosurehub.report.CrossYearRulesUnitTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ReportConstraints} says yes exactly where Hibernate Validator finds nothing: the real
 * reports of both formats, each changed in one place at a time — every field removed, set to null,
 * and every cell set to the limits and just beyond them, every text to another — and the changes
 * that only a class-level or map constraint catches.
 */
class ReportConstraintsUnitTest {
  private static final ValidatorFactory FACTORY =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  private int met;
  private int unmet;

  @Test
  void shouldAgreeWithHibernateValidatorOnEveryChangeOfOneField() {
    for (String resource :
        List.of(
            "/reports/natural-resources-2024.json", "/reports/market-regulation-2020-trial.json")) {
      ObjectNode report = json(resource);
      assertAgrees(report);
      for (List<String> path : paths(report, new ArrayList<>())) {
        changed(report, path, (parent, key) -> parent.remove(key));
        changed(report, path, (parent, key) -> parent.putNull(key));
        if (at(report, path).isNumber()) {
          for (long cell :
              new long[] {-100_000_001L, -100_000_000L, -1, 100_000_000L, 100_000_001L}) {
            changed(report, path, (parent, key) -> parent.put(key, cell));
          }
        }
        if (at(report, path).isTextual()) {
          for (String text : new String[] {"", "x", "2019", "2021", "元", "万元", "12.125"}) {
            changed(report, path, (parent, key) -> parent.put(key, text));
          }
        }
      }
    }
    assertThat(met).as("reports the walk alone accepts").isGreaterThan(100);
    assertThat(unmet).as("reports Hibernate Validator refuses").isGreaterThan(100);
  }

  @Test
  void shouldAgreeWhereOnlyTheFormatOrTheMapDecides() {
    ObjectNode current = json("/reports/natural-resources-2024.json");
    ObjectNode trial = json("/reports/market-regulation-2020-trial.json");
    ObjectNode both = current.deepCopy();
    both.set("activeDisclosure2019", trial.get("activeDisclosure2019"));
    assertAgrees(both);
    ObjectNode trialLabelled = current.deepCopy();
    trialLabelled.put("formatVersion", "2019");
    assertAgrees(trialLabelled);
    ObjectNode rowsIn2019 = trial.deepCopy();
    ObjectNode other = (ObjectNode) rowsIn2019.at("/requests/outcomes/otherHandling");
    other.set("overdueFee", current.at("/requests/outcomes/otherHandling/other"));
    assertAgrees(rowsIn2019);
    for (String amount : new String[] {"12.12", "12.125"}) {
      ObjectNode yuan = trial.deepCopy();
      ((ObjectNode) yuan.at("/activeDisclosure2019/procurement")).put("unit", "元");
      ((ObjectNode) yuan.at("/activeDisclosure2019/procurement")).put("totalAmount", amount);
      assertAgrees(yuan);
    }
    for (long cell : new long[] {0, -100_000_000L, 100_000_001L, -100_000_001L}) {
      ObjectNode items = current.deepCopy();
      items.putObject("publishedItems").put("total", 3).putObject("byCategory").put("部门公告", cell);
      assertAgrees(items);
    }
    ObjectNode nullItem = current.deepCopy();
    nullItem.putObject("publishedItems").putObject("byCategory").putNull("部门公告");
    assertAgrees(nullItem);
  }

  private void changed(ObjectNode report, List<String> path, Change change) {
    ObjectNode copy = report.deepCopy();
    ObjectNode parent = (ObjectNode) at(copy, path.subList(0, path.size() - 1));
    change.apply(parent, path.get(path.size() - 1));
    assertAgrees(copy);
  }

  private void assertAgrees(ObjectNode json) {
    Report report;
    try {
      report = JSON.treeToValue(json, Report.class);
    } catch (IOException notAReport) {
      return; // refused by Jackson before any constraint is checked
    }
    boolean valid = VALIDATOR.validate(report).isEmpty();
    assertThat(ReportConstraints.met(report)).as(json.toString()).isEqualTo(valid);
    if (valid) {
      met++;
    } else {
      unmet++;
    }
  }

  private interface Change {
    void apply(ObjectNode parent, String key);
  }

  /** The path of every field under an object, depth first. */
  private static List<List<String>> paths(JsonNode node, List<String> at) {
    List<List<String>> paths = new ArrayList<>();
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      List<String> path = new ArrayList<>(at);
      path.add(name);
      paths.add(path);
      if (node.get(name).isObject()) {
        paths.addAll(paths(node.get(name), path));
      }
    }
    return paths;
  }

  private static JsonNode at(JsonNode node, List<String> path) {
    JsonNode here = node;
    for (String key : path) {
      here = here.get(key);
    }
    return here;
  }
}
