package ai.alphacore.cloud.cloudsim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Path templates such as {@code /v1/projects/{project}/topics/{topic}} or
 * {@code /v1/projects/{project}/secrets/{secret}:addVersion}. A variable matches one raw path
 * segment (up to the next {@code /} or {@code :}); its value is percent-decoded, so an object
 * name sent as {@code a%2Fb} arrives as {@code a/b}.
 */
final class Router {
  @FunctionalInterface
  interface Handler {
    Object handle(Req req);
  }

  private record Route(String method, Pattern pattern, List<String> names, Handler handler) {}

  record Match(Handler handler, Map<String, String> params) {}

  private final List<Route> routes = new ArrayList<>();

  void add(String method, String template, Handler h) {
    List<String> names = new ArrayList<>();
    StringBuilder re = new StringBuilder("^");
    Matcher m = Pattern.compile("\\{([a-zA-Z]+)}").matcher(template);
    int last = 0;
    while (m.find()) {
      re.append(Pattern.quote(template.substring(last, m.start())));
      re.append("([^/:]+)");
      names.add(m.group(1));
      last = m.end();
    }
    re.append(Pattern.quote(template.substring(last))).append("$");
    routes.add(new Route(method, Pattern.compile(re.toString()), names, h));
  }

  /** The handler for this method and raw path; 404 when no template matches, 405 on a method miss. */
  Match match(String method, String rawPath) {
    boolean pathKnown = false;
    for (Route r : routes) {
      Matcher m = r.pattern.matcher(rawPath);
      if (!m.matches()) continue;
      pathKnown = true;
      if (!r.method.equals(method)) continue;
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < r.names.size(); i++) {
        String raw = m.group(i + 1);
        String v;
        try {
          v = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw ApiException.invalid("Malformed percent-encoding in path segment '" + raw + "'");
        }
        params.put(r.names.get(i), v);
      }
      return new Match(r.handler, params);
    }
    if (pathKnown) throw ApiException.methodNotAllowed(method);
    throw new ApiException(404, "notFound", "NOT_FOUND", "No API at " + method + " " + rawPath + " (see docs/cloudsim.md)");
  }
}
