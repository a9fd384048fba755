package org.disclosurehub.backfill;

/** An import job's files as CSV (RFC 4180), one row per file. */
final class JobCsv {
  private JobCsv() {}

  static String of(JobView job) {
    StringBuilder csv =
        new StringBuilder(
            "file,name,state,reason,agency,agencyFrom,year,publishedOn,cellsRead,violations,"
                + "revision\r\n");
    for (JobView.FileView f : job.files()) {
      Object[] cells = {
        f.file(),
        f.name(),
        f.state(),
        f.reason(),
        f.agency(),
        f.agencyFrom(),
        f.year(),
        f.publishedOn(),
        f.cellsRead(),
        f.violations(),
        f.revision()
      };
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          csv.append(',');
        }
        csv.append(quoted(cells[i] == null ? "" : cells[i].toString()));
      }
      csv.append("\r\n");
    }
    return csv.toString();
  }

  private static String quoted(String cell) {
    // A leading = + - @ would be a formula in a spreadsheet; a quote keeps it text.
    String safe = cell.matches("^[=+\\-@].*") ? "'" + cell : cell;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
