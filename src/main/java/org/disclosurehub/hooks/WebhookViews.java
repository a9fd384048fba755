package org.disclosurehub.hooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the webhook endpoints read and answer. */
final class WebhookViews {
  private WebhookViews() {}

  @Schema(
      description = "A URL to subscribe to a region's events",
      requiredProperties = {"region", "url"})
  record Draft(
      @Schema(
              description = "The region whose events (of every division within it) are sent",
              example = "640500")
          String region,
      @Schema(
              description =
                  "Where to POST them: https, on a host the service is configured to call"
                      + " (hub.webhooks.allowed-hosts)",
              example = "https://hooks.example.org/disclosure")
          String url,
      @Schema(description = "What it is for (at most 200 characters)", example = "中卫市政务公开办")
          String description) {}

  @Schema(
      requiredProperties = {
        "id",
        "region",
        "regionName",
        "url",
        "state",
        "consecutiveFailures",
        "createdBy",
        "createdAt",
        "deliveries"
      },
      description = "A subscription to a region's events")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Subscription(
      long id,
      String region,
      String regionName,
      String url,
      @Schema(description = "Absent when none was given") String description,
      @Schema(
              enumeration = {"active", "paused"},
              description = "paused: nothing is sent until resumed (pausedReason says why)")
          String state,
      @Schema(description = "Failed attempts in a row (any delivery); reset by a success")
          int consecutiveFailures,
      @Schema(description = "Only while paused") Instant pausedAt,
      @Schema(description = "Only while paused: why") String pausedReason,
      String createdBy,
      Instant createdAt,
      @Schema(
              description =
                  "Only in the answer that creates the subscription, never again: the signing"
                      + " secret (Standard Webhooks, whsec_ and base64 of the key)",
              example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
          String secret,
      @Schema(
              description = "Its deliveries, newest first",
              example = "/api/v1/webhooks/1/deliveries")
          String deliveries) {}

  @Schema(
      requiredProperties = {"id", "eventId", "type", "payload", "state", "attempts", "answers"},
      description = "One event for one subscription, with every attempt and its answer")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Delivery(
      long id,
      @Schema(description = "The webhook-id header: the event's", example = "evt_42")
          String eventId,
      @Schema(example = "report.corrected") String type,
      @Schema(description = "The body sent (type, timestamp, data)") JsonNode payload,
      @Schema(enumeration = {"pending", "delivered"}) String state,
      int attempts,
      @Schema(description = "Only while pending: when it is tried next") Instant nextAttemptAt,
      @Schema(description = "Only once delivered") Instant deliveredAt,
      List<Answer> answers) {}

  @Schema(
      requiredProperties = {"at", "durationMillis"},
      description = "One attempt: the receiver's answer, or why there was none")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Answer(
      Instant at,
      @Schema(description = "The HTTP status; absent when there was no answer") Integer status,
      long durationMillis,
      @Schema(description = "Why there was no answer (timeout, connection, refused destination)")
          String error,
      @Schema(description = "The first KiB of the answer's body") String body) {}
}
