package org.disclosurehub.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.report.AccountingRules;
import org.disclosurehub.report.PlausibilityChecks;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.submission.ReportView;
import org.disclosurehub.submission.ReportWrite;
import org.disclosurehub.submission.SubmissionService;
import org.disclosurehub.system.HubConfig;
import org.disclosurehub.system.Parameters;
import org.disclosurehub.system.Problem;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;

/**
 * Turns a published report's text into a structured report, checks it against the accounting rules,
 * and stores it on request.
 *
 * <p>A partial import is never stored: a cell that could not be read is not known to be zero, and a
 * stored report with a guessed cell would enter every roll-up as if it had been published. The
 * caller gets 422 naming each such cell and can submit the corrected report as JSON instead.
 */
@ApplicationScoped
public class Importer {
  static final MediaType PDF = new MediaType("application", "pdf");

  private final SubmissionService submissions;
  private final Clock clock;
  private final ObjectMapper json;
  private final HubConfig config;

  Importer(SubmissionService submissions, ObjectMapper json, HubConfig config, Clock clock) {
    this.submissions = submissions;
    this.clock = clock;
    this.json = json;
    this.config = config;
  }

  /** What a client sent: the text and how to treat it. */
  /**
   * What to read, and whether to store it for the agency and year; {@code reason} is the
   * X-Change-Reason header as it came.
   */
  public record Request(
      byte[] body,
      MediaType mediaType,
      String agency,
      Integer year,
      boolean store,
      String reason,
      boolean warned) {

    /** With its warnings: what POST /imports answers. */
    public Request(
        byte[] body,
        MediaType mediaType,
        String agency,
        Integer year,
        boolean store,
        String reason) {
      this(body, mediaType, agency, year, store, reason, true);
    }

    /**
     * To read only, without warnings: an import job's file, whose store judges the prose again
     * (against the agency's name).
     */
    public static Request unwarned(byte[] body, MediaType mediaType) {
      return new Request(body, mediaType, null, null, false, null, false);
    }
  }

  /** A line of a published text as the importer numbers it; where a value was read names it. */
  public record NumberedLine(int number, String text) {}

  /**
   * The lines of a published text as the importer reads them (a PDF's text layer over all its
   * pages, a page's paragraphs and table rows with tabs between cells, a text's lines), numbered as
   * {@link ImportResult#cellSources()} names them.
   */
  public List<NumberedLine> lines(byte[] body, MediaType mediaType) {
    return text(body, mediaType).lines().stream()
        .map(l -> new NumberedLine(l.number(), l.raw()))
        .toList();
  }

  private record Text(List<SourceLine> lines, Pages pages, String readAs) {}

  private static Text text(byte[] body, MediaType mediaType) {
    if (mediaType.isCompatible(PDF)) {
      PdfText.Extracted pdf = PdfText.of(body);
      return new Text(
          pdf.lines(),
          pdf.pages(),
          "the text layer of the PDF (" + pdf.pages().firstLines().length + " page(s))");
    }
    boolean html = mediaType.isCompatible(MediaType.TEXT_HTML_TYPE);
    Decoding.Decoded decoded =
        Decoding.decode(body, mediaType.getParameters().get(MediaType.CHARSET_PARAMETER), html);
    if (html) {
      HtmlLines.requireReadableSize(decoded.text());
    }
    return new Text(
        html ? HtmlLines.of(decoded.text()) : TextLines.of(decoded.text()),
        Pages.NONE,
        decoded.how());
  }

