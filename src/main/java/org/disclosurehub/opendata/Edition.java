package org.disclosurehub.opendata;

import java.time.Clock;
import org.disclosurehub.report.ReportYears;
import org.disclosurehub.system.ProblemException;

/** A bulk download's span: one year's current reports, or every year's ({@code all}). */
record Edition(String name, int from, int to) {
  static final String ALL = "all";

  /** The edition a path segment names: a report year or {@code all}; else 400. */
  static Edition of(String name, Clock clock) {
    if (ALL.equals(name)) {
      return new Edition(ALL, ReportYears.FIRST, ReportYears.last(clock));
    }
    if (name == null
        || !name.matches("\\d{4}")
        || !ReportYears.contains(Integer.parseInt(name), clock)) {
      throw ProblemException.invalidParameter(
          "edition",
          "must be a year from "
              + ReportYears.FIRST
              + " to "
              + ReportYears.last(clock)
              + " or all");
    }
    int year = Integer.parseInt(name);
    return new Edition(name, year, year);
  }

  String fileStem() {
    return "reports-" + name;
  }

  String csvName() {
    return fileStem() + ".csv.gz";
  }

  String jsonLinesName() {
    return fileStem() + ".jsonl.gz";
  }
}
