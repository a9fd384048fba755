package org.disclosurehub.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.disclosurehub.rollup.Trend;

/**
 * A line chart of a region's main figures over the years, drawn on the server as SVG: it needs no
 * script and no outside resource, and prints. Years without any report leave a gap, never a zero.
 */
final class TrendChart {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 260;
  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 48;

  /** A series: its label, its colour (dark enough on white for WCAG AA), how to read a year. */
  record Series(String label, String colour, java.util.function.ToLongFunction<Trend.Year> value) {}

  static final List<Series> SERIES =
      List.of(
          new Series("本年新收申请", "#1f5fa8", Trend.Year::newlyReceived),
          new Series("办理答复", "#2e7d32", Trend.Year::totalHandled),
          new Series("行政复议", "#b35900", Trend.Year::reviewTotal),
          new Series("行政诉讼", "#8e24aa", Trend.Year::litigationTotal));

  static String svg(Trend trend) {
    List<Trend.Year> years = fromFirstReport(trend.years());
    long max = 1;
    for (Trend.Year year : years) {
      if (year.reported() > 0) {
        for (Series s : SERIES) {
          max = Math.max(max, s.value().applyAsLong(year));
        }
      }
    }
    max = niceCeiling(max);
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double step = years.size() > 1 ? plotWidth / (years.size() - 1) : 0;
    StringBuilder svg = new StringBuilder(4_000);
    svg.append(
            "<svg class=\"trend\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" aria-labelledby=\"trend-title\"><title id=\"trend-title\">")
        .append(years.get(0).year())
        .append("—")
        .append(years.get(years.size() - 1).year())
        .append("年主要数据趋势</title>");
    for (int i = 0; i <= 4; i++) {
      double y = TOP + plotHeight - plotHeight * i / 4;
      svg.append(
              String.format(
                  Locale.ROOT,
                  "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ccc\"/>",
                  LEFT,
                  WIDTH - RIGHT,
                  y,
                  y))
          .append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\" fill=\"#333\">%s</text>",
                  LEFT - 6,
                  y + 4,
                  Numbers.grouped(max * i / 4)));
    }
    for (int i = 0; i < years.size(); i++) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" fill=\"#333\">%d</text>",
              LEFT + step * i,
              HEIGHT - BOTTOM + 18,
              years.get(i).year()));
    }
    int legendX = LEFT;
    for (Series series : SERIES) {
      List<String> segments = new ArrayList<>();
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < years.size(); i++) {
        Trend.Year year = years.get(i);
        if (year.reported() == 0) {
          if (!points.isEmpty()) {
            segments.add(points.toString());
            points.setLength(0);
          }
          continue;
        }
        double x = LEFT + step * i;
        double y = TOP + plotHeight - plotHeight * series.value().applyAsLong(year) / max;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        svg.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%d年 %s %s</title></circle>",
                x,
                y,
                series.colour(),
                year.year(),
                series.label(),
                Numbers.grouped(series.value().applyAsLong(year))));
      }
      if (!points.isEmpty()) {
        segments.add(points.toString());
      }
      for (String segment : segments) {
        svg.append("<polyline class=\"series\" fill=\"none\" stroke-width=\"2\" stroke=\"")
            .append(series.colour())
            .append("\" points=\"")
            .append(segment.trim())
            .append("\"/>");
      }
      svg.append(
              String.format(
                  Locale.ROOT,
                  "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>",
                  legendX,
                  HEIGHT - 18,
                  series.colour()))
          .append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#333\">%s</text>",
                  legendX + 16,
                  HEIGHT - 8,
                  series.label()));
      legendX += 140;
    }
    return svg.append("</svg>").toString();
  }

  /**
   * The years from the first with a report on (at least the last two), so the chart is not empty.
   */
  static List<Trend.Year> fromFirstReport(List<Trend.Year> years) {
    int first = 0;
    while (first < years.size() - 2 && years.get(first).reported() == 0) {
      first++;
    }
    return years.subList(first, years.size());
  }

  /** The smallest 1, 2 or 5 × 10ⁿ at or above {@code value}, so that the axis reads well. */
  static long niceCeiling(long value) {
    long magnitude = 1;
    while (magnitude * 10 <= value) {
      magnitude *= 10;
    }
    for (long factor : new long[] {1, 2, 5, 10}) {
      if (factor * magnitude >= value) {
        return factor * magnitude;
      }
    }
    return 10 * magnitude;
  }
}
