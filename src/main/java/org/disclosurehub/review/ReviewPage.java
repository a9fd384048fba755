package org.disclosurehub.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.document.PrintedForm;
import org.disclosurehub.document.TableCells;
import org.disclosurehub.document.TablesHtml;
import org.disclosurehub.region.Regions;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.RuleViolation;

/**
 * A report's review page: what the checks found and what the reviewer said, cell by cell, next to
 * each other; the tables as published; the history; the forms to act.
 */
record ReviewPage(
    String code,
    String name,
    String division,
    String divisionName,
    int year,
    ReviewView review,
    String stateWords,
    List<Remark> remarks,
    List<Remark> sectionRemarks,
    List<ReviewView.WarningView> warnings,
    List<Option> cells,
    String tablesHtml,
    String done) {

  /** What is said about one cell: findings of the checks, the reviewer's comments, changes. */
  record Remark(
      String pointer, String cell, List<String> findings, List<String> comments, boolean changed) {}

  record Option(String value, String label) {}

  static ReviewPage of(
      String code, String name, String division, int year, ReviewView review, String done) {
    Map<String, Remark> byCell = new LinkedHashMap<>();
    List<Remark> sections = new ArrayList<>();
    if (review.report() != null) {
      for (RuleViolation v : review.report().violations()) {
        remark(byCell, v.path())
            .findings()
            .add("违反勾稽关系 · " + RuleWords.name(v.rule()) + "：" + RuleWords.what(v));
      }
      for (ReviewView.WarningView w : review.warnings()) {
        remark(byCell, w.path())
            .findings()
            .add(
                "提示 · "
                    + RuleWords.name(org.disclosurehub.report.Rule.valueOf(w.rule()))
                    + "（"
                    + statusWords(w.status())
                    + "）");
      }
    }
    if (review.returned() != null) {
      for (ReviewRequests.Comment c : review.returned().comments()) {
        if (c.pointer() != null) {
          remark(byCell, c.pointer()).comments().add(c.text());
        } else {
          sections.add(
              new Remark(
                  c.section(),
                  ReviewRequests.SECTIONS.get(c.section()),
                  List.of(),
                  List.of(c.text()),
                  false));
        }
      }
    }
    for (String changed : review.changedCells()) {
      Remark r = remark(byCell, changed);
      byCell.put(changed, new Remark(r.pointer(), r.cell(), r.findings(), r.comments(), true));
    }
    List<Option> options = new ArrayList<>();
    options.add(new Option("", "（选择单元格或部分）"));
    ReviewRequests.SECTIONS.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .forEach(e -> options.add(new Option("section:" + e.getKey(), e.getValue())));
    String tables = null;
    if (review.report() != null) {
      ReportLayout.cellsOf(review.report().report())
          .forEach(c -> options.add(new Option(c.pointer(), c.label())));
      tables =
          TablesHtml.tables(
              PrintedForm.of(ReportLayout.formatOf(review.report().report())),
              TableCells.of(review.report().report()));
    }
    String divisionName = Regions.name(division);
    return new ReviewPage(
        code,
        name,
        division,
        divisionName == null ? division : divisionName,
        year,
        review,
        RuleWords.state(review.state(), review.changedSinceAccepted()),
        List.copyOf(byCell.values()),
        sections,
        review.warnings(),
        options,
        tables,
        done);
  }

  public String cellLabel(String pointer) {
    return ReviewView.cellLabel(pointer);
  }

  public String sectionName(String section) {
    return ReviewRequests.SECTIONS.getOrDefault(section, section);
  }

  static String statusWords(String status) {
    return switch (status) {
      case "explained" -> "已说明，待确认";
      case "confirmed" -> "说明已确认";
      case "rejected" -> "说明未被认可";
      case "reopened" -> "更正后需重新说明";
      default -> "未说明";
    };
  }

  private static Remark remark(Map<String, Remark> byCell, String pointer) {
    String key = pointer == null ? "" : pointer;
    return byCell.computeIfAbsent(
        key,
        p -> new Remark(p, ReviewView.cellLabel(p), new ArrayList<>(), new ArrayList<>(), false));
  }
}
