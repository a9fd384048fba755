package org.disclosurehub.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.submission.ReportView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report's review as the API serves it: its state, what was asked, its warnings, its history. */
@Schema(
    description = "The review of an agency's report for a year, with the report",
    requiredProperties = {
      "agency",
      "year",
      "revision",
      "changedSinceAccepted",
      "changedCells",
      "warnings",
      "openWarnings",
      "explainedWarnings",
      "etag",
      "history"
    })
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReviewView(
    String agency,
    int year,
    @Schema(
            description = "filed, returned, accepted or withdrawn",
            enumeration = {"filed", "returned", "accepted", "withdrawn"})
        String state,
    @Schema(description = "The current revision") int revision,
    @Schema(description = "The accepted revision, while the acceptance holds")
        Integer acceptedRevision,
    @Schema(description = "Filed again after an acceptance: waits for a reviewer again")
        boolean changedSinceAccepted,
    @Schema(description = "The cells changed since the accepted revision (JSON Pointers)")
        List<String> changedCells,
    @Schema(description = "The last return, while the agency has not been accepted since")
        Returned returned,
    @Schema(description = "The warnings an agency may explain, each with its status")
        List<WarningView> warnings,
    int openWarnings,
    int explainedWarnings,
    @Schema(description = "The review's entity tag, to give as If-Match with a decision")
        String etag,
    ReportView report,
    List<HistoryEntry> history) {

  @Schema(
      description = "A return: why, and what to fix",
      requiredProperties = {"revision", "by", "at", "reason", "comments"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Returned(
      int revision, String by, Instant at, String reason, List<ReviewRequests.Comment> comments) {}

  @Schema(
      description = "A warning and what was said about it",
      requiredProperties = {"rule", "path", "cell", "message", "status"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WarningView(
      @Schema(
              implementation = org.disclosurehub.report.Rule.class,
              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)
          String rule,
      String path,
      @Schema(description = "The cell as the form prints it") String cell,
      String message,
      @Schema(enumeration = {"open", "explained", "confirmed", "rejected", "reopened"})
          String status,
      String explanation,
      String explainedBy) {

    boolean open() {
      return !status.equals("explained") && !status.equals("confirmed");
    }
  }

  @Schema(
      description = "One entry of a review, never changed once written",
      requiredProperties = {"seq", "kind", "revision", "author", "at", "comments", "changedCells"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record HistoryEntry(
      int seq,
      @Schema(
              enumeration = {
                "filed",
                "withdrawn",
                "returned",
                "accepted",
                "explained",
                "confirmed",
                "rejected",
                "reopened"
              })
          String kind,
      int revision,
      String author,
      Instant at,
      String reason,
      List<ReviewRequests.Comment> comments,
      List<String> changedCells,
      @Schema(
              implementation = org.disclosurehub.report.Rule.class,
              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)
          String rule,
      String path) {}

  static ReviewView of(
      ReviewState state, String agency, int year, ReportView report, ObjectMapper json) {
    ReviewEntry last = state.last();
    ReviewEntry acceptance = state.acceptance();
    ReviewEntry returned = state.lastReturn();
    List<WarningView> warnings =
        report == null
            ? List.of()
            : report.warnings().stream()
                .filter(w -> ReviewRequests.EXPLAINABLE.contains(w.rule().name()))
                .map(w -> warning(state, w))
                .toList();
    int open = (int) warnings.stream().filter(WarningView::open).count();
    return new ReviewView(
        agency,
        year,
        last == null ? null : last.kind,
        last == null ? 0 : last.revision,
        acceptance == null ? null : acceptance.revision,
        state.changedSinceAccepted(),
        state.changedSinceAccepted() ? strings(last.changedCells, json) : List.of(),
        returned == null
            ? null
            : new Returned(
                returned.revision,
                returned.author,
                returned.at,
                returned.reason,
                comments(returned.comments, json)),
        warnings,
        open,
        warnings.size() - open,
        ReviewCycle.etag(state.seq()),
        report,
        state.entries().stream().map(e -> history(e, json)).toList());
  }

  private static WarningView warning(ReviewState state, RuleViolation w) {
    ReviewEntry note = state.notes().get(ReviewState.key(w.rule().name(), w.path()));
    ReviewEntry explanation = note == null ? null : state.explanation(w.rule().name(), w.path());
    return new WarningView(
        w.rule().name(),
        w.path(),
        cellLabel(w.path()),
        w.message(),
        note == null ? "open" : note.kind,
        explanation == null ? null : explanation.reason,
        explanation == null ? null : explanation.author);
  }

  static HistoryEntry history(ReviewEntry e, ObjectMapper json) {
    return new HistoryEntry(
        e.seq,
        e.kind,
        e.revision,
        e.author,
        e.at,
        e.reason,
        comments(e.comments, json),
        strings(e.changedCells, json),
        e.rule,
        e.path);
  }

  /** The cell's label as the form prints it, or the section's heading, or the pointer. */
  static String cellLabel(String pointer) {
    if (pointer == null) {
      return "";
    }
    for (ReportLayout.Cell cell : ReportLayout.CELLS) {
      if (cell.pointer().equals(pointer)) {
        return cell.label();
      }
    }
    for (ReportLayout.Cell cell : ReportLayout.CELLS_2019) {
      if (cell.pointer().equals(pointer)) {
        return cell.label();
      }
    }
    String[] parts = pointer.split("/");
    if (parts.length > 1 && ReviewRequests.SECTIONS.containsKey(parts[parts.length - 1])) {
      return ReviewRequests.SECTIONS.get(parts[parts.length - 1]);
    }
    return pointer;
  }

  static List<ReviewRequests.Comment> comments(String text, ObjectMapper json) {
    try {
      return json.readValue(text, new TypeReference<List<ReviewRequests.Comment>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> strings(String text, ObjectMapper json) {
    try {
      return json.readValue(text, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
