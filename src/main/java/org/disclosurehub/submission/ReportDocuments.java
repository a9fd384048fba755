package org.disclosurehub.submission;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.document.AgencyDocument;
import org.disclosurehub.document.DocumentNames;
import org.disclosurehub.document.DocumentPages;
import org.disclosurehub.document.Representation;
import org.disclosurehub.document.Workbooks;

/** A revision as the reads of ReportResource answer it: JSON, a page or a workbook. */
final class ReportDocuments {
  private ReportDocuments() {}

  /** The view as JSON (ETag: the revision), or as a page or workbook named after the report. */
  static Response represented(ReportView view, Representation representation) {
    return represented(view, representation, ReportResource.REVALIDATE);
  }

  /** The same with its own Cache-Control (an as-of answer of a day that is over: immutable). */
  static Response represented(ReportView view, Representation representation, String cacheControl) {
    if (representation == Representation.JSON) {
      return Response.ok(view, MediaType.APPLICATION_JSON_TYPE)
          .header(HttpHeaders.ETAG, Preconditions.etag(view.revision()))
          .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
          .header(HttpHeaders.CACHE_CONTROL, cacheControl)
          .build();
    }
    AgencyDocument document =
        new AgencyDocument(
            view.agency(),
            Agency.existing(view.agency()).name,
            view.year(),
            view.revision(),
            view.submittedAt(),
            view.contentSha256(),
            view.report(),
            view.violations(),
            view.warnings());
    DocumentNames.Name name = DocumentNames.agency(document);
    boolean page = representation == Representation.HTML;
    return Response.ok(
            page ? DocumentPages.agency(document) : Workbooks.agency(document),
            representation.mediaType())
        .header(
            "Content-Disposition",
            page
                ? name.contentDisposition("inline", "html")
                : name.contentDisposition("attachment", "xlsx"))
        .header(HttpHeaders.ETAG, "\"" + view.revision() + "." + representation.format() + "\"")
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .header(HttpHeaders.CACHE_CONTROL, cacheControl)
        .build();
  }
}
