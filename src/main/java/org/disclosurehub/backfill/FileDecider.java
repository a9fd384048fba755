package org.disclosurehub.backfill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.disclosurehub.importer.ImportResult;
import org.disclosurehub.importer.Importer;
import org.disclosurehub.report.Report;
import org.disclosurehub.submission.ReportReads;
import org.disclosurehub.submission.ReportView;
import org.disclosurehub.submission.ReportWrite;
import org.disclosurehub.submission.RevisionSummary;
import org.disclosurehub.submission.SubmissionService;
import org.disclosurehub.system.ProblemException;

/**
 * Decides one file of a job: read it with the importer, find its agency, year and publication date,
 * and store it as an imported revision when it was read exactly and completely and nothing else
 * stands in its way; otherwise it waits for a person, saying why.
 */
@ApplicationScoped
class FileDecider {
  private static final int MAX_REASON = 500;

  private final Importer importer;
  private final SubmissionService submissions;
  private final ReportReads reads;
  private final ImportJobs jobs;
  private final ObjectMapper json;
  private final Clock clock;

  FileDecider(
      Importer importer,
      SubmissionService submissions,
      ReportReads reads,
      ImportJobs jobs,
      ObjectMapper json,
      Clock clock) {
    this.importer = importer;
    this.submissions = submissions;
    this.reads = reads;
    this.jobs = jobs;
    this.json = json;
    this.clock = clock;
  }

  /** The reason an imported revision records: it names the job and the file. */
  static String sourceOf(long job, int position, String name) {
    String reason = "import job " + job + " file " + position + ": " + name;
    return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason;
  }

