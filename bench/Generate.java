import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deterministic benchmark data, loaded through the API so that every derived row (revisions,
 * maintained roll-up totals) is exactly what production writes would produce.
 *
 * <p>Agency i lies in city (i / 200) — 200 agencies a city, 40 city-level bureaus and 160 spread
 * over the city's districts and counties — taking the real prefecture-level cities of the
 * GB/T 2260 list the service ships (the service refuses other codes), province by province in
 * the order of PROVINCES: 广东 first, whose 21 cities hold agencies 0..4199. Agency i's reports are a series from
 * 2015 on, drawn from a random generator seeded by (seed, i): the same agency gets the same
 * report for a year whatever is loaded before or after it, and each series satisfies every
 * rule, the cross-year ones included (carried over = carried forward the year before, documents
 * in force chained).
 *
 * <p>java bench/Generate.java URL TOKEN SEED FIRST_AGENCY:END_AGENCY FIRST_YEAR:LAST_YEAR THREADS
 * [--template FILE] — with --template, writes agency 0's last-year report with "__N__" in place
 * of the published-items total (for the submission benchmark) instead of loading.
 */
public class Generate {
  static final int AGENCIES_PER_CITY = 200;
  static final String[] PROVINCES = {"44", "51", "41", "37", "32", "33", "42", "43"};
  static final Path REGIONS = Path.of("src/main/resources/regions/gbt2260.tsv");
  /** Prefecture-level cities in PROVINCES order, then by code. */
  static final List<String> CITIES = new ArrayList<>();
  /** The county-level divisions of each city in CITIES, by code. */
  static final java.util.Map<String, List<String>> COUNTIES = new java.util.HashMap<>();

  static {
    List<String> codes;
    try {
      codes =
          Files.readAllLines(REGIONS).stream()
              .filter(l -> !l.startsWith("#") && !l.isBlank())
              .map(l -> l.substring(0, 6))
              .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (String province : PROVINCES) {
      for (String code : codes) {
        if (code.startsWith(province) && code.endsWith("00") && !code.endsWith("0000")) {
          CITIES.add(code);
          COUNTIES.put(code, new ArrayList<>());
        }
      }
    }
    for (String code : codes) {
      List<String> counties = COUNTIES.get(code.substring(0, 4) + "00");
      if (counties != null && !code.endsWith("00")) {
        counties.add(code);
      }
    }
  }
  static final int SERIES_START = 2015;
  static final String[] COLUMNS = {
    "naturalPerson",
    "commercialEnterprise",
    "researchInstitution",
    "socialWelfareOrganization",
    "legalServiceInstitution",
    "otherOrganization"
  };
  /** Outcome rows in form order, with the share of handled requests each typically gets. */
  static final String[][] OUTCOME_ROWS = {
    {"granted", null, "45"},
    {"partiallyGranted", null, "10"},
    {"denied", "stateSecret", "1"},
    {"denied", "prohibitedByLaw", "1"},
    {"denied", "endangersSecurityOrStability", "1"},
    {"denied", "thirdPartyRights", "2"},
    {"denied", "internalAffairs", "1"},
    {"denied", "processInformation", "2"},
    {"denied", "lawEnforcementFiles", "1"},
    {"denied", "administrativeQuery", "2"},
    {"unableToProvide", "notHeld", "18"},
    {"unableToProvide", "requiresCreation", "3"},
    {"unableToProvide", "unclearAfterCorrection", "2"},
    {"notProcessed", "complaintOrPetition", "4"},
    {"notProcessed", "repeated", "2"},
    {"notProcessed", "publication", "1"},
    {"notProcessed", "excessive", "1"},
    {"notProcessed", "confirmation", "1"},
    {"otherHandling", "overdueCorrection", "1"},
    {"otherHandling", "overdueFee", "0"},
    {"otherHandling", "other", "1"},
  };

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String token = args[1];
    long seed = Long.parseLong(args[2]);
    String[] agencies = args[3].split(":");
    String[] years = args[4].split(":");
    int threads = Integer.parseInt(args[5]);
    int firstAgency = Integer.parseInt(agencies[0]);
    int endAgency = Integer.parseInt(agencies[1]);
    int firstYear = Integer.parseInt(years[0]);
    int lastYear = Integer.parseInt(years[1]);
    if (args.length > 7 && args[6].equals("--template")) {
      String body = series(seed, 0, lastYear).get(lastYear - SERIES_START);
      body = body.replaceFirst("\"publishedItems\":\\{\"total\":\\d+", "\"publishedItems\":{\"total\":__N__");
      java.nio.file.Files.writeString(java.nio.file.Path.of(args[7]), body);
      return;
    }
    if (args.length > 7 && args[6].equals("--twins")) {
      new Generate(url, token, threads).twins(seed, Path.of(args[7]), firstYear, lastYear);
      return;
    }
    new Generate(url, token, threads).load(seed, firstAgency, endAgency, firstYear, lastYear);
  }

