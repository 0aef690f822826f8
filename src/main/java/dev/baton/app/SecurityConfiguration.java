package dev.baton.app;

import dev.baton.adapter.security.ApiTokenAuthentication;
import dev.baton.adapter.security.ApiTokenFilter;
import dev.baton.adapter.security.BodySizeLimitFilter;
import dev.baton.adapter.security.MalformedRequestFilter;
import dev.baton.adapter.security.ProblemResponses;
import jakarta.servlet.DispatcherType;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The access check: one Spring Security filter chain in front of everything. Its strict firewall refuses paths that
 * could be read more than one way before any rule looks at them; the rules then match the path as the dispatcher
 * will, and deny by default — only the API's documentation and the health check are open. Without
 * BATON_API_TOKEN a token is made for this run and logged once.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** What anyone may read: the API's description and the health probes. */
    private static final String[] OPEN = {
        "/api/openapi", "/api/openapi/**", "/api/docs", "/api/swagger-ui/**", "/actuator/health", "/actuator/health/**"
    };

    @Bean
    AuthenticationManager apiTokens(BatonSettings settings) {
        String token = settings.api().token();
        if (token == null || token.isBlank()) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            token = HexFormat.of().formatHex(random);
            log.info("No BATON_API_TOKEN set; the API token for this run is {}", token);
        }
        return new ProviderManager(new ApiTokenAuthentication.Provider(token));
    }

    @Bean
    SecurityFilterChain accessCheck(HttpSecurity http, AuthenticationManager apiTokens, BatonSettings settings)
            throws Exception {
        AuthenticationEntryPoint unauthorized = SecurityConfiguration::unauthorized;
        var streamedImports = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/imports/*");
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                // a request is authenticated by its token alone: no session, no anonymous user, no servlet-API
                // wrapper — three filters fewer on every request
                .sessionManagement(sessions -> sessions.disable())
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .authorizeHttpRequests(rules -> rules.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, OPEN)
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, OPEN)
                        .permitAll()
                        .anyRequest()
                        .hasAuthority(ApiTokenAuthentication.API))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new ApiTokenFilter(apiTokens, unauthorized), ExceptionTranslationFilter.class)
                .addFilterAfter(
                        new BodySizeLimitFilter(settings.api().maxBodyBytes(), streamedImports),
                        AuthorizationFilter.class)
                .addFilterAfter(new MalformedRequestFilter(), BodySizeLimitFilter.class);
        return http.build();
    }

    @Bean
    WebSecurityCustomizer firewall() {
        return web -> web.httpFirewall(new StrictHttpFirewall()).requestRejectedHandler(ProblemResponses::rejected);
    }

    /** 401: a request without a token is told how to send one; a wrong token is told it is wrong. */
    private static void unauthorized(
            jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            AuthenticationException reason)
            throws java.io.IOException {
        ProblemResponses.unauthorized(
                request,
                response,
                request.getHeader("Authorization") == null
                        ? new InsufficientAuthenticationException(
                                "send the API token as 'Authorization: Bearer <token>'")
                        : reason);
    }
}
