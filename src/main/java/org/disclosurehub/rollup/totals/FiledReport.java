package org.disclosurehub.rollup.totals;

import java.time.Instant;

/** The report row of (agency, year): its id and first submission time. */
record FiledReport(long reportId, Instant firstSubmittedAt) {}
