package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.report.Amounts;
import org.junit.jupiter.api.Test;

/**
 * The four summed tables of a roll-up's JSON are byte for byte what a Jackson tree built cell by
 * cell from RollupLayout.CELLS printed (the shape roll-ups had before they were written straight
 * from the sums): same key order, counts as numbers, amounts as decimal strings, the 2019 采购总金额's
 * unit. The values come from the CSV of the same roll-up, which is written from the sums without
 * the JSON. Over 昆明市五华区 (TrialFormatRollupTest's region: 2020 mixes both formats, 2021 is in the
 * national format) and a year of it without reports.
 */
@QuarkusTest
class RollupTablesJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldPrintTheTablesAsTheCellByCellTreeDid() throws Exception {
    TrialFormatRollupTest.storeFixture();
    for (int year : List.of(2020, 2021, 2019)) {
      String url = "/api/v1/regions/530102/rollups/" + year;
      String body =
          given().accept("application/json").get(url).then().statusCode(200).extract().asString();
      assertThat(body).as(url).contains(expectedTables(url));
    }
  }

  /** The tables as the cell-by-cell tree printed them, from the CSV's values. */
  private static String expectedTables(String url) throws Exception {
    Map<String, String> values = new HashMap<>();
    String csv = given().accept("text/csv").get(url).then().statusCode(200).extract().asString();
    for (String line : csv.split("\r\n")) {
      String[] row = line.split(",");
      String pointer = "/" + row[0] + "/" + row[1] + (row[2].isEmpty() ? "" : "/" + row[2]);
      values.put(pointer, row[row.length - 1]);
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < RollupLayout.SIZE; i++) {
      String pointer = RollupLayout.CELLS.get(i).pointer();
      String[] keys = pointer.substring(1).split("/");
      ObjectNode node = root;
      for (int k = 0; k < keys.length - 1; k++) {
        JsonNode child = node.get(keys[k]);
        node = child != null ? (ObjectNode) child : node.putObject(keys[k]);
      }
      String value = values.get(pointer);
      assertThat(value).as(pointer).isNotNull();
      if (RollupLayout.isAmount(i)) {
        node.put(keys[keys.length - 1], Amounts.format(new BigDecimal(value)));
      } else {
        node.put(keys[keys.length - 1], Long.parseLong(value));
      }
    }
    ((ObjectNode) root.at("/activeDisclosure2019/procurement")).put("unit", "万元");
    StringBuilder tables = new StringBuilder();
    for (String table :
        List.of("activeDisclosure", "activeDisclosure2019", "requests", "reviews")) {
      tables
          .append(tables.isEmpty() ? "" : ",")
          .append(JSON.writeValueAsString(table))
          .append(':')
          .append(JSON.writeValueAsString(root.get(table)));
    }
    return tables.toString();
  }
}
