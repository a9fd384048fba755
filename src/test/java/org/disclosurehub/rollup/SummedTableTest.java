package org.disclosurehub.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Random;
import org.disclosurehub.report.Amounts;
import org.junit.jupiter.api.Test;

/**
 * Without the service: for random sums (negative changes, large counts, amounts with and without
 * decimals), each table prints as the Jackson tree built cell by cell from RollupLayout.CELLS did.
 */
class SummedTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldPrintEachTableAsTheCellByCellTree() throws Exception {
    Random random = new Random(28);
    for (int run = 0; run < 50; run++) {
      BigDecimal[] cells = new BigDecimal[RollupLayout.SIZE];
      for (int i = 0; i < cells.length; i++) {
        cells[i] =
            RollupLayout.isAmount(i)
                ? BigDecimal.valueOf(random.nextLong(0, 10_000_000_000L), random.nextInt(0, 7))
                : BigDecimal.valueOf(random.nextLong(-1_000, 3_000_000_000L));
      }
      Sums sums = new Sums(cells, 1, 0, 0, 0, 0, 0, 0);
      ObjectNode tree = tree(sums);
      for (String table :
          new String[] {
            SummedTable.ACTIVE_DISCLOSURE,
            SummedTable.ACTIVE_DISCLOSURE_2019,
            SummedTable.REQUESTS,
            SummedTable.REVIEWS
          }) {
        assertThat(JSON.writeValueAsString(new SummedTable(table, sums)))
            .as(table)
            .isEqualTo(JSON.writeValueAsString(tree.get(table)));
      }
    }
  }

  /** The tables as roll-ups built them before: a tree, cell by cell. */
  private static ObjectNode tree(Sums sums) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < RollupLayout.SIZE; i++) {
      String[] keys = RollupLayout.CELLS.get(i).pointer().substring(1).split("/");
      ObjectNode node = root;
      for (int k = 0; k < keys.length - 1; k++) {
        JsonNode child = node.get(keys[k]);
        node = child != null ? (ObjectNode) child : node.putObject(keys[k]);
      }
      String last = keys[keys.length - 1];
      if (RollupLayout.isAmount(i)) {
        node.put(last, Amounts.format(sums.cell(i)));
      } else {
        node.put(last, sums.cell(i).longValueExact());
      }
    }
    ((ObjectNode) root.at("/activeDisclosure2019/procurement")).put("unit", "万元");
    return root;
  }
}
