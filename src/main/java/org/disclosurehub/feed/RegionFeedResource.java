package org.disclosurehub.feed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A region's Atom feed and its archives: the revisions of every agency in the division. */
@Path("/api/v1/regions/{code}/feed")
@Produces(AtomFeed.MEDIA_TYPE)
@Tag(
    name = "Feeds",
    description =
        "Atom feeds (RFC 4287) of reports filed, corrected, withdrawn and imported, paged with"
            + " RFC 5005 archives")
class RegionFeedResource {
  private final FeedAnswers answers;

  RegionFeedResource(FeedAnswers answers) {
    this.answers = answers;
  }

  @GET
  @Operation(
      operationId = "getRegionFeed",
      summary = "The Atom feed of the reports of a region's agencies",
      description = FeedAnswers.FEED_DESCRIPTION)
  @APIResponse(
      responseCode = "200",
      description = "The current feed document",
      headers = @Header(name = "ETag", description = "The digest of the document"),
      content =
          @Content(mediaType = AtomFeed.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response regionFeed(@PathParam("code") String code) {
    return answers.current(answers.region(code));
  }

  @GET
  @Path("archive/{page}")
  @Operation(
      operationId = "getRegionFeedArchive",
      summary = "A full page of a region's feed, which never changes",
      description = FeedAnswers.ARCHIVE_DESCRIPTION)
  @APIResponse(
      responseCode = "200",
      description = "The archive page",
      headers = {
        @Header(name = "ETag", description = "The digest of the document"),
        @Header(name = "Cache-Control", description = "immutable")
      },
      content =
          @Content(mediaType = AtomFeed.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "304", description = "If-None-Match names the page's ETag")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response regionArchive(@PathParam("code") String code, @PathParam("page") String page) {
    return answers.archive(answers.region(code), page);
  }
}
