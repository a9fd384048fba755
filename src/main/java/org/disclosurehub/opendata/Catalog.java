package org.disclosurehub.opendata;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DCAT catalog (W3C Data Catalog Vocabulary, as JSON-LD) of the bulk downloads: a dataset per
 * year that has reports and one of every year, each with its CSV and JSON Lines files, the CSVW
 * metadata the CSV conforms to, the manifest of checksums and the live reports.csv.
 */
final class Catalog {
  static final String MEDIA_TYPE = "application/ld+json";

  private static final Map<String, String> CONTEXT =
      Map.of(
          "dcat", "http://www.w3.org/ns/dcat#",
          "dct", "http://purl.org/dc/terms/",
          "xsd", "http://www.w3.org/2001/XMLSchema#");

  private Catalog() {}

  /** The catalog of the downloads of {@code years} (those with reports) and of every year. */
  static Map<String, Object> of(URI base, List<Integer> years) {
    Map<String, Object> catalog = new LinkedHashMap<>();
    catalog.put("@context", CONTEXT);
    catalog.put("@id", base.resolve("api/v1/catalog").toString());
    catalog.put("@type", "dcat:Catalog");
    catalog.put("dct:title", Map.of("@value", "政府信息公开工作年度报告 数据下载", "@language", "zh"));
    catalog.put(
        "dct:description",
        Map.of(
            "@value",
            "各机关现行的政府信息公开工作年度报告，按年度或全部年度打包：CSV 与 JSON Lines（gzip 压缩），附 SHA-256 校验清单和 CSVW 数据字典。",
            "@language",
            "zh"));
    List<Map<String, Object>> datasets = new ArrayList<>();
    for (Integer year : years) {
      datasets.add(dataset(base, String.valueOf(year), year + "年度"));
    }
    datasets.add(dataset(base, Edition.ALL, "全部年度"));
    catalog.put("dcat:dataset", datasets);
    return catalog;
  }

  private static Map<String, Object> dataset(URI base, String edition, String title) {
    String downloads = "api/v1/downloads/" + edition + "/";
    Map<String, Object> dataset = new LinkedHashMap<>();
    dataset.put("@id", base.resolve(downloads).toString());
    dataset.put("@type", "dcat:Dataset");
    dataset.put("dct:title", Map.of("@value", "政府信息公开工作年度报告（" + title + "）", "@language", "zh"));
    if (!Edition.ALL.equals(edition)) {
      dataset.put(
          "dct:temporal",
          Map.of(
              "@type", "dct:PeriodOfTime",
              "dcat:startDate", Map.of("@value", edition + "-01-01", "@type", "xsd:date"),
              "dcat:endDate", Map.of("@value", edition + "-12-31", "@type", "xsd:date")));
    }
    String metadata = base.resolve(downloads + "reports.csv-metadata.json").toString();
    String manifest = base.resolve(downloads + "SHA256SUMS").toString();
    String live =
        base.resolve("api/v1/reports.csv" + (Edition.ALL.equals(edition) ? "" : "?year=" + edition))
            .toString();
    dataset.put(
        "dcat:distribution",
        List.of(
            distribution(
                base.resolve(downloads + "reports.csv.gz").toString(),
                "text/csv",
                metadata,
                manifest),
            distribution(
                base.resolve(downloads + "reports.jsonl.gz").toString(),
                "application/jsonl",
                null,
                manifest),
            Map.of(
                "@type",
                "dcat:Distribution",
                "dcat:accessURL",
                Map.of("@id", live),
                "dcat:mediaType",
                "text/csv",
                "dct:conformsTo",
                Map.of("@id", metadata))));
    return dataset;
  }

  private static Map<String, Object> distribution(
      String url, String mediaType, String conformsTo, String manifest) {
    Map<String, Object> distribution = new LinkedHashMap<>();
    distribution.put("@type", "dcat:Distribution");
    distribution.put("dcat:downloadURL", Map.of("@id", url));
    distribution.put("dcat:mediaType", mediaType);
    distribution.put("dcat:compressFormat", DownloadsResource.GZIP);
    if (conformsTo != null) {
      distribution.put("dct:conformsTo", Map.of("@id", conformsTo));
    }
    distribution.put("dct:relation", Map.of("@id", manifest));
    return distribution;
  }
}
