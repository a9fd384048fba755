package org.disclosurehub.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.disclosurehub.text.ChineseText;

/**
 * What TEXT_REUSE compares of a narrative: its distinct character n-grams, after leaving out what
 * changes every year or is the same in every report by the format's design: white space,
 * punctuation, digits and Chinese numerals (so years and counts), and the format's fixed phrases
 * (headings, the names of the 条例 and of the format, the terms of the tables).
 *
 * @param characters how many characters are left to compare
 * @param ngrams the hash of each distinct n-gram of them, ascending
 */
public record TextFingerprint(int characters, int[] ngrams) {

  /**
   * Eight characters: longer than the stock phrases of official prose, short enough to survive an
   * edit.
   */
  public static final int NGRAM = 8;

  /** The format's own words, which every report repeats by design; longest first. */
  static final List<String> FIXED_PHRASES =
      Stream.of(
              "中华人民共和国政府信息公开条例",
              "政府信息公开条例",
              "国务院办公厅政府信息与政务公开办公室",
              "关于印发中华人民共和国政府信息公开工作年度报告格式的通知",
              "中华人民共和国政府信息公开工作年度报告格式",
              "国办公开办函",
              "政府信息公开工作年度报告",
              "政府信息公开信息处理费管理办法",
              "本报告统计数据从年月日至月日",
              "本报告中所列数据的统计期限自年月日起至年月日止",
              "总体情况",
              "主动公开政府信息情况",
              "依申请公开政府信息情况",
              "收到和处理政府信息公开申请情况",
              "政府信息公开行政复议行政诉讼情况",
              "政府信息管理情况",
              "政府信息公开平台建设情况",
              "平台建设情况",
              "监督保障情况",
              "存在的主要问题及改进情况",
              "其他需要报告的事项",
              "政务公开工作落实情况",
              "信息处理费情况",
              "信息处理费",
              "本年新收政府信息公开申请数量",
              "上年结转政府信息公开申请数量",
              "结转下年度继续办理",
              "本年度办理结果",
              "予以公开",
              "部分公开",
              "不予公开",
              "无法提供",
              "不予处理",
              "其他处理",
              "行政复议",
              "行政诉讼",
              "结果维持",
              "结果纠正",
              "尚未审结",
              "本年制发件数",
              "本年废止件数",
              "现行有效件数",
              "本年处理决定数量",
              "行政规范性文件",
              "规范性文件",
              "政府信息公开申请",
              "政府信息公开工作",
              "政府信息公开",
              "依申请公开",
              "主动公开",
              "政务公开",
              "政府信息",
              "年度报告")
          .map(TextFingerprint::comparable)
          .distinct()
          .sorted(Comparator.comparingInt(String::length).reversed())
          .toList();

  /** The fingerprint of the narrative's three sections (一, 五, 六). */
  public static TextFingerprint of(Narrative narrative) {
    if (narrative == null) {
      return of("");
    }
    return of(
        String.join(
            "\n",
            Stream.of(narrative.overview(), narrative.problems(), narrative.other())
                .filter(s -> s != null)
                .toList()));
  }

  public static TextFingerprint of(String text) {
    String kept = comparable(text);
    for (String phrase : FIXED_PHRASES) {
      // A mark, not nothing: the words around a phrase do not join into a sequence of their own.
      kept = kept.replace(phrase, "|");
    }
    int[] hashes = new int[Math.max(0, kept.length() - NGRAM + 1)];
    int count = 0;
    int characters = 0;
    for (int i = 0; i < kept.length(); i++) {
      if (kept.charAt(i) != '|') {
        characters++;
      }
    }
    for (int i = 0; i + NGRAM <= kept.length(); i++) {
      String gram = kept.substring(i, i + NGRAM);
      if (gram.indexOf('|') < 0) {
        hashes[count++] = gram.hashCode(); // String.hashCode is specified: stable across runs
      }
    }
    int[] distinct = Arrays.stream(hashes, 0, count).sorted().distinct().toArray();
    return new TextFingerprint(characters, distinct);
  }

  /** Whether there is anything to compare. */
  public boolean isEmpty() {
    return ngrams.length == 0;
  }

  /**
   * The share of this text's n-grams found again in the other: 0 to 1 (0 when this text has none).
   * A merge of two sorted arrays: linear in their lengths.
   */
  public double shareFoundIn(TextFingerprint other) {
    if (ngrams.length == 0) {
      return 0;
    }
    return (double) shared(ngrams, other.ngrams) / ngrams.length;
  }

  static int shared(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return shared;
  }

  /** Letters only: full-width folded, no white space, punctuation, digits or Chinese numerals. */
  static String comparable(String text) {
    String folded = ChineseText.fold(text);
    StringBuilder kept = new StringBuilder(folded.length());
    folded
        .codePoints()
        .filter(c -> Character.isLetter(c) && !ChineseText.isNumeral(c))
        .forEach(kept::appendCodePoint);
    return kept.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TextFingerprint f
        && f.characters == characters
        && Arrays.equals(f.ngrams, ngrams);
  }

  @Override
  public int hashCode() {
    return 31 * characters + Arrays.hashCode(ngrams);
  }

  @Override
  public String toString() {
    return "TextFingerprint[characters=" + characters + ", ngrams=" + ngrams.length + "]";
  }
}
