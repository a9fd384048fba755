package org.disclosurehub.rollup;

import io.quarkus.arc.Arc;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the writes this instance has committed that can change a roll-up (reports and the agency
 * registry). A roll-up tag computed at generation G is still the current tag while the count is G
 * and no other replica can have written in between (see {@link CachedRead}).
 */
public final class RollupFreshness {
  private static final AtomicLong GENERATION = new AtomicLong();

  private RollupFreshness() {}

  static long generation() {
    return GENERATION.get();
  }

  /**
   * Marks that the current transaction changes roll-up data. The count moves when it completes, not
   * before: a read that began earlier then records the old count and is recomputed next time.
   */
  public static void dataChanged() {
    TransactionSynchronizationRegistry registry =
        Arc.container().instance(TransactionSynchronizationRegistry.class).get();
    if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
      GENERATION.incrementAndGet();
      return;
    }
    registry.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            GENERATION.incrementAndGet();
          }
        });
  }
}
