package org.disclosurehub.system;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The service reaching the test database through a {@link TcpProxy} that a test can cut. Its own
 * application instance keeps the schema and data of the other tests (no Flyway clean) and waits
 * briefly for connections, so that an outage shows within seconds.
 */
public class ProxiedDatabaseProfile implements QuarkusTestProfile {
  /**
   * The proxy's switch: a system property, so that the test, whatever class loader runs it, flips
   * the switch that the proxy started here reads.
   */
  private static final String SWITCH = "disclosurehub.test.database-reachable";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.flyway.clean-at-start", "false",
        "quarkus.datasource.jdbc.acquisition-timeout", "2S",
        "quarkus.datasource.jdbc.max-size", "4");
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(Proxy.class));
  }

  /** Cuts the database off (false) or restores it (true) for tests under this profile. */
  static void databaseReachable(boolean reachable) {
    System.setProperty(SWITCH, Boolean.toString(reachable));
  }

  /** Starts the proxy before the application and points the datasource at it. */
  public static class Proxy implements QuarkusTestResourceLifecycleManager {
    private TcpProxy proxy;

    @Override
    public Map<String, String> start() {
      String host = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
      int port = Integer.parseInt(System.getenv().getOrDefault("PGPORT", "5432"));
      // The test profile's database and schema (application.properties).
      String database = System.getenv().getOrDefault("HUB_TEST_DATABASE", "postgres");
      try {
        proxy = new TcpProxy(host, port, () -> !"false".equals(System.getProperty(SWITCH)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      databaseReachable(true);
      return Map.of(
          "quarkus.datasource.jdbc.url",
          "jdbc:postgresql://127.0.0.1:"
              + proxy.port()
              + "/"
              + database
              + "?currentSchema=disclosure_hub_test&connectTimeout=2&socketTimeout=10");
    }

    @Override
    public void stop() {
      System.clearProperty(SWITCH);
      try {
        proxy.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