  /**
   * For each line "clone-code division bench-NNNNN" of {@code file} (bench/Nation.java writes it):
   * registers twin-CLONE-CODE in the division and loads agency NNNNN's reports under it through
   * the API, so that the runner can compare the twin's rows with the clone's.
   */
  void twins(long seed, Path file, int firstYear, int lastYear) throws Exception {
    for (String line : Files.readAllLines(file)) {
      String[] twin = line.split(" ");
      String code = "twin-" + twin[0];
      int prototype = Integer.parseInt(twin[2].substring("bench-".length()));
      register(code, "基准测试孪生 " + twin[0], twin[1]);
      List<String> series = series(seed, prototype, lastYear);
      for (int year = firstYear; year <= lastYear; year++) {
        put(code, year, series.get(year - SERIES_START));
      }
    }
  }

  private final HttpClient http;
  private final String url;
  private final String token;
  private final int threads;

  Generate(String url, String token, int threads) {
    this.url = url;
    this.token = token;
    this.threads = threads;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  static String agencyCode(int i) {
    return String.format(Locale.ROOT, "bench-%05d", i);
  }

  static String cityCode(int city) {
    return CITIES.get(city % CITIES.size());
  }

  static String divisionCode(int i) {
    String city = cityCode(i / AGENCIES_PER_CITY);
    List<String> counties = COUNTIES.get(city);
    int k = i % AGENCIES_PER_CITY;
    // A city without counties (东莞市, 中山市) has all its agencies at city level.
    return k < 40 || counties.isEmpty() ? city : counties.get(k % counties.size());
  }

  void load(long seed, int firstAgency, int endAgency, int firstYear, int lastYear)
      throws Exception {
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong reports = new AtomicLong();
    List<Future<?>> work = new ArrayList<>();
    int chunk = Math.max(1, (endAgency - firstAgency) / (threads * 8));
    for (int from = firstAgency; from < endAgency; from += chunk) {
      int start = from;
      int end = Math.min(endAgency, from + chunk);
      work.add(
          pool.submit(
              () -> {
                for (int i = start; i < end; i++) {
                  register(i);
                  List<String> series = series(seed, i, lastYear);
                  for (int year = firstYear; year <= lastYear; year++) {
                    put(i, year, series.get(year - SERIES_START));
                    reports.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "loaded %d reports of agencies %d..%d, years %d..%d in %.1f s (%.0f reports/s)%n",
        reports.get(),
        firstAgency,
        endAgency - 1,
        firstYear,
        lastYear,
        seconds,
        reports.get() / seconds);
  }

  private void register(int i) throws Exception {
    register(agencyCode(i), "基准测试机关 " + i, divisionCode(i));
  }

  private void register(String code, String name, String division) throws Exception {
    String body =
        String.format(
            Locale.ROOT,
            "{\"code\":\"%s\",\"name\":\"%s\",\"divisionCode\":\"%s\"}",
            code,
            name,
            division);
    HttpResponse<String> response = send("POST", "/api/v1/agencies", body);
    if (response.statusCode() != 201 && response.statusCode() != 409) {
      throw new IllegalStateException(
          "register " + code + ": " + response.statusCode() + " " + response.body());
    }
  }

  private void put(int i, int year, String body) throws Exception {
    put(agencyCode(i), year, body);
  }

  private void put(String code, int year, String body) throws Exception {
    HttpResponse<String> response =
        send("PUT", "/api/v1/agencies/" + code + "/reports/" + year, body);
    if (response.statusCode() != 201 && response.statusCode() != 200) {
      throw new IllegalStateException(
          "report " + code + "/" + year + ": " + response.statusCode() + " " + response.body());
    }
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(60))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Agency i's reports from 2015 to lastYear, each as JSON. */
  static List<String> series(long seed, int agency, int lastYear) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + agency);
    double size = 0.2 + random.nextDouble() * 3; // agencies differ in how busy they are
    int[] carried = new int[6];
    int regulationsInForce = random.nextInt(0, 4);
    int documentsInForce = random.nextInt(0, 40);
    // An agency's main figures move from year to year around its own level (0.6-1.6 times it),
    // as real ones do, so that YEAR_JUMP (more than 5 times up or down) stays the exception.
    int requestsLevel = random.nextInt(0, 60);
    int licensingLevel = random.nextInt(0, 2000);
    int penaltiesLevel = random.nextInt(0, 400);
    int publishedLevel = random.nextInt(50, 1500);
    List<String> reports = new ArrayList<>();
    for (int year = SERIES_START; year <= lastYear; year++) {
      int[] received = {
        (int) (requestsLevel * size * (0.6 + random.nextDouble())),
        (int) (random.nextInt(0, 12) * size),
        random.nextInt(0, 2),
        random.nextInt(0, 2),
        (int) (random.nextInt(0, 4) * size),
        random.nextInt(0, 3)
      };
      int[] forward = new int[6];
      int[][] outcomes = new int[OUTCOME_ROWS.length][6];
      for (int c = 0; c < 6; c++) {
        int available = received[c] + carried[c];
        forward[c] = available == 0 ? 0 : random.nextInt(0, available / 10 + 1);
        distribute(random, available - forward[c], outcomes, c);
      }
      int regulationsIssued = random.nextInt(0, 2);
      int regulationsRepealed = random.nextInt(0, Math.min(1, regulationsInForce) + 1);
      regulationsInForce += regulationsIssued - regulationsRepealed;
      int documentsIssued = random.nextInt(0, 8);
      int documentsRepealed = random.nextInt(0, Math.min(4, documentsInForce) + 1);
      documentsInForce += documentsIssued - documentsRepealed;

      StringBuilder json = new StringBuilder(8192);
      json.append("{\"formatVersion\":\"2021\",\"publishedOn\":\"")
          .append(year + 1)
          .append(random.nextInt(10) == 0 ? "-02-" : "-01-")
          .append(String.format(Locale.ROOT, "%02d", random.nextInt(5, 29)))
          .append("\",\"activeDisclosure\":{");
      json.append("\"regulations\":")
          .append(documents(regulationsIssued, regulationsRepealed, regulationsInForce));
      json.append(",\"normativeDocuments\":")
          .append(documents(documentsIssued, documentsRepealed, documentsInForce));
      json.append(",\"licensing\":")
          .append((int) (licensingLevel * size * (0.6 + random.nextDouble())));
      json.append(",\"penalties\":")
          .append((int) (penaltiesLevel * size * (0.6 + random.nextDouble())));
      json.append(",\"compulsoryMeasures\":").append(random.nextInt(0, 30));
      json.append(",\"feesAmount\":\"")
          .append(random.nextInt(0, 500))
          .append('.')
          .append(String.format(Locale.ROOT, "%04d", random.nextInt(0, 10000)))
          .append("\"},\"requests\":{");
      json.append("\"newlyReceived\":").append(row(received));
      json.append(",\"carriedOver\":").append(row(carried));
      json.append(",\"outcomes\":{");
      String group = null;
      for (int r = 0; r < OUTCOME_ROWS.length; r++) {
        String[] def = OUTCOME_ROWS[r];
        if (def[1] == null) {
          json.append(r == 0 ? "" : ",").append('"').append(def[0]).append("\":").append(row(outcomes[r]));
          continue;
        }
        if (!def[0].equals(group)) {
          json.append(group == null ? "," : "},").append('"').append(def[0]).append("\":{");
          group = def[0];
        } else {
          json.append(',');
        }
        json.append('"').append(def[1]).append("\":").append(row(outcomes[r]));
      }
      json.append("}},\"carriedForward\":").append(row(forward)).append("},\"reviews\":{");
      json.append("\"administrativeReview\":").append(review(random, size));
      json.append(",\"litigationDirect\":").append(review(random, size));
      json.append(",\"litigationAfterReview\":").append(review(random, size));
      json.append("},\"publishedItems\":{\"total\":")
          .append((int) (publishedLevel * size * (0.6 + random.nextDouble())))
          .append("}}");
      reports.add(json.toString());
      carried = forward;
    }
    return reports;
  }

  private static void distribute(SplittableRandom random, int handled, int[][] outcomes, int c) {
    int weights = 0;
    for (String[] def : OUTCOME_ROWS) {
      weights += Integer.parseInt(def[2]);
    }
    for (int n = 0; n < handled; n++) {
      int pick = random.nextInt(weights);
      for (int r = 0; r < OUTCOME_ROWS.length; r++) {
        pick -= Integer.parseInt(OUTCOME_ROWS[r][2]);
        if (pick < 0) {
          outcomes[r][c]++;
          break;
        }
      }
    }
  }

  private static String row(int[] values) {
    StringBuilder json = new StringBuilder("{");
    int total = 0;
    for (int c = 0; c < 6; c++) {
      json.append('"').append(COLUMNS[c]).append("\":").append(values[c]).append(',');
      total += values[c];
    }
    return json.append("\"total\":").append(total).append('}').toString();
  }

  private static String documents(int issued, int repealed, int inForce) {
    return "{\"issued\":" + issued + ",\"repealed\":" + repealed + ",\"inForce\":" + inForce + "}";
  }

  private static String review(SplittableRandom random, double size) {
    int upheld = (int) (random.nextInt(0, 4) * size);
    int corrected = random.nextInt(0, 2);
    int other = random.nextInt(0, 2);
    int pending = random.nextInt(0, 2);
    return String.format(
        Locale.ROOT,
        "{\"upheld\":%d,\"corrected\":%d,\"other\":%d,\"pending\":%d,\"total\":%d}",
        upheld,
        corrected,
        other,
        pending,
        upheld + corrected + other + pending);
  }
}
