package dev.baton.app;

import dev.baton.adapter.api.ApiTokenFilter;
import dev.baton.adapter.api.BodySizeLimitFilter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's token check; without BATON_API_TOKEN a token is made for this run and logged once. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiConfiguration.class);

    @Bean
    FilterRegistrationBean<ApiTokenFilter> apiTokenFilter(BatonSettings settings) {
        String token = settings.api().token();
        if (token == null || token.isBlank()) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            token = HexFormat.of().formatHex(random);
            log.info("No BATON_API_TOKEN set; the API token for this run is {}", token);
        }
        var registration = new FilterRegistrationBean<>(new ApiTokenFilter(token));
        registration.addUrlPatterns("/api/v1/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(BatonSettings settings) {
        var registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(settings.api().maxBodyBytes()));
        registration.addUrlPatterns("/api/v1/*");
        return registration;
    }

    @Bean
    OpenAPI openApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Baton API")
                        .description("The marketing–sales agreement, its versions and sign-off. Every request needs"
                                + " 'Authorization: Bearer <token>'. Errors are RFC 9457 problem details.")
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
