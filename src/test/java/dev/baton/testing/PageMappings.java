package dev.baton.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and form Baton serves outside {@code /api}, read from the handler mappings so that a new one cannot be
 * left out of the tests that go through them all; the sign-in page, which is open, aside.
 */
public final class PageMappings {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    private PageMappings() {}

    /** A page or form: its method and path pattern. */
    public record Page(String method, String pattern) {

        public boolean isForm() {
            return method.equals("POST");
        }

        /** The path with each variable replaced by what {@code value} gives for its name. */
        public String path(Function<String, String> value) {
            return VARIABLE.matcher(pattern).replaceAll(found -> Matcher.quoteReplacement(value.apply(found.group(1))));
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    public static List<Page> of(RequestMappingHandlerMapping mappings) {
        var pages = new ArrayList<Page>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getPackageName().startsWith("dev.baton")) {
                continue;
            }
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    mapping.getKey()
                            .getMethodsCondition()
                            .getMethods()
                            .forEach(m -> pages.add(new Page(m.name(), pattern)));
                }
            }
        }
        pages.removeIf(page -> page.method().equals("GET") && page.pattern().equals("/login"));
        pages.sort(Comparator.comparing(Page::toString));
        return pages;
    }
}