  public ImportResult importReport(Request request) {
    if (request.body().length > config.maxImportBytes()) {
      throw new ProblemException(
          ProblemType.PAYLOAD_TOO_LARGE,
          "The body has "
              + request.body().length
              + " bytes; at most "
              + config.maxImportBytes()
              + " are accepted");
    }
    if (request.store() && request.agency() == null) {
      throw ProblemException.invalidParameter("agency", "is required with store=true");
    }
    if (request.agency() != null) {
      Agency.existing(request.agency());
    }
    if (request.year() != null) {
      Parameters.year("year", request.year(), clock);
    }
    Text text = text(request.body(), request.mediaType());
    Pages pages = text.pages();
    List<SourceLine> lines = text.lines();
    String readAs = text.readAs();
    Reading reading = ReportReader.read(lines, pages);
    if (!reading.tablesFound()) {
      throw new ProblemException(
          ProblemType.NOT_A_REPORT,
          "This text is not an annual report on government information disclosure"
              + " (政府信息公开工作年度报告): neither the headings "
              + ReportReader.headingTitle(1)
              + ", "
              + ReportReader.headingTitle(2)
              + " or "
              + ReportReader.headingTitle(3)
              + " nor the header cells of those tables were found. It was read as "
              + readAs);
    }

    Map<String, Integer> provenance = reading.provenance();
    Map<String, Integer> provenancePages = null;
    List<Unparsed> unparsed = reading.unparsed();
    if (pages.paged()) {
      provenance = new LinkedHashMap<>();
      provenancePages = new LinkedHashMap<>();
      for (Map.Entry<String, Integer> read : reading.provenance().entrySet()) {
        provenance.put(read.getKey(), pages.lineOnPage(read.getValue()));
        provenancePages.put(read.getKey(), pages.page(read.getValue()));
      }
      Pages paged = pages;
      unparsed = unparsed.stream().map(u -> u.onPage(paged)).toList();
    }

    List<String> notes = new ArrayList<>();
    notes.add("read as " + readAs);
    notes.addAll(reading.notes());
    Integer year = request.year() != null ? request.year() : reading.year();
    if (request.year() != null
        && reading.year() != null
        && !request.year().equals(reading.year())) {
      notes.add(
          "the title ("
              + pages.where(reading.yearLine())
              + ") says "
              + reading.year()
              + "; the year parameter "
              + request.year()
              + " is used");
    } else if (request.year() == null && reading.year() != null) {
      notes.add(
          "year " + reading.year() + " read from the title at " + pages.where(reading.yearLine()));
    } else if (year == null) {
      notes.add("no year given and none found in the title");
    }

    ObjectNode read = ImportedJson.of(reading);
    List<String> missing = ImportedJson.missing(reading);
    boolean partial = !missing.isEmpty() || !reading.unparsed().isEmpty();
    Report report = missing.isEmpty() ? toReport(read) : null;
    JsonNode shown = report == null ? read : json.valueToTree(report);
    List<RuleViolation> violations;
    if (report != null) {
      violations = AccountingRules.check(report);
    } else {
      violations = checkTablesReadInFull(read, missing);
      notes.add(
          missing.size()
              + " cell(s) of Tables 二, 三, 四 were not read; the accounting rules were checked"
              + " only where every cell they add up was read");
    }

    ReportView stored = null;
    ReportView checked = null;
    if (request.store()) {
      requireStorable(report, missing, unparsed, year);
      stored =
          submissions
              .submit(
                  ReportWrite.imported(
                      request.agency(),
                      year,
                      report,
                      new ReportWrite.Source(request.mediaType().toString(), request.body()),
                      request.reason()))
              .view();
      checked = stored;
    } else if (request.agency() != null && report != null && year != null) {
      checked =
          submissions
              .submit(ReportWrite.dryRun(request.agency(), year, report, null, null, true, null))
              .view();
    }
    List<RuleViolation> warnings;
    if (checked != null) {
      warnings = checked.warnings();
    } else if (report != null && year != null && request.warned()) {
      // Without an agency, what needs no other report: the prose against the tables (unless the
      // caller judges the report itself, as an import job's store does).
      warnings = PlausibilityChecks.narrativeMismatch(report.withComputedTotals(), year, null);
    } else {
      warnings = List.of();
    }
    return new ImportResult(
        request.agency(),
        year,
        reading.formatVersion(),
        partial,
        shown,
        violations,
        warnings,
        checked == null ? null : checked.textReuse(),
        provenance,
        provenancePages,
        reading.sources(),
        unparsed,
        missing,
        notes,
        stored);
  }

  /**
   * Only a report whose every cell of Tables 二, 三 and 四 was read is stored; prose that could not be
   * read (the total of section 一, the date) is left out, as it is optional.
   */
  private static void requireStorable(
      Report report, List<String> missing, List<Unparsed> unparsed, Integer year) {
    if (report == null) {
      List<Problem.FieldError> errors = new ArrayList<>();
      for (String pointer : missing) {
        String reason =
            unparsed.stream()
                .filter(u -> u.pointer() != null && within(pointer, u.pointer()))
                .findFirst()
                .map(u -> "not read: " + u.reason() + " (" + u.where() + ")")
                .orElse("not found in the text");
        errors.add(new Problem.FieldError(pointer, reason));
      }
      throw ProblemException.importIncomplete(
          missing.size()
              + " cell(s) of Tables 二, 三, 四 could not be read, so nothing was stored: a cell"
              + " that was not read is not known to be 0. Correct the text, or submit the report"
              + " as JSON with PUT /api/v1/agencies/{code}/reports/{year}",
          errors);
    }
    if (year == null) {
      throw ProblemException.invalidParameter(
          "year", "is required with store=true when the title does not state it");
    }
  }

  /**
   * The rules over the parts read in full: Table 三 as a whole (its rules tie all its rows), each
   * block of Table 四, and each cell for NON_NEGATIVE. A part with a cell not read is not judged.
   */
  private List<RuleViolation> checkTablesReadInFull(ObjectNode read, List<String> missing) {
    Report zeros = toReport(ImportedJson.withZeros(read, missing)).withComputedTotals();
    return AccountingRules.check(zeros).stream()
        .filter(v -> missing.stream().noneMatch(m -> within(m, scopeOf(v.path()))))
        .toList();
  }

  private static String scopeOf(String path) {
    if (path.startsWith("/requests/")) {
      return "/requests";
    }
    if (path.startsWith("/reviews/")) {
      int block = path.indexOf('/', "/reviews/".length());
      return block < 0 ? path : path.substring(0, block);
    }
    return path;
  }

  /** Whether the pointer is the row (or table) pointer or one of its cells. */
  private static boolean within(String pointer, String row) {
    return pointer.equals(row) || pointer.startsWith(row + "/");
  }

  private Report toReport(ObjectNode read) {
    try {
      return json.treeToValue(read, Report.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the importer built a report the model does not accept", e);
    }
  }
}
