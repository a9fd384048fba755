package org.disclosurehub.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.time.Clock;
import org.disclosurehub.system.HubConfig;

/**
 * The importer without the HTTP layer, for property tests that read thousands of variants (jqwik
 * does not run inside a {@code @QuarkusTest}). Only what needs no database: no agency, nothing
 * stored. The answer is the JSON that {@code POST /api/v1/imports} would send.
 */
public final class DirectImport {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final Importer IMPORTER = importer();

  private DirectImport() {}

  /** What the importer answers for this body and {@code Content-Type}. */
  public static JsonNode read(byte[] body, String contentType) {
    ImportResult result =
        IMPORTER.importReport(
            new Importer.Request(body, MediaType.valueOf(contentType), null, null, false, null));
    return JSON.valueToTree(result);
  }

  /**
   * Built by the types of its constructor's parameters, so that a dependency added to the importer
   * (one that imports without storing does not use) does not break this test code.
   */
  private static Importer importer() {
    HubConfig config =
        (HubConfig)
            Proxy.newProxyInstance(
                HubConfig.class.getClassLoader(),
                new Class<?>[] {HubConfig.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("maxImportBytes")) {
                    return 5_000_000L;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    Constructor<?> constructor = Importer.class.getDeclaredConstructors()[0];
    Class<?>[] types = constructor.getParameterTypes();
    Object[] arguments = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      if (types[i] == ObjectMapper.class) {
        arguments[i] = JSON;
      } else if (types[i] == HubConfig.class) {
        arguments[i] = config;
      } else if (types[i] == Clock.class) {
        arguments[i] = Clock.systemUTC();
      }
    }
    try {
      constructor.setAccessible(true);
      return (Importer) constructor.newInstance(arguments);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the importer cannot be built outside Quarkus", e);
    }
  }
}
