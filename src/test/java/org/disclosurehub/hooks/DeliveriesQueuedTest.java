package org.disclosurehub.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.registerAgency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import org.disclosurehub.sql.Rows;
import org.junit.jupiter.api.Test;

/**
 * The webhook workers are woken after a commit only when it queued deliveries: a filing nobody
 * subscribed to wakes nobody (each wake-up is a claim transaction per worker), one a subscription
 * covers does. In 长春市朝阳区 (220104), which no other test subscribes to.
 */
@QuarkusTest
class DeliveriesQueuedTest {
  private static final String DIVISION = "220104";

  @Inject Wakes wakes;

  @Test
  void shouldWakeTheWorkersOnlyWhenACommitQueuedDeliveries() throws Exception {
    assertThat(subscriptionsCovering(DIVISION)).as("precondition: nobody subscribed").isZero();
    long before = wakes.count();
    WebhookDeliveryTest.file(registerAgency(DIVISION));
    // After-success observers run as the filing's transaction commits, before its answer is sent.
    assertThat(wakes.count()).as("a filing nobody subscribed to").isEqualTo(before);

    try (Receiver receiver = new Receiver(Receiver.Mode.OK)) {
      long id = WebhookDeliveryTest.subscribe(DIVISION, receiver.url()).getLong("id");
      WebhookDeliveryTest.file(registerAgency(DIVISION));
      assertThat(wakes.count()).as("a filing a subscription covers").isEqualTo(before + 1);
      WebhookDeliveryTest.await(() -> !receiver.received().isEmpty(), "the delivery");
      admin().delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }
  }

  private static long subscriptionsCovering(String division) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                Rows.select(
                        """
                        select count(*) as n from webhook_subscription
                        where state <> 'deleted' and :division between lowest and highest""")
                    .set("division", division)
                    .row()
                    .number("n"));
  }

  /** Counts the wake-ups the workers are sent, as they observe them. */
  @ApplicationScoped
  static class Wakes {
    private final AtomicLong count = new AtomicLong();

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
      count.incrementAndGet();
    }

    long count() {
      return count.get();
    }
  }
}
