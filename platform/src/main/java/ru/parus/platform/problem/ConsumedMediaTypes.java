package ru.parus.platform.problem;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.quarkus.arc.Arc;

/**
 * The media types a resource method takes, for the 415 problem: RESTEasy refuses a {@code Content-Type} before it
 * tells anyone which method it matched, so this reads the same {@code @Path}, HTTP method and {@code @Consumes}
 * annotations of the resource classes (every resource class is a bean) once, on the first 415.
 */
final class ConsumedMediaTypes {
    /** {@code {id}} or {@code {id: [0-9]+}} in a path template. */
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})+))?}");

    private record Endpoint(String method, Pattern path, List<String> consumes) {
    }

    private static volatile List<Endpoint> endpoints;

    private ConsumedMediaTypes() {
    }

    /** What the resource methods at this path for this HTTP method consume; empty when none says. */
    static Set<String> of(String httpMethod, String path) {
        Set<String> types = new LinkedHashSet<>();
        for (Endpoint e : endpoints()) {
            if (e.method().equals(httpMethod) && e.path().matcher(path).matches()) {
                types.addAll(e.consumes());
            }
        }
        return types;
    }

    private static List<Endpoint> endpoints() {
        List<Endpoint> known = endpoints;
        if (known == null) {
            known = scan();
            endpoints = known;
        }
        return known;
    }

    private static List<Endpoint> scan() {
        List<Endpoint> found = new ArrayList<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method m : type.getMethods()) {
                String httpMethod = httpMethod(m);
                if (httpMethod == null) {
                    continue;
                }
                Path methodPath = m.getAnnotation(Path.class);
                Consumes consumes = m.isAnnotationPresent(Consumes.class) ? m.getAnnotation(Consumes.class)
                        : type.getAnnotation(Consumes.class);
                found.add(new Endpoint(httpMethod, regex(join(classPath.value(), methodPath == null ? "" : methodPath.value())),
                        consumes == null ? List.of() : List.of(consumes.value())));
            }
        }
        return List.copyOf(found);
    }

    private static String httpMethod(Method m) {
        for (var annotation : m.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String classPath, String methodPath) {
        String joined = "/" + classPath + "/" + methodPath;
        joined = joined.replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    static Pattern regex(String template) {
        StringBuilder out = new StringBuilder();
        Matcher m = PARAMETER.matcher(template);
        int last = 0;
        while (m.find()) {
            out.append(Pattern.quote(template.substring(last, m.start())));
            out.append(m.group(1) != null ? "(?:" + m.group(1).strip() + ")" : "[^/]+");
            last = m.end();
        }
        out.append(Pattern.quote(template.substring(last))).append("/?");
        return Pattern.compile(out.toString());
    }
}
