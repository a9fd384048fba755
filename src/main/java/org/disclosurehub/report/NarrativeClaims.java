package org.disclosurehub.report;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * What the statements of the prose speak of: cells of Tables 三 and 四 and of 第二十条第（一）项, or their
 * sums.
 */
final class NarrativeClaims {
  private NarrativeClaims() {}

  /** The subjects of Table 四 a statement may speak of. */
  enum CaseSubject {
    REVIEW,
    LITIGATION,
    LITIGATION_DIRECT,
    LITIGATION_AFTER_REVIEW;

    NarrativeClaim column(String key) {
      ReviewBlock.Column column =
          ReviewBlock.COLUMNS.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
      return switch (this) {
        case REVIEW -> blockColumn(ReportLayout.REVIEW_BLOCKS.get(0), column);
        case LITIGATION_DIRECT -> blockColumn(ReportLayout.REVIEW_BLOCKS.get(1), column);
        case LITIGATION_AFTER_REVIEW -> blockColumn(ReportLayout.REVIEW_BLOCKS.get(2), column);
        // No single cell: both litigation blocks add up; the pointer names Table 四.
        case LITIGATION ->
            new NarrativeClaim(
                "/reviews",
                "行政诉讼 (未经复议直接起诉 + 复议后起诉) · " + column.label(),
                r ->
                    column.value().apply(r.reviews().litigationDirect())
                        + column.value().apply(r.reviews().litigationAfterReview()));
      };
    }
  }

  /** The documents of 第二十条第（一）项. */
  enum Documents {
    REGULATIONS("regulations", "规章"),
    NORMATIVE_DOCUMENTS("normativeDocuments", "行政规范性文件");

    private final String key;
    private final String label;

    Documents(String key, String label) {
      this.key = key;
      this.label = label;
    }

    NarrativeClaim column(String column, String columnLabel, ToIntFunction<DocumentCounts> value) {
      return new NarrativeClaim(
          "/activeDisclosure/" + key + "/" + column,
          label + " " + columnLabel,
          r ->
              value.applyAsInt(
                  this == REGULATIONS
                      ? r.activeDisclosure().regulations()
                      : r.activeDisclosure().normativeDocuments()));
    }

    NarrativeClaim issued() {
      return column("issued", "本年制发件数", DocumentCounts::issued);
    }

    NarrativeClaim repealed() {
      return column("repealed", "本年废止件数", DocumentCounts::repealed);
    }

    NarrativeClaim inForce() {
      return column("inForce", "现行有效件数", DocumentCounts::inForce);
    }

    static Documents of(String mention) {
      return mention.contains("规章") ? REGULATIONS : NORMATIVE_DOCUMENTS;
    }
  }

  static NarrativeClaim requestTotal(ReportLayout.RequestRow row) {
    return new NarrativeClaim(
        row.pointer() + "/total", row.label() + " · 总计", r -> row.of(r).total());
  }

  static NarrativeClaim outcomeGroup(String key, String label, int from, int to) {
    List<ReportLayout.RequestRow> rows = ReportLayout.OUTCOME_ROWS.subList(from, to);
    return new NarrativeClaim(
        "/requests/outcomes/" + key,
        label + " · 总计",
        r -> rows.stream().mapToInt(row -> row.of(r).total()).sum());
  }

  static NarrativeClaim blockColumn(ReportLayout.ReviewRow block, ReviewBlock.Column column) {
    return new NarrativeClaim(
        block.pointer() + "/" + column.key(),
        block.label() + " · " + column.label(),
        r -> column.value().apply(block.of(r)));
  }
}
