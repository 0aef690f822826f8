package dev.baton.app;

import dev.baton.adapter.security.ApiTokenAuthentication;
import dev.baton.adapter.security.ApiTokenFilter;
import dev.baton.adapter.security.BodySizeLimitFilter;
import dev.baton.adapter.security.EndpointPermissions;
import dev.baton.adapter.security.FreshSession;
import dev.baton.adapter.security.MalformedRequestFilter;
import dev.baton.adapter.security.PageInputFilter;
import dev.baton.adapter.security.PasswordSignIn;
import dev.baton.adapter.security.PermissionCheck;
import dev.baton.adapter.security.ProblemResponses;
import dev.baton.adapter.security.RateLimitFilter;
import dev.baton.adapter.security.RateLimits;
import dev.baton.adapter.security.SignInFailures;
import dev.baton.adapter.security.SignedIntakeFilter;
import dev.baton.adapter.security.SingleSignOn;
import dev.baton.core.access.AccessPolicy;
import dev.baton.core.access.ApiTokens;
import dev.baton.core.access.UserStore;
import dev.baton.core.access.Users;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The access check: Spring Security in front of everything, in two chains. The API's ({@code /api/**},
 * {@code /actuator/**}) authenticates each request by its token (or, for event intake, by a signature over the body),
 * holds it to its credential's rate limit, and asks the access policy about the permission the endpoint table gives
 * it: deny by default, only the API's documentation and the health check are open. The web pages' chain signs people
 * in with a form (or single sign-on), keeps them in a session cookie, and checks a CSRF token on every form. A strict
 * firewall refuses paths that could be read more than one way before either chain looks at them.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** What anyone may read: the API's description and the health probes. */
    private static final String[] OPEN = {
        "/api/openapi", "/api/openapi/**", "/api/docs", "/api/swagger-ui/**", "/actuator/health", "/actuator/health/**"
    };

    /** The API documentation's pages load their own scripts and styles, and style some elements inline. */
    private static final String DOCS_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'"
            + " 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /** JSON answers are never pages: nothing in them may load or run anything. */
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** Baton's pages: only their own scripts and styles, nothing inline, never in a frame. */
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'"
            + " data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src"
            + " 'none'";

    @Bean
    AuthenticationManager apiTokenCheck(BatonSettings settings, ApiTokens tokens) {
        String token = settings.api().token();
        if (token == null || token.isBlank()) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            token = HexFormat.of().formatHex(random);
            log.info("No BATON_API_TOKEN set; the bootstrap admin token for this run is {}", token);
        }
        return new ProviderManager(new ApiTokenAuthentication.Provider(token, tokens));
    }

    @Bean
    RateLimits rateLimits(Clock clock) {
        return new RateLimits(Duration.ofMinutes(1), clock);
    }

    @Bean
    EndpointPermissions endpointPermissions() {
        return new EndpointPermissions();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            AuthenticationManager apiTokenCheck,
            BatonSettings settings,
            RateLimits limits,
            EndpointPermissions endpoints,
            AccessPolicy policy,
            Clock clock)
            throws Exception {
        AuthenticationEntryPoint unauthorized = SecurityConfiguration::unauthorized;
        var paths = PathPatternRequestMatcher.withDefaults();
        var streamedImports = paths.matcher(HttpMethod.POST, "/api/v1/imports/*");
        RequestMatcher docs = new OrRequestMatcher(
                paths.matcher("/api/docs"), paths.matcher("/api/swagger-ui/**"), paths.matcher("/api/openapi/**"));
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/actuator/**")))
                .csrf(csrf -> csrf.disable())
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
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY))
                        .addHeaderWriter(
                                new org.springframework.security.web.header.writers
                                        .DelegatingRequestMatcherHeaderWriter(
                                        docs,
                                        new org.springframework.security.web.header.writers.StaticHeadersWriter(
                                                "Content-Security-Policy", DOCS_POLICY))))
                .authorizeHttpRequests(rules -> rules.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, OPEN)
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, OPEN)
                        .permitAll()
                        .anyRequest()
                        .access(new PermissionCheck(endpoints, policy)))
                .exceptionHandling(errors ->
                        errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(PermissionCheck.denied()))
                .addFilterBefore(new ApiTokenFilter(apiTokenCheck, unauthorized), ExceptionTranslationFilter.class)
                .addFilterBefore(
                        new SignedIntakeFilter(
                                paths.matcher(HttpMethod.POST, "/api/v1/events"),
                                settings.api().ingestSecret(),
                                settings.api().maxBodyBytes(),
                                clock,
                                unauthorized),
                        ApiTokenFilter.class)
                .addFilterAfter(
                        new RateLimitFilter(limits, settings.api().requestsPerMinute()),
                        ExceptionTranslationFilter.class)
                .addFilterAfter(
                        new BodySizeLimitFilter(settings.api().maxBodyBytes(), streamedImports),
                        AuthorizationFilter.class)
                .addFilterAfter(new MalformedRequestFilter(), BodySizeLimitFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            Users users,
            UserStore userStore,
            RateLimits limits,
            BatonSettings settings,
            ObjectProvider<ClientRegistrationRepository> singleSignOn)
            throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        var browser = new MediaTypeRequestMatcher(org.springframework.http.MediaType.TEXT_HTML);
        // only a client that asks for a page is sent to the sign-in page; */* is anyone's, and gets a 401
        browser.setIgnoredMediaTypes(java.util.Set.of(org.springframework.http.MediaType.ALL));
        var signIn = new PasswordSignIn(users, limits, settings.signIn().attemptsPerMinute());
        // the password's provider joins those of single sign-on (added by oauth2Login below), in a manager of the
        // chain's own: a manager set outright would leave single sign-on's providers out, and the context's one
        // AuthenticationManager bean, the API token's, would otherwise become its parent
        http.authenticationProvider(signIn)
                .getSharedObject(AuthenticationManagerBuilder.class)
                .parentAuthenticationManager(null);
        http.formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .failureHandler(new SignInFailures())
                        .defaultSuccessUrl("/", false)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signedOut")
                        .deleteCookies("JSESSIONID"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(rules -> rules.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(
                                paths.matcher("/login"), paths.matcher("/css/**"), paths.matcher("/favicon.ico"))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), browser)
                        .defaultAuthenticationEntryPointFor(SecurityConfiguration::unauthorized, request -> true)
                        .accessDeniedHandler((request, response, denied) -> ProblemResponses.forbidden(
                                request,
                                response,
                                denied instanceof org.springframework.security.web.csrf.CsrfException
                                        ? "the form's CSRF token is missing or out of date: reload the page and send"
                                                + " it again"
                                        : "you may not open this page")))
                .addFilterBefore(new FreshSession(userStore), AuthorizationFilter.class)
                .addFilterAfter(new PageInputFilter(), AuthorizationFilter.class);
        ClientRegistrationRepository registrations = singleSignOn.getIfAvailable();
        if (registrations != null) {
            BatonSettings.Sso sso = settings.sso();
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                    .failureHandler(new SignInFailures())
                    .userInfoEndpoint(info -> info.oidcUserService(
                            new SingleSignOn(users, sso.emailClaim(), sso.rolesClaim(), sso.roles()))));
        }
        return http.build();
    }

    @Bean
    WebSecurityCustomizer firewall() {
        return web -> web.httpFirewall(new StrictHttpFirewall()).requestRejectedHandler(ProblemResponses::rejected);
    }

    /** 401: a request without a token is told how to send one; a wrong token is told it is wrong. */
    private static void unauthorized(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        ProblemResponses.unauthorized(
                request,
                response,
                request.getHeader("Authorization") == null && request.getHeader("webhook-signature") == null
                        ? new InsufficientAuthenticationException(
                                "send the API token as 'Authorization: Bearer <token>'")
                        : reason);
    }
}
