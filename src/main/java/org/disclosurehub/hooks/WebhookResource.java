package org.disclosurehub.hooks;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.disclosurehub.region.Division;
import org.disclosurehub.region.Regions;
import org.disclosurehub.security.Actor;
import org.disclosurehub.security.Actors;
import org.disclosurehub.system.HubConfig;
import org.disclosurehub.system.Page;
import org.disclosurehub.system.PageRequest;
import org.disclosurehub.system.Problem;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Subscriptions to a region's events: created by the admin or a reviewer of a division the region
 * lies in, who alone see them, their deliveries and the receivers' answers.
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Webhooks", description = "Signed POSTs of a region's events to a subscribed URL")
class WebhookResource {
  private final Actors actors;
  private final Subscriptions subscriptions;
  private final Destinations destinations;
  private final WebhookWorkers workers;
  private final HubConfig config;
  private final Clock clock;

  WebhookResource(
      Actors actors,
      Subscriptions subscriptions,
      Destinations destinations,
      WebhookWorkers workers,
      HubConfig config,
      Clock clock) {
    this.actors = actors;
    this.subscriptions = subscriptions;
    this.destinations = destinations;
    this.workers = workers;
    this.config = config;
    this.clock = clock;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(
      operationId = "createWebhook",
      summary = "Subscribe a URL to a region's events",
      description =
          "The admin, or a reviewer of a division the region lies in. Every event of the region"
              + " from now on (report.filed, report.refiled, report.corrected, report.withdrawn,"
              + " report.imported, review.returned, review.accepted) is POSTed to the URL, signed"
              + " as Standard Webhooks describes (webhook-id, webhook-timestamp,"
              + " webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>). The answer"
              + " shows the signing secret, once.")
  @APIResponse(
      responseCode = "201",
      description = "Subscribed; the body holds the secret, which is never shown again",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookViews.Subscription.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "422", ref = "DestinationRefused")
  public Response create(WebhookViews.Draft draft) {
    Actor actor = actors.current();
    if (draft == null) {
      throw invalid("", "a JSON body with region and url is required");
    }
    if (draft.region() == null
        || !Division.isValid(draft.region())
        || !Regions.contains(draft.region())) {
      throw invalid("/region", "must be the code of a region, such as 640500");
    }
    if (!actor.reviews(draft.region())) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "Only the admin or a reviewer of a division that region "
              + draft.region()
              + " lies in subscribes to its events");
    }
    if (draft.url() == null || draft.url().isBlank() || draft.url().length() > 2000) {
      throw invalid("/url", "must be a URL of at most 2000 characters");
    }
    String description = draft.description() == null ? null : draft.description().strip();
    if (description != null && (description.isEmpty() || description.length() > 200)) {
      throw invalid("/description", "must have 1 to 200 characters");
    }
    String refusal = destinations.refusal(draft.url());
    if (refusal != null) {
      throw new ProblemException(
          ProblemType.DESTINATION_NOT_ALLOWED, "The URL " + refusal + "; nothing was subscribed");
    }
    String secret = Signature.newSecret();
    long id =
        subscriptions.create(
            draft.region(),
            draft.url(),
            description,
            secret,
            actor.author(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    return Response.created(URI.create("/api/v1/webhooks/" + id))
        .entity(subscriptions.created(id, secret))
        .build();
  }

  @GET
  @Transactional
  @Operation(
      operationId = "listWebhooks",
      summary = "The subscriptions this token may see",
      description = "The admin sees all; a reviewer those of regions within its division.")
  @APIResponse(
      responseCode = "200",
      description = "The subscriptions, oldest first, without their secrets",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookViews.Subscription[].class)))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public List<WebhookViews.Subscription> list() {
    Actor actor = actors.current();
    return switch (actor.kind()) {
      case ADMIN -> subscriptions.within(null);
      case REVIEWER -> subscriptions.within(new Division(actor.divisionCode()));
      case AGENCY -> throw forbidden();
    };
  }

  @GET
  @Path("{id}")
  @Transactional
  @Operation(
      operationId = "getWebhook",
      summary = "A subscription: its state, and why paused",
      description =
          "The subscription (region, URL, who created it and when; never its secret), whether"
              + " it is active or paused, since when and why, its failed attempts in a row, and"
              + " the link to its deliveries. The admin, or a reviewer of a division the region"
              + " lies in.")
  @APIResponse(
      responseCode = "200",
      description = "The subscription, without its secret",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookViews.Subscription.class)))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public WebhookViews.Subscription get(@PathParam("id") String id) {
    return visible(id, false);
  }

  @POST
  @Path("{id}/resume")
  @Transactional
  @Operation(
      operationId = "resumeWebhook",
      summary = "Resume a paused subscription",
      description =
          "Its failures are forgotten and every event it missed is sent, each report's in order.")
  @APIResponse(
      responseCode = "200",
      description = "Active again",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookViews.Subscription.class)))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public WebhookViews.Subscription resume(@PathParam("id") String id) {
    WebhookViews.Subscription subscription = visible(id, true);
    subscriptions.resume(subscription.id());
    workers.wake();
    return subscriptions.find(subscription.id(), false).orElseThrow();
  }

  @DELETE
  @Path("{id}")
  @Transactional
  @Operation(
      operationId = "deleteWebhook",
      summary = "End a subscription",
      description = "Nothing more is sent; a delivery under way finishes first.")
  @APIResponse(responseCode = "204", description = "Ended")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response delete(@PathParam("id") String id) {
    WebhookViews.Subscription subscription = visible(id, true);
    subscriptions.delete(subscription.id(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/deliveries")
  @Transactional
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "A subscription's deliveries and the receiver's answers, newest event first",
      description =
          "One entry per event for this subscription, newest first: the event's id, type and the"
              + " body sent, pending (with the next attempt's time) or delivered, and every"
              + " attempt: when, how long, the status the receiver answered or why there was no"
              + " answer (timeout, connection), and the first KiB of its body. Paged.")
  @APIResponse(
      responseCode = "200",
      description = "A page of deliveries, each with every attempt",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DeliveryPage.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Page<WebhookViews.Delivery> deliveries(
      @PathParam("id") String id, @BeanParam PageRequest pageRequest, @Context UriInfo uri) {
    WebhookViews.Subscription subscription = visible(id, false);
    io.quarkus.panache.common.Page page = pageRequest.checked(config.maxPageSize());
    return Page.of(
        subscriptions.deliveries(subscription.id(), page.index * page.size, page.size),
        page.index,
        page.size,
        subscriptions.deliveryCount(subscription.id()),
        uri);
  }

  /** The schema of a page of deliveries (a generic record has none of its own). */
  @Schema(
      requiredProperties = {"items", "page", "size", "total", "links"},
      description = "A page of deliveries")
  record DeliveryPage(
      List<WebhookViews.Delivery> items, int page, int size, long total, Page.Links links) {}

  private WebhookViews.Subscription visible(String id, boolean forUpdate) {
    Actor actor = actors.current();
    if (actor.kind() == Actor.Kind.AGENCY) {
      throw forbidden();
    }
    long number;
    try {
      number = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ProblemException.notFound("No webhook subscription '" + id + "'");
    }
    WebhookViews.Subscription subscription =
        subscriptions
            .find(number, forUpdate)
            .orElseThrow(() -> ProblemException.notFound("No webhook subscription " + id));
    if (!actor.reviews(subscription.region())) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "Subscription " + id + " is for region " + subscription.region() + ", not yours");
    }
    return subscription;
  }

  private static ProblemException forbidden() {
    return new ProblemException(
        ProblemType.FORBIDDEN, "Only the admin or a reviewer manages webhook subscriptions");
  }

  private static ProblemException invalid(String pointer, String message) {
    return ProblemException.invalidFields(
        (pointer.isEmpty() ? "The body" : pointer) + " " + message,
        List.of(new Problem.FieldError(pointer, message)));
  }
}
