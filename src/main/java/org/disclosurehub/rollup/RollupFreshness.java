package org.disclosurehub.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.atomic.AtomicLong;
import org.disclosurehub.agency.AgencyChanged;
import org.disclosurehub.review.RosterChanged;
import org.disclosurehub.review.WarningNoted;
import org.disclosurehub.submission.ReportRevised;
import org.disclosurehub.submission.ReportWithdrawn;

/**
 * Counts the writes this instance has completed that can change a roll-up (reports, the agency
 * registry, the roster and the notes on warnings). A roll-up tag computed at generation G is still
 * the current tag while the count is G and no other replica can have written in between (see {@link
 * ConditionalRead}).
 *
 * <p>The count moves when the writing transaction completes, not before: a read that began earlier
 * then records the old count and is recomputed next time.
 */
@ApplicationScoped
class RollupFreshness {
  private final AtomicLong generation = new AtomicLong();

  long generation() {
    return generation.get();
  }

  void revised(@Observes(during = TransactionPhase.AFTER_COMPLETION) ReportRevised event) {
    generation.incrementAndGet();
  }

  void withdrawn(@Observes(during = TransactionPhase.AFTER_COMPLETION) ReportWithdrawn event) {
    generation.incrementAndGet();
  }

  void rosterChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) RosterChanged event) {
    generation.incrementAndGet();
  }

  void warningNoted(@Observes(during = TransactionPhase.AFTER_COMPLETION) WarningNoted event) {
    generation.incrementAndGet();
  }

  void agencyChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) AgencyChanged event) {
    generation.incrementAndGet();
  }
}
