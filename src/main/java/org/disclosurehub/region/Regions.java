package org.disclosurehub.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The GB/T 2260 list the service ships ({@code regions/gbt2260.tsv}, converted from an npm package
 * by {@code src/build/regions/convert.mjs}): every province-, prefecture- and county-level code
 * with its name. Read once; about 3,200 entries.
 */
public final class Regions {
  /** By code, so that a region's children are a contiguous range. */
  private static final TreeMap<String, String> NAMES = ShippedList.NAMES;

  /** A division of the list: code, name and level. */
  @Schema(
      description = "A GB/T 2260 division",
      requiredProperties = {"code", "name", "level"})
  public record Region(
      @Schema(description = "GB/T 2260 code", example = "640000") String code,
      @Schema(description = "名称", example = "宁夏回族自治区") String name,
      @Schema(description = "province (省级), city (地级) or county (县级)", example = "province")
          Division.Level level) {}

  private Regions() {}

  public static boolean contains(String code) {
    return code != null && NAMES.containsKey(code);
  }

  public static Optional<Region> find(String code) {
    return contains(code) ? Optional.of(region(code)) : Optional.empty();
  }

  /** The name of a listed code, or null for one that is not (an agency stored before the list). */
  public static String name(String code) {
    return code == null ? null : NAMES.get(code);
  }

  /**
   * The divisions a listed code lies in, province first. A county whose prefecture is not a
   * division of its own (a district of 北京市, a county that a province administers directly) lies in
   * the province only.
   */
  public static List<Region> parents(String code) {
    Division division = new Division(code);
    List<Region> parents = new ArrayList<>();
    if (division.level() != Division.Level.province) {
      parents.add(region(Division.provinceOf(code)));
    }
    String city = Division.cityOf(code);
    if (division.level() == Division.Level.county && NAMES.containsKey(city)) {
      parents.add(region(city));
    }
    return parents;
  }

  /** The divisions directly within a listed code, by code. */
  public static List<Region> children(String code) {
    Division division = new Division(code);
    if (division.level() == Division.Level.county) {
      return List.of();
    }
    List<Region> children = new ArrayList<>();
    for (String inside :
        NAMES.subMap(division.lowest(), false, division.highest(), true).keySet()) {
      List<Region> parents = parents(inside);
      if (parents.get(parents.size() - 1).code().equals(code)) {
        children.add(region(inside));
      }
    }
    return children;
  }

  /**
   * Divisions whose code starts with {@code text} or whose name contains it, provinces before
   * cities before counties, at most {@code limit}.
   */
  public static List<Region> search(String text, int limit) {
    String wanted = text.strip();
    if (wanted.isEmpty()) {
      return List.of();
    }
    List<Region> found = new ArrayList<>();
    for (var entry : NAMES.entrySet()) {
      if (entry.getKey().startsWith(wanted) || entry.getValue().contains(wanted)) {
        found.add(region(entry.getKey()));
      }
    }
    found.sort(java.util.Comparator.comparing(Region::level).thenComparing(Region::code));
    return found.size() > limit ? found.subList(0, limit) : found;
  }

  private static Region region(String code) {
    return new Region(code, NAMES.get(code), new Division(code).level());
  }
}
