package dev.baton.app;

import dev.baton.adapter.api.JsonInput;
import dev.baton.adapter.api.ProblemResponsesInDocument;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JacksonModule;

/** How the API reads JSON, and the OpenAPI document's description of the API as a whole. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    /** The checks every JSON body passes as it is read: text, times and amounts Baton can keep. */
    @Bean
    JacksonModule jsonInput() {
        return JsonInput.module();
    }

    /**
     * The API speaks JSON only. An XML library on the class path (the holiday library reads its data with one) would
     * otherwise make Spring read and write XML bodies too, and the YAML library (the agreement reader's) would read
     * any JSON body sent as application/yaml past the checks of {@link JsonInput}: input surfaces nobody reviewed.
     * Agreements are taken as YAML text, not through a converter.
     */
    @Bean
    WebMvcConfigurer jsonOnly() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.removeIf(converter -> converter.getSupportedMediaTypes().stream()
                        .anyMatch(type -> type.getSubtype().equals("xml")
                                || type.getSubtype().endsWith("+xml")
                                || type.getSubtype().endsWith("yaml")));
            }
        };
    }

    static {
        // the document states a missing capacity as a missing integer, not as OptionalInt's getters
        org.springdoc.core.utils.SpringDocUtils.getConfig()
                .replaceWithClass(java.util.OptionalInt.class, Integer.class)
                .replaceWithClass(java.util.OptionalLong.class, Long.class);
    }

    @Bean
    ProblemResponsesInDocument problemResponsesInDocument() {
        return new ProblemResponsesInDocument();
    }

    @Bean
    dev.baton.adapter.api.TypedSchemasInDocument typedSchemasInDocument() {
        return new dev.baton.adapter.api.TypedSchemasInDocument();
    }

    @Bean
    OpenAPI openApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Baton API")
                        .description("The marketing–sales agreement, its versions and sign-off; leads, their events,"
                                + " lifecycle and routing; the roster; CSV import and export. Every request needs"
                                + " 'Authorization: Bearer <token>' (401 without it or with a wrong one). Errors are"
                                + " RFC 9457 problem details naming the field. Paths spelled ambiguously (encoded"
                                + " slashes or periods, dot segments, ';' parameters) are refused with 400; bodies"
                                + " larger than the limit (10 MiB by default) with 413, except the streamed CSV"
                                + " imports.")
                        .version("v1")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
