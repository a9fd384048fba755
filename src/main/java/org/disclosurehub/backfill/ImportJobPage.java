package org.disclosurehub.backfill;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.disclosurehub.importer.Importer;
import org.disclosurehub.region.Regions;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * An import job's page for people (outside the API): its progress, refreshed while it runs, and the
 * files that wait with their reason and the decisions a person can make, as plain forms that work
 * without JavaScript. A decision carries the admin's token in the form.
 */
@Path("/import-jobs/{id}")
class ImportJobPage {
  private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
  private static final Map<String, String> REASONS =
      Map.of(
          "agency-unknown", "机关未登记或名称无法识别",
          "agency-ambiguous", "名称可对应多个机关",
          "year-unknown", "未找到报告年度",
          "partial", "未能完整读出表格",
          "conflict", "与该机关该年度的现有版本不同");

  private final ImportJobs jobs;
  private final PersonDecisions decisions;
  private final JobReads reads;
  private final ImportJobWorkers workers;
  private final IdentityProviderManager identities;
  private final Importer importer;
  private final ObjectMapper json;
  private final Template job;
  private final Template source;
  private final Template problemPage;

  ImportJobPage(
      ImportJobs jobs,
      PersonDecisions decisions,
      JobReads reads,
      ImportJobWorkers workers,
      IdentityProviderManager identities,
      Importer importer,
      ObjectMapper json,
      @Location("backfill/job.html") Template job,
      @Location("backfill/source.html") Template source,
      @Location("backfill/problem.html") Template problemPage) {
    this.jobs = jobs;
    this.decisions = decisions;
    this.reads = reads;
    this.workers = workers;
    this.identities = identities;
    this.importer = importer;
    this.json = json;
    this.job = job;
    this.source = source;
    this.problemPage = problemPage;
  }

  @GET
  @Produces(HTML)
  @Operation(hidden = true)
  public Response page(@PathParam("id") String id) {
    JobView view;
    try {
      view =
          reads
              .view(ImportJobResource.jobId(id), null)
              .orElseThrow(() -> ProblemException.notFound("No import job " + id));
    } catch (ProblemException e) {
      return problem(e, "/");
    }
    String body =
        job.data("job", view)
            .data("running", view.state().equals("running"))
            .data("divisionName", Regions.name(view.division()))
            .data(
                "waiting", view.files().stream().filter(f -> f.state().equals("waiting")).toList())
            .data("reasons", REASONS)
            .render();
    return Response.ok(body, HTML).header("Cache-Control", "no-store").build();
  }

  /** A file's source next to what was read from it, line by line (see {@link SourceView}). */
  @GET
  @Path("files/{file}")
  @Produces(HTML)
  @Operation(hidden = true)
  public Response source(@PathParam("id") String id, @PathParam("file") String file) {
    try {
      long jobId = ImportJobResource.jobId(id);
      int position = ImportJobResource.position(file);
      JobView view =
          reads
              .view(jobId, null)
              .orElseThrow(() -> ProblemException.notFound("No import job " + id));
      JobView.FileView listed =
          view.files().stream()
              .filter(f -> f.file() == position)
              .findFirst()
              .orElseThrow(
                  () -> ProblemException.notFound("No file " + file + " in import job " + id));
      SourceView read =
          reads
              .content(jobId, position)
              .map(
                  kept -> SourceView.of(importer, json, (byte[]) kept.get(1), (String) kept.get(0)))
              .orElse(new SourceView(List.of(), List.of(), List.of(), "任务已完成，文件内容不再保留。"));
      String body =
          source
              .data("job", view)
              .data("file", listed)
              .data("source", read)
              .data("reasons", REASONS)
              .render();
      return Response.ok(body, HTML).header("Cache-Control", "no-store").build();
    } catch (ProblemException e) {
      return problem(e, "/import-jobs/" + id);
    }
  }

  @POST
  @Path("files/{file}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(HTML)
  @Operation(hidden = true)
  public Response decide(
      @PathParam("id") String id,
      @PathParam("file") String file,
      @FormParam("token") String token,
      @FormParam("agency") String agency,
      @FormParam("agencyCode") String agencyCode,
      @FormParam("year") String year,
      @FormParam("decision") String decision) {
    try {
      long jobId = ImportJobResource.jobId(id);
      int position = ImportJobResource.position(file);
      String division =
          jobs.division(jobId).orElseThrow(() -> ProblemException.notFound("No import job " + id));
      SecurityIdentity who = authenticated(token);
      JobPermission.requireReviewerOf(who, division);
      String chosen = blank(agencyCode) ? (blank(agency) ? null : agency) : agencyCode.strip();
      ImportJobResource.Patch patch =
          new ImportJobResource.Patch(
              blank(decision) ? chosen : null,
              blank(decision) && !blank(year) ? Integer.valueOf(year.strip()) : null,
              blank(decision) ? null : decision);
      String by = who.getPrincipal().getName();
      QuarkusTransaction.requiringNew()
          .run(() -> ImportJobResource.decide(decisions, division, jobId, position, patch, by));
      workers.wake();
      return Response.seeOther(URI.create("/import-jobs/" + jobId)).build();
    } catch (ProblemException e) {
      return problem(e, "/import-jobs/" + id);
    } catch (NumberFormatException e) {
      return problem(
          ProblemException.invalidParameter("year", "must be a whole number"),
          "/import-jobs/" + id);
    }
  }

  private SecurityIdentity authenticated(String token) {
    if (blank(token)) {
      throw new ProblemException(ProblemType.UNAUTHORIZED, "A decision needs the admin's token");
    }
    try {
      return identities.authenticateBlocking(
          new TokenAuthenticationRequest(new TokenCredential(token.strip(), "bearer")));
    } catch (AuthenticationFailedException refused) {
      throw new ProblemException(ProblemType.INVALID_TOKEN, "This token is not valid");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** A problem as a page of the site, with a way back: people reach these from forms and links. */
  private Response problem(ProblemException e, String back) {
    var problem = e.problem();
    String body =
        problemPage
            .data("status", problem.status())
            .data("title", problem.title())
            .data("detail", problem.detail())
            .data("back", back)
            .render();
    return Response.status(problem.status()).entity(body).type(HTML).build();
  }
}
