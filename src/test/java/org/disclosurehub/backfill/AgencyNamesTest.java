package org.disclosurehub.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names as reports print them, matched to a registry within a division, and never guessed. */
class AgencyNamesTest {
  private static final List<AgencyNames.Registered> XUZHOU =
      List.of(
          new AgencyNames.Registered("xz-transport", "徐州市交通运输局", "320300"),
          new AgencyNames.Registered("sn-transport", "睢宁县交通运输局", "320324"),
          new AgencyNames.Registered("px-transport", "交通运输局", "320322"),
          new AgencyNames.Registered("sn-office", "睢宁县人民政府办公室", "320324"),
          new AgencyNames.Registered("sn-market", "睢宁县市场监督管理局", "320324"),
          new AgencyNames.Registered("xz-city", "徐州市城市管理局", "320300"));

  private final AgencyNames names = new AgencyNames("320300", XUZHOU);

  private List<String> codes(String name) {
    return names.match(name).agencies().stream().map(AgencyNames.Registered::code).toList();
  }

  @Test
  void shouldMatchTheVariantsOfOneName() {
    assertThat(codes("睢宁县交通运输局")).containsExactly("sn-transport");
    assertThat(codes("徐州市睢宁县交通运输局")).containsExactly("sn-transport");
    assertThat(codes("睢宁县 交通运输局")).containsExactly("sn-transport");
    assertThat(codes("睢宁县交通运输局")).containsExactly("sn-transport");
    assertThat(codes("睢宁县政府办")).containsExactly("sn-office");
    assertThat(codes("睢宁县政府办公室")).containsExactly("sn-office");
    assertThat(codes("睢宁县市场监督管理局")).containsExactly("sn-market");
    assertThat(codes("徐州市城市管理局")).containsExactly("xz-city");
    // 沛县 (320322) registered its bureau without the county's name.
    assertThat(codes("沛县交通运输局")).containsExactly("px-transport");
  }

  @Test
  void shouldNotGuessAnAmbiguousOrForeignName() {
    assertThat(codes("交通运输局")).hasSize(3);
    assertThat(codes("邳州市交通运输局")).isEmpty();
    assertThat(codes("徐州市民政局")).isEmpty();
    // The city's bureau is not the county's, though the county lies in the city.
    assertThat(codes("徐州市交通运输局")).containsExactly("xz-transport");
  }

  @Test
  void shouldReadTheAgencyFromTheTitleOfTheSeed() throws Exception {
    byte[] seed = Files.readAllBytes(Path.of("examples/zhongwei-civil-affairs-2024.pdf"));
    ReportIdentity identity = ReportIdentity.of(seed, "application/pdf", "x/年报.pdf");
    assertThat(identity.names()).extracting(ReportIdentity.Named::name).containsOnly("中卫市民政局");
    assertThat(identity.year()).isEqualTo(2024);
    AgencyNames zhongning =
        new AgencyNames("640521", List.of(new AgencyNames.Registered("zn", "中宁县民政局", "640521")));
    assertThat(zhongning.match("中卫市民政局").agencies()).isEmpty();
  }
}
