package org.disclosurehub.rollup;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times roll-up computations as {@code hub_rollup_seconds{view}} (count, sum and histogram buckets
 * at {@code /q/metrics}), apart from HTTP: what the database and the summing cost, for JSON and CSV
 * alike. The per-endpoint HTTP latency is {@code http_server_requests_seconds{uri}}.
 *
 * <pre>{@code
 * latency.record("region-year", Duration.ofNanos(System.nanoTime() - started));
 * }</pre>
 */
@ApplicationScoped
class RollupLatency {
  private final MeterRegistry registry;

  /** The timers by view, registered once: a builder's register looks the meter up every time. */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  RollupLatency(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Records a computation that took {@code duration}, under the view's name. */
  void record(String view, Duration duration) {
    timers.computeIfAbsent(view, this::timer).record(duration);
  }

  private Timer timer(String view) {
    return Timer.builder("hub.rollup")
        .description("Time to compute a roll-up, by view")
        .tag("view", view)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(5))
        .register(registry);
  }
}
