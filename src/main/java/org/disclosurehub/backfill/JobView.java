package org.disclosurehub.backfill;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import job as the API shows it: its progress and its files. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "ImportJob",
    description = "An import job: published reports from one ZIP archive",
    requiredProperties = {
      "id",
      "division",
      "state",
      "createdBy",
      "createdAt",
      "archiveBytes",
      "progress",
      "files"
    })
record JobView(
    @Schema(example = "12") long id,
    @Schema(
            description = "The division whose agencies the reports are matched to",
            example = "320800")
        String division,
    @Schema(
            description =
                "running: files are queued; waiting: only files that wait for a person are left;"
                    + " finished: every file is decided",
            enumeration = {"running", "waiting", "finished"})
        String state,
    @Schema(description = "Who posted the archive", example = "admin") String createdBy,
    Instant createdAt,
    Instant finishedAt,
    @Schema(description = "Bytes of the archive as posted") long archiveBytes,
    Progress progress,
    @Schema(description = "The files, by position in the archive (filtered by `state`)")
        List<FileView> files) {

  /** How far the job is. */
  @Schema(
      name = "ImportJobProgress",
      requiredProperties = {
        "total",
        "done",
        "stored",
        "unchanged",
        "duplicate",
        "waiting",
        "kept",
        "refused"
      })
  record Progress(
      @Schema(description = "Files in the archive (reports and other files)") int total,
      @Schema(description = "Files no longer queued") int done,
      @Schema(description = "Stored as a new revision") int stored,
      @Schema(description = "Equal to the current revision: nothing stored") int unchanged,
      @Schema(description = "The same report as another file of the job: its revision")
          int duplicate,
      @Schema(description = "Waiting for a person") int waiting,
      @Schema(description = "Kept as it was by a person's decision") int kept,
      @Schema(description = "Not a report that can be read, or not a file the importer reads")
          int refused,
      @Schema(description = "Estimate of the seconds left for the queued files, at the rate so far")
          Long secondsLeft) {}

  /** One file of the archive and what became of it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      name = "ImportJobFile",
      requiredProperties = {"file", "name", "size", "state"})
  record FileView(
      @Schema(description = "Position in the archive, 1-based", example = "3") int file,
      @Schema(description = "Entry name (GBK names decoded)", example = "2023/睢宁县交通运输局.pdf")
          String name,
      @Schema(example = "application/pdf") String mediaType,
      long size,
      @Schema(
              enumeration = {
                "queued",
                "stored",
                "unchanged",
                "duplicate",
                "waiting",
                "kept",
                "refused"
              })
          String state,
      @Schema(
              description =
                  "Why it waits (agency-unknown, agency-ambiguous, year-unknown, partial,"
                      + " conflict) or was refused: unsupported (not a text, page or PDF), internal"
                      + " (a fault of the service), else the type of the problem the file was"
                      + " refused with (not-a-report, import-incomplete, …)",
              enumeration = {
                "agency-unknown",
                "agency-ambiguous",
                "year-unknown",
                "partial",
                "conflict",
                "unsupported",
                "internal"
              },
              example = "agency-ambiguous")
          String reason,
      @Schema(example = "suining-transport") String agency,
      @Schema(
              description =
                  "Where the agency came from: the report's title, its page's metadata table, the"
                      + " signature, the file name, or a person (who: `decisions`)",
              enumeration = {"title", "metadata", "signature", "file name", "person"},
              example = "title")
          String agencyFrom,
      @Schema(example = "2023") Integer year,
      LocalDate publishedOn,
      @Schema(description = "Values read from Tables 二, 三, 四 and the prose") Integer cellsRead,
      @Schema(description = "Accounting rules the report breaks") Integer violations,
      @Schema(description = "The revision it stored or equals") Integer revision,
      @Schema(enumeration = {"keep", "replace"}) String decision,
      @Schema(
              description =
                  "What a person needs to decide: the candidate agencies, the cells not read, the"
                      + " difference to the current revision cell by cell, the notes")
          JsonNode detail,
      @Schema(description = "Every decision on the file, with who and when")
          List<Decision> decisions) {}

  /** A person's decision on a file. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      name = "ImportJobDecision",
      requiredProperties = {"decidedBy", "decidedAt"})
  record Decision(
      @Schema(example = "admin") String decidedBy,
      Instant decidedAt,
      String agency,
      Integer year,
      @Schema(enumeration = {"keep", "replace"}) String decision) {}
}
