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

/** An agency's Atom feed and its archives: the revisions of its reports. */
@Path("/api/v1/agencies/{code}/feed")
@Produces(AtomFeed.MEDIA_TYPE)
@Tag(
    name = "Feeds",
    description =
        "Atom feeds (RFC 4287) of reports filed, corrected, withdrawn and imported, paged with"
            + " RFC 5005 archives")
class AgencyFeedResource {
  private final FeedAnswers answers;

  AgencyFeedResource(FeedAnswers answers) {
    this.answers = answers;
  }

  @GET
  @Operation(
      operationId = "getAgencyFeed",
      summary = "The Atom feed of an agency's reports",
      description = FeedAnswers.FEED_DESCRIPTION)
  @APIResponse(
      responseCode = "200",
      description = "The current feed document",
      headers = @Header(name = "ETag", description = "The digest of the document"),
      content =
          @Content(mediaType = AtomFeed.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response agencyFeed(@PathParam("code") String code) {
    return answers.current(answers.agency(code));
  }

  @GET
  @Path("archive/{page}")
  @Operation(
      operationId = "getAgencyFeedArchive",
      summary = "A full page of an agency's feed, which never changes",
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
  public Response agencyArchive(@PathParam("code") String code, @PathParam("page") String page) {
    return answers.archive(answers.agency(code), page);
  }
}
