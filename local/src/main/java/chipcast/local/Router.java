package chipcast.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a request to a template route the way API Gateway HTTP APIs do: the most specific route
 * wins (literal segments before {parameters}), and anything else goes to the $default route.
 */
public final class Router {
    public record Match(TemplateModel.Route route, Map<String, String> pathParameters) {
    }

    private final List<TemplateModel.Route> routes;
    private final TemplateModel.Route fallback;

    public Router(List<TemplateModel.Route> all) {
        List<TemplateModel.Route> concrete = new ArrayList<>();
        TemplateModel.Route def = null;
        for (TemplateModel.Route r : all) {
            if ("$default".equals(r.path())) {
                def = r;
            } else {
                concrete.add(r);
            }
        }
        concrete.sort(Comparator.comparingInt((TemplateModel.Route r) -> -literalSegments(r.path()))
                .thenComparing(r -> "ANY".equals(r.method()) ? 1 : 0));
        this.routes = concrete;
        this.fallback = def;
    }

    /** The matching route, the $default route, or null when the template has neither. */
    public Match match(String method, String path) {
        String[] parts = split(path);
        for (TemplateModel.Route route : routes) {
            if (!route.method().equals(method) && !"ANY".equals(route.method())) {
                continue;
            }
            Map<String, String> params = matchPath(split(route.path()), parts);
            if (params != null) {
                return new Match(route, params);
            }
        }
        return fallback == null ? null : new Match(fallback, Map.of());
    }

    private static Map<String, String> matchPath(String[] pattern, String[] parts) {
        if (pattern.length != parts.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (parts[i].isEmpty()) {
                    return null;
                }
                params.put(p.substring(1, p.length() - 1), parts[i]);
            } else if (!p.equals(parts[i])) {
                return null;
            }
        }
        return params;
    }

    private static int literalSegments(String path) {
        int n = 0;
        for (String s : split(path)) {
            if (!s.startsWith("{")) {
                n++;
            }
        }
        return n;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
