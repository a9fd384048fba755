package org.disclosurehub.opendata;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.Date;
import java.util.function.Function;
import org.disclosurehub.system.ReadPreconditions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bulk downloads: every current report of a year (or of every year) as gzip-compressed CSV and JSON
 * Lines, with a SHA-256 manifest; each made once per change of the data and answered from disk.
 */
@Path("/api/v1/downloads/{edition}")
@Tag(
    name = "Open data",
    description =
        "Bulk downloads with checksums, their CSVW data dictionary and a DCAT catalog of them")
class DownloadsResource {
  static final String GZIP = "application/gzip";
  private static final String CACHE = "public, max-age=60";
  private static final String EDITION =
      "A report year (every current report of that year) or all (of every year)";

  private final Downloads downloads;
  private final Clock clock;

  DownloadsResource(Downloads downloads, Clock clock) {
    this.downloads = downloads;
    this.clock = clock;
  }

  @GET
  @Path("reports.csv.gz")
  @Produces(GZIP)
  @Operation(
      operationId = "getBulkCsv",
      summary = "Every current report of the edition as gzip-compressed CSV",
      description =
          "The columns and rows of GET /api/v1/reports.csv (by year, then agency; header by JSON"
              + " keys and cell pointers), compressed with gzip. Made once per change of the"
              + " edition's data; its SHA-256 is in SHA256SUMS; its columns are described by"
              + " reports.csv-metadata.json (CSVW).")
  @APIResponse(
      responseCode = "200",
      description = "The file",
      headers = {
        @Header(name = "ETag", description = "The version of the edition's data, per file"),
        @Header(name = "Last-Modified", description = "When the edition's data last changed"),
        @Header(
            name = "Content-Disposition",
            description = "attachment; filename=reports-<edition>.csv.gz")
      },
      content =
          @Content(mediaType = GZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response csv(
      @Parameter(description = EDITION, example = "2024") @PathParam("edition") String edition,
      @Context Request request) {
    Edition checked = Edition.of(edition, clock);
    return file(request, checked, "csv", Downloads.Bundle::csv, checked.csvName());
  }

  @GET
  @Path("reports.jsonl.gz")
  @Produces(GZIP)
  @Operation(
      operationId = "getBulkJsonLines",
      summary = "Every current report of the edition as gzip-compressed JSON Lines",
      description =
          "One JSON object per line, by year then agency: agency, agencyName, division, year,"
              + " formatVersion, revision, publishedOn, late, violationCount, and report (the"
              + " report as its current revision holds it, as GET …/reports/{year} answers its"
              + " tables). Made once per change of the edition's data; its SHA-256 is in"
              + " SHA256SUMS.")
  @APIResponse(
      responseCode = "200",
      description = "The file",
      headers = {
        @Header(name = "ETag", description = "The version of the edition's data, per file"),
        @Header(name = "Last-Modified", description = "When the edition's data last changed"),
        @Header(
            name = "Content-Disposition",
            description = "attachment; filename=reports-<edition>.jsonl.gz")
      },
      content =
          @Content(mediaType = GZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response jsonLines(
      @Parameter(description = EDITION, example = "2024") @PathParam("edition") String edition,
      @Context Request request) {
    Edition checked = Edition.of(edition, clock);
    return file(request, checked, "jsonl", Downloads.Bundle::jsonLines, checked.jsonLinesName());
  }

  @GET
  @Path("SHA256SUMS")
  @Produces("text/plain;charset=utf-8")
  @Operation(
      operationId = "getBulkManifest",
      summary = "The SHA-256 of the edition's files",
      description =
          "One line per file, as sha256sum writes it (hex digest, two spaces, file name), so that"
              + " `sha256sum -c SHA256SUMS` checks the downloads under their attachment names.")
  @APIResponse(
      responseCode = "200",
      description = "The manifest",
      headers = {
        @Header(name = "ETag", description = "The version of the edition's data"),
        @Header(name = "Last-Modified", description = "When the edition's data last changed")
      },
      content =
          @Content(
              mediaType = "text/plain",
              schema = @Schema(type = SchemaType.STRING),
              example = "3f0a…  reports-2024.csv.gz\n9b1c…  reports-2024.jsonl.gz\n"))
  @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response manifest(
      @Parameter(description = EDITION, example = "2024") @PathParam("edition") String edition,
      @Context Request request) {
    Downloads.Bundle bundle = downloads.files(Edition.of(edition, clock));
    EntityTag tag = new EntityTag(bundle.version().tag() + "-sha256");
    Date lastModified = Date.from(bundle.version().lastModified());
    Response.ResponseBuilder answer = ReadPreconditions.evaluate(request, lastModified, tag);
    if (answer == null) {
      answer = Response.ok(bundle.manifest(), "text/plain;charset=utf-8");
    }
    return answer
        .tag(tag)
        .lastModified(lastModified)
        .header(HttpHeaders.CACHE_CONTROL, CACHE)
        .build();
  }

  @GET
  @Path("reports.csv-metadata.json")
  @Produces(Csvw.MEDIA_TYPE)
  @Operation(
      operationId = "getBulkCsvMetadata",
      summary = "The data dictionary of the edition's CSV, in CSVW",
      description =
          "W3C CSV on the Web metadata of reports.csv.gz: every column's name, its header as"
              + " written and Chinese title, datatype, unit (schema:unitText) and the JSON Pointer"
              + " into a report it comes from (schema:propertyID).")
  @APIResponse(
      responseCode = "200",
      description = "The CSVW metadata",
      content = @Content(mediaType = Csvw.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response csvMetadata(
      @Parameter(description = EDITION, example = "2024") @PathParam("edition") String edition) {
    Edition checked = Edition.of(edition, clock);
    return Response.ok(
            Csvw.of("reports.csv.gz", "政府信息公开工作年度报告（" + checked.name() + "）"), Csvw.MEDIA_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, CACHE)
        .build();
  }

  /**
   * A file of the edition's current bundle, opened before answering: a newer version may delete it
   * once complete, and an open file stays readable; opened again from the newer bundle if it was
   * deleted in between.
   */
  private Response file(
      Request request,
      Edition edition,
      String kind,
      Function<Downloads.Bundle, java.nio.file.Path> which,
      String name) {
    for (int attempt = 0; ; attempt++) {
      Downloads.Bundle bundle = downloads.files(edition);
      EntityTag tag = new EntityTag(bundle.version().tag() + "-" + kind);
      Date lastModified = Date.from(bundle.version().lastModified());
      Response.ResponseBuilder answer = ReadPreconditions.evaluate(request, lastModified, tag);
      if (answer == null) {
        java.nio.file.Path file = which.apply(bundle);
        InputStream in;
        long size;
        try {
          in = Files.newInputStream(file);
          size = Files.size(file);
        } catch (NoSuchFileException replaced) {
          if (attempt < 2) {
            continue;
          }
          throw new UncheckedIOException(replaced);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        StreamingOutput body =
            out -> {
              try (in) {
                in.transferTo(out);
              }
            };
        answer =
            Response.ok(body, GZIP)
                .header(HttpHeaders.CONTENT_LENGTH, size)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
      }
      return answer
          .tag(tag)
          .lastModified(lastModified)
          .header(HttpHeaders.CACHE_CONTROL, CACHE)
          .build();
    }
  }
}
