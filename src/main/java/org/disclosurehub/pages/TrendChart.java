package org.disclosurehub.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
      svg.append("<line x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(WIDTH - RIGHT)
          .append("\" y1=\"")
          .append(oneDecimal(y))
          .append("\" y2=\"")
          .append(oneDecimal(y))
          .append("\" stroke=\"#ccc\"/><text x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(oneDecimal(y + 4))
          .append("\" font-size=\"12\" text-anchor=\"end\" fill=\"#333\">")
          .append(Numbers.grouped(max * i / 4))
          .append("</text>");
    }
    for (int i = 0; i < years.size(); i++) {
      svg.append("<text x=\"")
          .append(oneDecimal(LEFT + step * i))
          .append("\" y=\"")
          .append(HEIGHT - BOTTOM + 18)
          .append("\" font-size=\"12\" text-anchor=\"middle\" fill=\"#333\">")
          .append(years.get(i).year())
          .append("</text>");
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
        String cx = oneDecimal(x);
        String cy = oneDecimal(y);
        points.append(cx).append(',').append(cy).append(' ');
        svg.append("<circle cx=\"")
            .append(cx)
            .append("\" cy=\"")
            .append(cy)
            .append("\" r=\"3\" fill=\"")
            .append(series.colour())
            .append("\"><title>")
            .append(year.year())
            .append("年 ")
            .append(series.label())
            .append(' ')
            .append(Numbers.grouped(series.value().applyAsLong(year)))
            .append("</title></circle>");
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
      svg.append("<rect x=\"")
          .append(legendX)
          .append("\" y=\"")
          .append(HEIGHT - 18)
          .append("\" width=\"12\" height=\"12\" fill=\"")
          .append(series.colour())
          .append("\"/><text x=\"")
          .append(legendX + 16)
          .append("\" y=\"")
          .append(HEIGHT - 8)
          .append("\" font-size=\"12\" fill=\"#333\">")
          .append(series.label())
          .append("</text>");
      legendX += 140;
    }
    return svg.append("</svg>").toString();
  }

  /**
   * {@code value} as {@code String.format(Locale.ROOT, "%.1f", value)} writes it (half up on its
   * shortest decimal form, the sign of −0.0 kept), without a Formatter per number: a chart writes a
   * hundred of them.
   */
  static String oneDecimal(double value) {
    if (!Double.isFinite(value)) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    String text = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    return Math.copySign(1.0, value) < 0 && text.charAt(0) != '-' ? "-" + text : text;
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
