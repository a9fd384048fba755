package org.disclosurehub.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.region.Regions;
import org.disclosurehub.report.ReportYears;
import org.disclosurehub.rollup.RegionYearReads;
import org.disclosurehub.submission.ReportReads;
import org.disclosurehub.submission.ReportView;
import org.disclosurehub.submission.RevisionSummary;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ReadPreconditions;
import org.disclosurehub.system.RenderedBodies;
import org.disclosurehub.system.Sha256;

/**
 * Pages for people, in Chinese: find a region, a region's year at a glance, an agency's report.
 * Server-rendered from the read models of rollup and submission; every figure is readable without
 * script, and nothing is loaded from outside the service.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
class PagesResource {
  private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
  private static final String PAGE_CACHE = "public, max-age=60";

  @CheckedTemplate(basePath = "pages")
  static class Templates {
    static native TemplateInstance home(Home page);

    static native TemplateInstance region(RegionPage page, RegionPageSections.Html sections);

    static native TemplateInstance agency(AgencyPage page);

    static native TemplateInstance problem(int status, String title, String detail);
  }

  /** The home page: a search for regions and the year to open them at. */
  record Home(String query, int year, int latestYear, List<Regions.Region> found) {}

  private final RegionYearReads regions;
  private final ReportReads reports;
  private final Clock clock;
  private final RenderedBodies rendered;

  PagesResource(
      RegionYearReads regions, ReportReads reports, Clock clock, RenderedBodies rendered) {
    this.regions = regions;
    this.reports = reports;
    this.clock = clock;
    this.rendered = rendered;
  }

  @GET
  public Response home(@QueryParam("q") String query, @QueryParam("year") String year) {
    int latest = ReportYears.lastDue(clock);
    int shown = year == null || year.isBlank() ? latest : parseYear(year);
    List<Regions.Region> found = query == null ? List.of() : Regions.search(query, 50);
    if (query != null && found.size() == 1) {
      return Response.seeOther(java.net.URI.create("/regions/" + found.get(0).code() + "/" + shown))
          .build();
    }
    return Response.ok(Templates.home(new Home(query, shown, latest, found)).render(), HTML)
        .build();
  }

  @GET
  @Path("regions/{code}/{year}")
  public Response region(
      @PathParam("code") String code,
      @PathParam("year") String year,
      @QueryParam("scope") String scope,
      @QueryParam("sort") String sort,
      @QueryParam("filter") String filter,
      @QueryParam("page") String page,
      @Context Request request,
      @Context UriInfo uri) {
    try {
      int checkedYear = parseYear(year);
      String checkedSort = sort == null || sort.isBlank() ? "code" : sort;
      if (!RegionPage.SORTS.contains(checkedSort.replaceFirst("^-", ""))) {
        throw ProblemException.invalidParameter(
            "sort", "must be one of " + String.join(", ", RegionPage.SORTS));
      }
      String checkedFilter = filter == null || filter.isBlank() ? "all" : filter;
      if (!RegionPage.FILTERS.contains(checkedFilter)) {
        throw ProblemException.invalidParameter(
            "filter", "must be one of " + String.join(", ", RegionPage.FILTERS));
      }
      int checkedPage = page == null || page.isBlank() ? 0 : parsePage(page);
      try (RegionYearReads.PageRead read =
          regions.page(
              code,
              checkedYear,
              scope,
              RegionPage.tableRequest(checkedSort, checkedFilter, checkedPage),
              HTML,
              request,
              uri)) {
        // Rendered once per tag (and day): a page many people open costs the tag's query.
        Response.ResponseBuilder answer =
            ReadPreconditions.evaluate(request, read.lastModified(), read.tag());
        if (answer == null) {
          answer = rendered.answer(read.renderKey());
        }
        if (answer == null) {
          RegionPage shown = RegionPage.of(read.regionYear(), checkedSort, checkedFilter);
          String body = Templates.region(shown, RegionPageSections.of(shown)).render();
          answer = rendered.keep(read.variant(), read.renderKey(), Response.ok(body, HTML));
        }
        // The tag and the date as the text kept with the tag (as the roll-up sets them): set as
        // objects, they are formatted again for every response. A 304 carries the tag already.
        return answer
            .header(HttpHeaders.ETAG, null)
            .header(HttpHeaders.ETAG, read.tagHeader())
            .header(HttpHeaders.LAST_MODIFIED, read.lastModifiedHeader())
            .header(HttpHeaders.CACHE_CONTROL, PAGE_CACHE)
            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
            .build();
      }
    } catch (ProblemException e) {
      return problemPage(e);
    }
  }

  @GET
  @Path("agencies/{code}/{year}")
  public Response agency(
      @PathParam("code") String code, @PathParam("year") String year, @Context Request request) {
    try {
      int checkedYear = parseYear(year);
      Agency agency = Agency.existing(code);
      ReportView view = null;
      String absence = null;
      List<RevisionSummary> history = List.of();
      try {
        history = reports.history(code, checkedYear);
        view = reports.current(code, checkedYear);
      } catch (ProblemException e) {
        absence = e.problem().detail();
      }
      String body =
          Templates.agency(
                  AgencyPage.of(
                      agency.code,
                      agency.name,
                      agency.divisionCode,
                      checkedYear,
                      view,
                      absence,
                      history))
              .render();
      EntityTag tag = new EntityTag(Sha256.hex(body));
      Response.ResponseBuilder notModified = ReadPreconditions.evaluate(request, null, tag);
      Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(body, HTML);
      return answer.tag(tag).header(HttpHeaders.CACHE_CONTROL, PAGE_CACHE).build();
    } catch (ProblemException e) {
      return problemPage(e);
    }
  }

  private int parseYear(String year) {
    if (year == null
        || !year.matches("\\d{4}")
        || !ReportYears.contains(Integer.parseInt(year), clock)) {
      throw ProblemException.invalidParameter(
          "year", "must be a year from " + ReportYears.FIRST + " to " + ReportYears.last(clock));
    }
    return Integer.parseInt(year);
  }

  private static int parsePage(String page) {
    if (!page.matches("\\d{1,6}")) {
      throw ProblemException.invalidParameter("page", "must be a page number from 0");
    }
    return Integer.parseInt(page);
  }

  /** A problem as a page: people reach these URLs from links and the address bar. */
  private static Response problemPage(ProblemException e) {
    var problem = e.problem();
    return Response.status(problem.status())
        .type(HTML)
        .entity(Templates.problem(problem.status(), problem.title(), problem.detail()).render())
        .build();
  }
}