  ImportJobs.Outcome decide(ImportJobs.Claimed file, AgencyRegistry agencies) {
    ImportResult result;
    try {
      result =
          importer.importReport(
              Importer.Request.unwarned(file.content(), MediaType.valueOf(file.mediaType())));
    } catch (ProblemException refused) {
      return refused(file, refused);
    }
    ReportIdentity identity = ReportIdentity.of(file.content(), file.mediaType(), file.name());
    ObjectNode detail = json.createObjectNode();
    ArrayNode names = detail.putArray("names");
    identity.names().forEach(n -> names.addObject().put("name", n.name()).put("from", n.from()));
    detail.set("notes", json.valueToTree(result.notes()));

    Integer year =
        file.year() != null ? file.year() : result.year() != null ? result.year() : identity.year();
    int cellsRead = result.provenance() == null ? 0 : result.provenance().size();
    int violations = result.violations() == null ? 0 : result.violations().size();
    LocalDate publishedOn = publishedOn(identity, result, year);

    String agency = file.agency();
    String agencyFrom = file.agencyFrom();
    if (agency == null) {
      AgencyNames registry = agencies.names();
      List<AgencyNames.Match> ambiguous = new ArrayList<>();
      for (ReportIdentity.Named named : identity.names()) {
        AgencyNames.Match match = registry.match(named.name());
        if (match.unique()) {
          agency = match.agencies().get(0).code();
          agencyFrom = named.from();
          break;
        }
        if (!match.agencies().isEmpty()) {
          ambiguous.add(match);
        }
      }
      if (agency == null) {
        ArrayNode candidates = detail.putArray("candidates");
        ambiguous.stream()
            .flatMap(m -> m.agencies().stream())
            .distinct()
            .forEach(a -> candidates.addObject().put("code", a.code()).put("name", a.name()));
        return waiting(
            ambiguous.isEmpty() ? "agency-unknown" : "agency-ambiguous",
            detail,
            null,
            null,
            year,
            publishedOn,
            cellsRead,
            violations);
      }
    }
    if (year == null) {
      return waiting(
          "year-unknown", detail, agency, agencyFrom, null, publishedOn, cellsRead, violations);
    }
    if (result.partial()) {
      detail.set("missing", json.valueToTree(result.missing()));
      detail.set("unparsed", json.valueToTree(result.unparsed()));
      return waiting(
          "partial", detail, agency, agencyFrom, year, publishedOn, cellsRead, violations);
    }
    Report report = reportOf(result.report(), publishedOn);
    String chosen = agency;
    String chosenFrom = agencyFrom;
    int reportYear = year;
    // The (agency, year) lock, the comparison and the store in a transaction of their own, so that
    // the lock is held while this file is decided, not while the worker decides the others it
    // claimed (a page and a PDF of one report in two workers' claims wait for each other's file
    // only, never in a cycle).
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                stored(
                    file,
                    chosen,
                    chosenFrom,
                    reportYear,
                    report,
                    publishedOn,
                    detail,
                    cellsRead,
                    violations));
  }

  /** Stores the report unless the current revision is the same, or differs (then it waits). */
  private ImportJobs.Outcome stored(
      ImportJobs.Claimed file,
      String agency,
      String agencyFrom,
      int year,
      Report report,
      LocalDate publishedOn,
      ObjectNode detail,
      int cellsRead,
      int violations) {
    jobs.lockAgencyYear(agency, year);
    // A new report (most of a backfill) is told by one statement, without the entities.
    Optional<ReportView> current =
        jobs.hasReport(agency, year) ? current(agency, year) : Optional.empty();
    if (current.isPresent() && !"replace".equals(file.decision())) {
      ArrayNode difference = CellDifference.of(json, current.get().report(), report);
      if (difference.isEmpty()) {
        String by = reasonOf(agency, year, current.get().revision());
        String state =
            by.startsWith("import job " + file.job() + " file " + file.position() + ":")
                ? "stored" // this file, stored before a restart cut the job short
                : by.startsWith("import job " + file.job() + " ") ? "duplicate" : "unchanged";
        return new ImportJobs.Outcome(
            state,
            null,
            detail,
            agency,
            agencyFrom,
            year,
            report.publishedOn(),
            cellsRead,
            violations,
            current.get().revision());
      }
      detail.put("currentRevision", current.get().revision());
      detail.set("difference", difference);
      return waiting(
          "conflict", detail, agency, agencyFrom, year, publishedOn, cellsRead, violations);
    }
    SubmissionService.Outcome stored;
    try {
      stored =
          submissions.store(
              ReportWrite.imported(
                  agency,
                  year,
                  report,
                  new ReportWrite.Source(file.mediaType(), file.content()),
                  sourceOf(file.job(), file.position(), file.name())));
    } catch (ProblemException refused) {
      ImportJobs.Outcome outcome = refused(file, refused);
      return new ImportJobs.Outcome(
          outcome.state(),
          outcome.reason(),
          outcome.detail(),
          agency,
          agencyFrom,
          year,
          publishedOn,
          cellsRead,
          violations,
          null);
    }
    return new ImportJobs.Outcome(
        stored.unchanged() ? "unchanged" : "stored",
        null,
        detail,
        agency,
        agencyFrom,
        year,
        report.publishedOn(),
        cellsRead,
        violations,
        stored.revision());
  }

  /**
   * 公开日期 of a page's metadata, else the date the importer read under the signature; one before the
   * report's year has ended (its data run to 31 December) or after today is not a publication date
   * of it: a site's 发布时间 of 1 January of the report's own year is not. None: lateness is unknown.
   */
  private LocalDate publishedOn(ReportIdentity identity, ImportResult result, Integer year) {
    List<LocalDate> candidates = new ArrayList<>();
    candidates.add(identity.publishedOn());
    JsonNode read = result.report() == null ? null : result.report().get("publishedOn");
    if (read != null && read.isTextual()) {
      candidates.add(LocalDate.parse(read.asText()));
    }
    LocalDate today = LocalDate.now(clock);
    return candidates.stream()
        .filter(Objects::nonNull)
        .filter(d -> year == null || !d.isBefore(LocalDate.of(year, 12, 31)))
        .filter(d -> !d.isAfter(today))
        .findFirst()
        .orElse(null);
  }

  private Report reportOf(JsonNode read, LocalDate publishedOn) {
    ObjectNode report = read.deepCopy();
    if (publishedOn != null) {
      report.put("publishedOn", publishedOn.toString());
    } else {
      report.remove("publishedOn");
    }
    try {
      return json.treeToValue(report, Report.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the importer answered a report the model refuses", e);
    }
  }

  private Optional<ReportView> current(String agency, int year) {
    try {
      return Optional.of(reads.current(agency, year));
    } catch (ProblemException noneOrWithdrawn) {
      return Optional.empty();
    }
  }

  private String reasonOf(String agency, int year, int revision) {
    return reads.history(agency, year).stream()
        .filter(r -> r.revision() == revision)
        .map(RevisionSummary::reason)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse("");
  }

  private ImportJobs.Outcome refused(ImportJobs.Claimed file, ProblemException refused) {
    String type = refused.problem().type();
    ObjectNode detail = json.createObjectNode();
    detail.putArray("notes").add(refused.problem().detail());
    return new ImportJobs.Outcome(
        "refused",
        type.substring(type.lastIndexOf('/') + 1),
        detail,
        file.agency(),
        file.agencyFrom(),
        file.year(),
        null,
        null,
        null,
        null);
  }

  private static ImportJobs.Outcome waiting(
      String reason,
      ObjectNode detail,
      String agency,
      String agencyFrom,
      Integer year,
      LocalDate publishedOn,
      int cellsRead,
      int violations) {
    return new ImportJobs.Outcome(
        "waiting",
        reason,
        detail,
        agency,
        agencyFrom,
        year,
        publishedOn,
        cellsRead,
        violations,
        null);
  }
}
