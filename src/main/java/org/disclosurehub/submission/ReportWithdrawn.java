package org.disclosurehub.submission;

import java.time.Instant;

/**
 * An agency's report for a year was withdrawn: it no longer counts anywhere. Fired inside the
 * writing transaction, like {@link ReportRevised}.
 */
public record ReportWithdrawn(long agencyId, int year, Instant at) {}
