package org.civicledger.query.minutes;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The engine Spring Boot sets up for the pages (templates/*.html, HTML mode, UTF-8, SpEL), without Spring. */
final class TemplatesForTests {

    private TemplatesForTests() {
    }

    static MinutesHtml minutesHtml() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(UTF_8.name());
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return new MinutesHtml(engine);
    }
}
