package org.disclosurehub.hooks;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The destinations the service may call: https URLs on a host of the configured allow-list, and
 * loopback (http too) only where configuration allows it (the test profile). Checked when a
 * subscription is created, and again before every delivery, on the addresses the host resolves to,
 * so that a name that now points at this machine is not called either.
 */
@ApplicationScoped
class Destinations {
  private final WebhookConfig config;

  Destinations(WebhookConfig config) {
    this.config = config;
  }

  /** Why the URL may not be called, or null when it may. */
  String refusal(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "is not a URL: " + e.getReason();
    }
    String host = uri.getHost();
    if (!uri.isAbsolute() || host == null) {
      return "must be an absolute http(s) URL with a host";
    }
    if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      return "may carry neither user information nor a fragment";
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean loopback = isLoopbackName(host);
    if (loopback) {
      if (!config.allowLoopback()) {
        return "names this machine (" + host + "), which webhooks never call";
      }
      return scheme.equals("http") || scheme.equals("https") ? null : "must be http or https";
    }
    if (!scheme.equals("https")) {
      return "must be https";
    }
    if (!allowed(host)) {
      return "names host '"
          + host
          + "', which is not on the allow-list (hub.webhooks.allowed-hosts"
          + (config.allowedHosts().isEmpty() ? ", empty" : "")
          + ")";
    }
    return null;
  }

  /** Why the URL may not be called now that its host resolves as it does, or null. */
  String refusalOnDelivery(String url) {
    String refusal = refusal(url);
    if (refusal != null) {
      return refusal;
    }
    String host = URI.create(url).getHost();
    if (config.allowLoopback()) {
      return null;
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(stripBrackets(host))) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
          return "host '" + host + "' resolves to " + address.getHostAddress() + ", this machine";
        }
      }
    } catch (UnknownHostException e) {
      return "host '" + host + "' is not known";
    }
    return null;
  }

  private boolean allowed(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    List<String> allowed = config.allowedHosts().orElse(List.of());
    for (String entry : allowed) {
      String pattern = entry.strip().toLowerCase(Locale.ROOT);
      if (pattern.startsWith("*.")
          ? name.endsWith(pattern.substring(1)) && name.length() > pattern.length() - 1
          : name.equals(pattern)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLoopbackName(String host) {
    String name = stripBrackets(host).toLowerCase(Locale.ROOT);
    return name.equals("localhost")
        || name.endsWith(".localhost")
        || name.startsWith("127.")
        || name.equals("::1")
        || name.equals("0:0:0:0:0:0:0:1")
        || name.equals("0.0.0.0");
  }

  private static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
