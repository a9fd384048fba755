package org.disclosurehub.backfill;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.region.Division;
import org.disclosurehub.sql.Rows;
import org.disclosurehub.system.Parameters;
import org.disclosurehub.system.Problem;
import org.disclosurehub.system.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/import-jobs")
@Tag(
    name = "Import jobs",
    description =
        "A region's history: many published reports from one ZIP archive, read in the"
            + " background, matched to agencies, with a review list")
class ImportJobResource {
  static final String ZIP = "application/zip";
  static final String CSV = "text/csv";
  private static final String MERGE_PATCH_JSON = "application/merge-patch+json";
  private static final Set<String> STATES =
      Set.of("queued", "stored", "unchanged", "duplicate", "waiting", "kept", "refused");

  private final ImportJobs jobs;
  private final JobReads reads;
  private final JobPermission permission;
  private final ImportJobWorkers workers;
  private final PersonDecisions decisions;

  ImportJobResource(
      ImportJobs jobs,
      JobReads reads,
      JobPermission permission,
      ImportJobWorkers workers,
      PersonDecisions decisions) {
    this.jobs = jobs;
    this.decisions = decisions;
    this.reads = reads;
    this.permission = permission;
    this.workers = workers;
  }

  @POST
  @Consumes({ZIP, "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "bearer")
  @Operation(
      operationId = "createImportJob",
      summary = "Import a region's published reports from a ZIP archive (admin)",
      description =
          "Takes a ZIP archive of published reports (texts, HTML pages in any encoding, PDFs;"
              + " folders allowed; GBK entry names decoded) and answers 202 at once with the job's"
              + " URL; the service's workers read the files in the background. Each file's agency"
              + " (within the division), year and publication date come from the report itself;"
              + " a report read exactly and completely is stored as an imported revision whose"
              + " reason names the job and file; any other file waits for a person (PATCH of the"
              + " file). A hostile archive is refused whole and nothing is stored: over 1 GB, over"
              + " 20,000 entries, over 4 GB uncompressed, an entry inflating more than 100 times,"
              + " a name with `..` or an absolute path, a nested archive, an encrypted entry.")
  @RequestBody(
      description = "The ZIP archive",
      content =
          @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "202",
      description = "The job, its files queued",
      headers = @Header(name = "Location", description = "The job: /api/v1/import-jobs/{id}"),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = JobView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "ArchiveRefused")
  public Response create(
      @Parameter(
              description = "GB/T 2260 code of the division whose agencies published the reports",
              required = true,
              example = "320800")
          @QueryParam("division")
          String division,
      @Context UriInfo uri,
      InputStream archive) {
    if (division == null || division.isBlank()) {
      throw ProblemException.invalidParameter("division", "is required");
    }
    Division checked = Parameters.division("division", division);
    permission.requireReviewerOf(checked.code());
    long id = jobs.create(checked.code(), permission.who(), archive);
    workers.wake();
    URI location = uri.getBaseUriBuilder().path("/api/v1/import-jobs/{id}").build(id);
    return Response.accepted(reads.view(id, null).orElseThrow()).location(location).build();
  }

  @GET
  @Path("{id}")
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @Operation(
      operationId = "getImportJob",
      summary = "An import job's progress and files",
      description =
          "Progress (files total, done, stored, unchanged, duplicate, waiting, kept, refused, an"
              + " estimate of the seconds left) and the files with state, agency, year, cells"
              + " read, violations and the reason a file waits. As CSV (Accept: text/csv or"
              + " format=csv): one row per file.")
  @APIResponse(
      responseCode = "200",
      description = "The job",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JobView.class)),
        @Content(
            mediaType = CSV,
            example =
                "file,name,state,reason,agency,agencyFrom,year,publishedOn,cellsRead,violations,"
                    + "revision\r\n1,2023/睢宁县交通运输局.pdf,stored,,suining-transport,title,2023,"
                    + "2024-01-20,120,0,1")
      })
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(
      @PathParam("id") String id,
      @Parameter(
              description = "Only the files in this state",
              schema =
                  @Schema(
                      enumeration = {
                        "queued",
                        "stored",
                        "unchanged",
                        "duplicate",
                        "waiting",
                        "kept",
                        "refused"
                      }))
          @QueryParam("state")
          String state,
      @Parameter(description = "csv for CSV whatever Accept says") @QueryParam("format")
          String format,
      @Context HttpHeaders headers) {
    String filter = state == null || state.isBlank() ? null : state;
    if (filter != null && !STATES.contains(filter)) {
      throw ProblemException.invalidParameter("state", "must be one of " + STATES);
    }
    boolean csv = csv(format, headers);
    JobView job = reads.view(jobId(id), filter).orElseThrow(() -> noJob(id));
    if (csv) {
      return Response.ok(JobCsv.of(job), CSV + ";charset=utf-8")
          .header("Content-Disposition", "attachment; filename=\"import-job-" + job.id() + ".csv\"")
          .build();
    }
    return Response.ok(job, MediaType.APPLICATION_JSON_TYPE).build();
  }

  @GET
  @Path("{id}/files/{file}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getImportJobFile",
      summary = "One file of an import job, with every decision made on it",
      description =
          "The file's state, the agency and year read or chosen for it, what was read, why it"
              + " waits or was refused, and each decision with who made it.")
  @APIResponse(
      responseCode = "200",
      description = "The file",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = JobView.FileView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public JobView.FileView file(@PathParam("id") String id, @PathParam("file") String file) {
    return reads.file(jobId(id), position(file)).orElseThrow(() -> noFile(id, file));
  }

  @GET
  @Path("{id}/files/{file}/source")
  @Produces({MediaType.TEXT_HTML, MediaType.TEXT_PLAIN, "application/pdf"})
  @Operation(
      operationId = "getImportJobFileSource",
      summary = "A file's bytes as they came in the archive, while the job keeps them",
      description =
          "Kept until the job is finished (a stored revision keeps its own source), and for a"
              + " duplicate, whose revision's source is the other file.")
  @APIResponse(responseCode = "200", description = "The file as it came")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response source(@PathParam("id") String id, @PathParam("file") String file) {
    Rows.Row kept =
        reads
            .content(jobId(id), position(file))
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "File " + file + " of import job " + id + " is not kept (any more)"));
    return Response.ok(kept.get(1), (String) kept.get(0))
        .header("Content-Security-Policy", "sandbox")
        .build();
  }

  /** What a person decides for a waiting file: fields given apply, absent ones stay. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "ImportJobFileDecision")
  record Patch(
      @Schema(description = "The agency the file is from (within the job's division)")
          String agency,
      @Schema(description = "The year the report is for") Integer year,
      @Schema(
              description =
                  "keep: leave the current revision (nothing stored); replace: store the file as"
                      + " a new revision over it (only for a file that differs from it)",
              enumeration = {"keep", "replace"})
          String decision) {}

  @PATCH
  @Path("{id}/files/{file}")
  @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "bearer")
  @Operation(
      operationId = "decideImportJobFile",
      summary = "Decide a waiting file: its agency, its year, keep or replace (admin)",
      description =
          "An agency or year queues the file to be read again with them; replace queues it to be"
              + " stored as a new revision over the current one; keep leaves the current revision"
              + " (the file is kept out). Recorded with who and when.")
  @RequestBody(
      content =
          @Content(
              mediaType = MERGE_PATCH_JSON,
              schema = @Schema(implementation = Patch.class),
              example = "{\"agency\": \"suining-transport\"}"))
  @APIResponse(
      responseCode = "200",
      description = "The file, with the decision",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = JobView.FileView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public JobView.FileView decide(
      @PathParam("id") String id, @PathParam("file") String file, Patch patch) {
    long job = jobId(id);
    int position = position(file);
    String division = jobs.division(job).orElseThrow(() -> noJob(id));
    permission.requireReviewerOf(division);
    String by = permission.who();
    QuarkusTransaction.requiringNew()
        .run(() -> decide(decisions, division, job, position, patch, by));
    workers.wake();
    return reads.file(job, position).orElseThrow(() -> noFile(id, file));
  }

  /** Checks a decision and records it; shared with the page's forms. */
  static void decide(
      PersonDecisions decisions, String division, long job, int position, Patch patch, String by) {
    if (patch == null
        || (patch.agency() == null && patch.year() == null && patch.decision() == null)) {
      throw ProblemException.invalidFields(
          "Give an agency, a year or a decision",
          List.of(new Problem.FieldError("", "must name agency, year or decision")));
    }
    if (patch.decision() != null && !Set.of("keep", "replace").contains(patch.decision())) {
      throw ProblemException.invalidFields(
          "A decision is keep or replace",
          List.of(new Problem.FieldError("/decision", "must be keep or replace")));
    }
    if (patch.agency() != null) {
      Agency agency = Agency.existing(patch.agency());
      Division within = new Division(division);
      if (agency.divisionCode == null
          || agency.divisionCode.compareTo(within.lowest()) < 0
          || agency.divisionCode.compareTo(within.highest()) > 0) {
        throw ProblemException.invalidFields(
            "Agency '" + agency.code + "' is not within division " + division,
            List.of(new Problem.FieldError("/agency", "must be an agency of the job's division")));
      }
    }
    decisions.decide(job, position, patch.agency(), patch.year(), patch.decision(), by);
  }

  private static boolean csv(String format, HttpHeaders headers) {
    if (format != null && !format.isBlank()) {
      if (format.equals("csv")) {
        return true;
      }
      if (format.equals("json")) {
        return false;
      }
      throw ProblemException.invalidParameter("format", "must be json or csv");
    }
    return headers.getAcceptableMediaTypes().stream()
        .findFirst()
        .map(t -> t.getType().equals("text") && t.getSubtype().equals("csv"))
        .orElse(false);
  }

  static long jobId(String id) {
    Integer n = Parameters.integer("id", id);
    return n == null ? 0 : n;
  }

  static int position(String file) {
    Integer n = Parameters.integer("file", file);
    return n == null ? 0 : n;
  }

  private static ProblemException noJob(String id) {
    return ProblemException.notFound("No import job " + id);
  }

  private static ProblemException noFile(String id, String file) {
    return ProblemException.notFound("No file " + file + " in import job " + id);
  }
}
