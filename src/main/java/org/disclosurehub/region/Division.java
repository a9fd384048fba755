package org.disclosurehub.region;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A GB/T 2260 administrative division code: {@code 640000} a province, {@code 640500} a city (地级),
 * {@code 640521} a county or district. The code's prefix names the province and city it lies in. A
 * division is made from any code of that shape (agencies stored before the list existed keep
 * theirs); {@link #isValid} accepts only the codes of the list ({@link Regions}).
 */
public record Division(String code) {
  private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

  /** The first two digits of every province-level division in GB/T 2260. */
  private static final Set<String> PROVINCES =
      Set.of(
          "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
          "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
          "65", "71", "81", "82");

  /** 省级, 地级, 县级. */
  public enum Level {
    province,
    city,
    county
  }

  public Division {
    if (!hasTheShape(code)) {
      throw new IllegalArgumentException("not a GB/T 2260 division code: " + code);
    }
  }

  /** Whether the code is in the GB/T 2260 list the service ships. */
  public static boolean isValid(String code) {
    return ShippedList.contains(code);
  }

  private static boolean hasTheShape(String code) {
    return code != null
        && SIX_DIGITS.matcher(code).matches()
        && PROVINCES.contains(code.substring(0, 2));
  }

  public Level level() {
    if (code.endsWith("0000")) {
      return Level.province;
    }
    return code.endsWith("00") ? Level.city : Level.county;
  }

  /** The code of the city (地级) a code lies in, by its prefix: 640521 → 640500; 640000 itself. */
  public static String cityOf(String code) {
    return code.substring(0, 4) + "00";
  }

  /** The code of the province a code lies in, by its prefix: 640521 → 640000. */
  public static String provinceOf(String code) {
    return code.substring(0, 2) + "0000";
  }

  /** The lowest code this division covers ({@code 640500} for 中卫市). */
  public String lowest() {
    return code;
  }

  /** The highest code this division covers ({@code 640599} for 中卫市, {@code 649999} for 宁夏). */
  public String highest() {
    return switch (level()) {
      case province -> code.substring(0, 2) + "9999";
      case city -> code.substring(0, 4) + "99";
      case county -> code;
    };
  }
}
