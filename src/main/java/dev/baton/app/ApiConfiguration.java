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
                                + " lifecycle and routing; the roster; users, API tokens and the audit trail; CSV"
                                + " import and export. Every request needs 'Authorization: Bearer <token>' (401"
                                + " without it or with a wrong, revoked or expired one): an API token an admin made"
                                + " (POST /api/v1/tokens), which acts as its owner within its scopes (ingest, read,"
                                + " write, admin), or the bootstrap admin token BATON_API_TOKEN. Event intake may be"
                                + " signed instead, as Standard Webhooks sign (webhook-id, webhook-timestamp,"
                                + " webhook-signature over id.timestamp.body with BATON_API_INGEST_SECRET). What the"
                                + " owner's roles or the token's scopes do not allow is refused with 403; over a"
                                + " token's rate limit with 429 and Retry-After. Errors are RFC 9457 problem details"
                                + " naming the field. Paths spelled ambiguously (encoded slashes or periods, dot"
                                + " segments, ';' parameters) are refused with 400; bodies larger than the limit"
                                + " (10 MiB by default) with 413, except the streamed CSV imports.")
                        .version("v1")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API token (baton_…) or the bootstrap BATON_API_TOKEN"))
                        .addSecuritySchemes(
                                "signature",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("webhook-signature")
                                        .description("For POST /api/v1/events only: v1,<base64 of HMAC-SHA256 with"
                                                + " the intake secret over webhook-id.webhook-timestamp.body>, sent"
                                                + " with the webhook-id and webhook-timestamp (seconds since the"
                                                + " epoch, within five minutes) headers")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    /** Event intake takes either scheme: a token, or a signature over the body. */
    @Bean
    org.springdoc.core.customizers.OpenApiCustomizer signedIntakeInDocument() {
        return openApi -> {
            if (openApi.getPaths() == null || openApi.getPaths().get("/api/v1/events") == null) {
                return;
            }
            var post = openApi.getPaths().get("/api/v1/events").getPost();
            if (post != null) {
                post.setSecurity(List.of(
                        new SecurityRequirement().addList("token"), new SecurityRequirement().addList("signature")));
            }
        };
    }

    /** Controllers take the request's {@link dev.baton.core.access.Actor} as a parameter; the document hides it. */
    @Bean
    WebMvcConfigurer currentActor() {
        org.springdoc.core.utils.SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(dev.baton.core.access.Actor.class);
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(
                    List<org.springframework.web.method.support.HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new dev.baton.adapter.security.CurrentActor());
            }
        };
    }
}
