package org.disclosurehub.hooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where webhooks may go and how they are delivered ({@code hub.webhooks.}). */
@ConfigMapping(prefix = "hub.webhooks")
interface WebhookConfig {
  /**
   * Host names a subscription may name (env HUB_WEBHOOKS_ALLOWED_HOSTS, comma separated): a name as
   * is ({@code hooks.example.org}) or every name under a domain ({@code *.example.org}). None by
   * default: then every destination is refused.
   */
  Optional<List<String>> allowedHosts();

  /** Whether localhost and loopback addresses may be called (only the test profile sets it). */
  @WithDefault("false")
  boolean allowLoopback();

  /** Deliveries made at once by this replica. */
  @WithDefault("2")
  int workers();

  /** How long a receiver has to answer, connection included. */
  @WithDefault("10s")
  Duration timeout();

  /** The wait before the second attempt; each later wait doubles it, up to {@link #maxBackoff}. */
  @WithDefault("10s")
  Duration firstBackoff();

  @WithDefault("1h")
  Duration maxBackoff();

  /** Failed attempts in a row (of any delivery) after which a subscription is paused. */
  @WithDefault("10")
  int pauseAfter();

  /** How often idle workers look for due deliveries (retries fall due without a new event). */
  @WithDefault("1s")
  Duration poll();
}
