package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * {@link Table2Reader}'s amounts on {@code imports/tabs.txt} (2021 format) and {@code
 * imports/trial-2019.txt} (2019 trial format): 本年收费金额 in 万元 or 元, 政府集中采购 with its unit and glued
 * cells, and what is refused.
 */
class Table2ReaderUnitTest {
  private static final String TABS = ReportReaderTest.text("/imports/tabs.txt");
  private static final String TRIAL = ReportReaderTest.text("/imports/trial-2019.txt");
  private static final String FEES = "行政事业性收费\t356.4821\t\t";
  private static final String PROCUREMENT = "政府集中采购\t6\t356.4821\t";

  private static Reading read(String text, String row, String replacement) {
    assertThat(text).contains(row);
    return ReportReader.read(TextLines.of(text.replace(row, replacement)));
  }

  @Test
  void feesPrintedInYuanAreReadInTenThousandYuanExactly() {
    Reading reading = read(TABS, FEES, "行政事业性收费\t3564821元\t\t");

    assertThat(reading.cells().get("/activeDisclosure/feesAmount"))
        .isEqualTo(new BigDecimal("356.4821"));
    assertThat(reading.unparsed()).isEmpty();
    assertThat(reading.notes()).contains("本年收费金额 is printed in 元 (3564821元): read as 356.4821 万元");
  }

  @Test
  void feesOfOneFenAreReadButATenthOfAFenIsRefused() {
    assertThat(read(TABS, FEES, "行政事业性收费\t0.01元\t\t").cells().get("/activeDisclosure/feesAmount"))
        .isEqualTo(new BigDecimal("0.000001"));

    Reading reading = read(TABS, FEES, "行政事业性收费\t0.001元\t\t");
    assertThat(reading.cells()).doesNotContainKey("/activeDisclosure/feesAmount");
    assertThat(reading.unparsed())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.pointer()).isEqualTo("/activeDisclosure/feesAmount");
              assertThat(u.reason())
                  .isEqualTo("'0.001元' is not an amount in 万元 with at most 6 decimals");
            });
  }

  @Test
  void feesOfZeroAreZeroAndTwoNumbersAreRefused() {
    assertThat(read(TABS, FEES, "行政事业性收费\t0.00\t\t").cells().get("/activeDisclosure/feesAmount"))
        .isSameAs(BigDecimal.ZERO);

    Reading reading = read(TABS, FEES, "行政事业性收费\t356.4821\t12\t");
    assertThat(reading.cells()).doesNotContainKey("/activeDisclosure/feesAmount");
    assertThat(reading.unparsed())
        .singleElement()
        .extracting(Unparsed::reason)
        .isEqualTo("found 2 numbers, expected 1 (本年收费金额, 万元)");
  }

  @Test
  void procurementTakesItsUnitFromTheCell() {
    Reading reading = read(TRIAL, PROCUREMENT, "政府集中采购\t6\t356.48万元\t");

    assertThat(reading.unparsed()).isEmpty();
    assertThat(reading.cells())
        .containsEntry("/activeDisclosure2019/procurement/projects", 6)
        .containsEntry("/activeDisclosure2019/procurement/totalAmount", new BigDecimal("356.48"))
        .containsEntry("/activeDisclosure2019/procurement/unit", "万元");
  }

  @Test
  void procurementTakesItsUnitFromTheRowLabel() {
    Reading reading = read(TRIAL, PROCUREMENT, "政府集中采购（元）\t6\t3564821.50\t");

    assertThat(reading.unparsed()).isEmpty();
    assertThat(reading.cells())
        .containsEntry("/activeDisclosure2019/procurement/totalAmount", new BigDecimal("3564821.5"))
        .containsEntry("/activeDisclosure2019/procurement/unit", "元");
  }

  @Test
  void procurementTakesItsUnitFromTheLineUnderItsHeader() {
    String header = "采购项目数量\t采购总金额\t\n";
    Reading reading = read(TRIAL, header + PROCUREMENT, header + "（元）\n政府集中采购\t6\t3564821.50\t");

    assertThat(reading.unparsed()).isEmpty();
    assertThat(reading.cells())
        .containsEntry("/activeDisclosure2019/procurement/totalAmount", new BigDecimal("3564821.5"))
        .containsEntry("/activeDisclosure2019/procurement/unit", "元");
  }

  @Test
  void procurementInYuanHasAtMostTwoDecimals() {
    Reading reading = read(TRIAL, PROCUREMENT, "政府集中采购\t6\t356.482元\t");

    assertThat(reading.cells()).doesNotContainKey("/activeDisclosure2019/procurement/projects");
    assertThat(reading.unparsed())
        .singleElement()
        .extracting(Unparsed::reason)
        .isEqualTo("'356.482元' 元 has more than 2 decimals (one fen)");
  }

  @Test
  void procurementGluedIsReadWhenItSplitsOneWayOnly() {
    // no projects and no amount, glued: 0 | 0元
    Reading reading = read(TRIAL, PROCUREMENT, "政府集中采购 00元");

    assertThat(reading.unparsed()).isEmpty();
    assertThat(reading.cells())
        .containsEntry("/activeDisclosure2019/procurement/projects", 0)
        .containsEntry("/activeDisclosure2019/procurement/totalAmount", BigDecimal.ZERO)
        .containsEntry("/activeDisclosure2019/procurement/unit", "元");
    assertThat(reading.sources().get("/activeDisclosure2019/procurement/projects").how())
        .isEqualTo("exact label; glued digits: the only split");
  }

  @Test
  void procurementGluedThatSplitsTwoWaysIsRefused() {
    // 6 | 356.4821 or 63 | 56.4821
    Reading reading = read(TRIAL, PROCUREMENT, "政府集中采购 6356.4821万元");

    assertThat(reading.cells()).doesNotContainKey("/activeDisclosure2019/procurement/projects");
    assertThat(reading.unparsed())
        .singleElement()
        .extracting(Unparsed::reason)
        .isEqualTo(
            "'6356.4821万元' holds 采购项目数量 and 采购总金额 glued together and splits more than one way"
                + " (or none)");
  }

  @Test
  void gluedProcurementSplitsOnlyWhereNoNumberStartsWithZero() {
    Row.Value cell = new Row.Value("600.5万元", 1, 1, false);
    assertThat(Table2Reader.gluedProcurement(cell))
        .extracting(Row.Value::text)
        .containsExactly("60", "0.5万元");
    // every split leaves an amount of several digits starting with 0
    assertThat(Table2Reader.gluedProcurement(new Row.Value("1000000000", 1, 1, false))).isNull();
    assertThat(Table2Reader.gluedProcurement(new Row.Value("6", 1, 1, false))).isNull();
  }
}
