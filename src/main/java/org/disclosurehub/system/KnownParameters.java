package org.disclosurehub.system;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An unknown query parameter is a 400 naming it: a typo ({@code ?divison=640500}) must not quietly
 * answer the whole, unfiltered listing. The parameters an endpoint takes are its
 * {@code @QueryParam} arguments and those of its {@code @BeanParam} classes.
 */
class KnownParameters {
  private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

  @ServerRequestFilter
  public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    Set<String> names = known.computeIfAbsent(method, KnownParameters::queryParameters);
    for (String given : request.getUriInfo().getQueryParameters().keySet()) {
      if (!names.contains(given)) {
        throw ProblemException.invalidParameter(
            given,
            names.isEmpty()
                ? "is not a parameter of this endpoint, which takes none"
                : "is not a parameter of this endpoint, which takes " + String.join(", ", names));
      }
    }
  }

  private static Set<String> queryParameters(Method method) {
    Set<String> names = new TreeSet<>();
    for (Parameter parameter : method.getParameters()) {
      QueryParam query = parameter.getAnnotation(QueryParam.class);
      if (query != null) {
        names.add(query.value());
      }
      if (parameter.isAnnotationPresent(BeanParam.class)) {
        for (Class<?> type = parameter.getType();
            type != Object.class;
            type = type.getSuperclass()) {
          for (Field field : type.getDeclaredFields()) {
            QueryParam fieldQuery = field.getAnnotation(QueryParam.class);
            if (fieldQuery != null) {
              names.add(fieldQuery.value());
            }
          }
        }
      }
    }
    return names;
  }
}
