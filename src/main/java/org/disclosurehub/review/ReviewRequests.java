package org.disclosurehub.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the review's writes, and their checks. */
final class ReviewRequests {
  private ReviewRequests() {}

  /** The sections of a report a comment may concern, with their headings. */
  static final Map<String, String> SECTIONS =
      Map.of(
          "overview", "一、总体情况",
          "activeDisclosure", "二、主动公开政府信息情况",
          "requests", "三、收到和处理政府信息公开申请情况",
          "reviews", "四、政府信息公开行政复议、行政诉讼情况",
          "problems", "五、存在的主要问题及改进情况",
          "other", "六、其他需要报告的事项");

  @Schema(description = "A reviewer's remark on one cell (by JSON Pointer) or on a section")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Comment(
      @Schema(
              description = "JSON Pointer of the cell",
              example = "/requests/carriedForward/naturalPerson")
          String pointer,
      @Schema(
              description =
                  "A section instead of a cell: overview, activeDisclosure, requests, reviews,"
                      + " problems, other",
              enumeration = {
                "overview",
                "activeDisclosure",
                "requests",
                "reviews",
                "problems",
                "other"
              },
              example = "problems")
          String section,
      @Schema(description = "What to fix", example = "结转下年度与本年数据不衔接，请核实") String text) {}

  @Schema(
      requiredProperties = {"decision"},
      description = "A reviewer's decision on the current revision")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Decision(
      @Schema(
              enumeration = {"returned", "accepted"},
              example = "returned")
          String decision,
      @Schema(
              description =
                  "Why: required to return, and to accept a report that breaks an accounting rule",
              example = "第三部分数据不平衡")
          String reason,
      @Schema(description = "Returned only: what to fix, cell by cell or by section")
          List<Comment> comments) {}

  @Schema(
      requiredProperties = {"action", "rule"},
      description = "An explanation of a warning, or a reviewer's verdict on one")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WarningNote(
      @Schema(
              enumeration = {"explained", "confirmed", "rejected"},
              example = "explained")
          String action,
      @Schema(
              enumeration = {
                "CARRY_OVER",
                "IN_FORCE",
                "NARRATIVE_MISMATCH",
                "TEXT_REUSE",
                "YEAR_JUMP"
              },
              example = "YEAR_JUMP")
          String rule,
      @Schema(description = "The warning's path, as the report's warnings give it") String path,
      @Schema(
              description = "The explanation, or why it is confirmed or rejected",
              example = "本年机构改革后职能划入，申请量增加")
          String text) {}

  /** The warnings an agency may explain: those that do not block. */
  static final List<String> EXPLAINABLE =
      List.of("CARRY_OVER", "IN_FORCE", "NARRATIVE_MISMATCH", "TEXT_REUSE", "YEAR_JUMP");
}
