package dev.baton.app;

import dev.baton.adapter.scheduler.SlaTimerWorker;
import dev.baton.adapter.yaml.AgreementYamlReader;
import dev.baton.core.access.Actor;
import dev.baton.core.access.Role;
import dev.baton.core.access.Users;
import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.Approval;
import dev.baton.core.agreement.Team;
import dev.baton.core.demo.DemoPlan;
import dev.baton.core.demo.DemoPlanner;
import dev.baton.core.engine.AgreementService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For {@code baton demo}: on a fresh database, stores, signs and activates the example agreement as of months ago,
 * writes a generated funnel since then (reproducible from {@code baton.demo.seed}; {@code baton.demo.until} pins its
 * end, which is now by default), and adds demo users of each role sharing one password, printed with the sign-in
 * address.
 */
@Component
@ConditionalOnBooleanProperty("baton.demo")
class DemoSeeder implements ApplicationRunner {

    static final String EXAMPLE = "agreements/saas-north-america-europe.yaml";

    /** The password of every demo user: the demo is for looking around, not for keeping secrets. */
    static final String PASSWORD = "northwind-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final AgreementService agreements;
    private final AgreementYamlReader reader;
    private final Clock clock;
    private final DemoFunnel funnel;
    private final Users users;
    private final JdbcClient jdbc;
    private final ObjectProvider<SlaTimerWorker> timers;
    private final BatonSettings settings;
    private final long seed;
    private final int months;
    private final int leads;
    private final Optional<Instant> until;

    DemoSeeder(
            AgreementService agreements,
            AgreementYamlReader reader,
            Clock clock,
            DemoFunnel funnel,
            Users users,
            JdbcClient jdbc,
            ObjectProvider<SlaTimerWorker> timers,
            BatonSettings settings,
            @Value("${baton.demo.seed:" + DemoPlanner.DEFAULT_SEED + "}") long seed,
            @Value("${baton.demo.months:5}") int months,
            @Value("${baton.demo.leads:2400}") int leads,
            @Value("${baton.demo.until:}") String until) {
        this.agreements = agreements;
        this.reader = reader;
        this.clock = clock;
        this.funnel = funnel;
        this.users = users;
        this.jdbc = jdbc;
        this.timers = timers;
        this.settings = settings;
        this.seed = seed;
        this.months = months;
        this.leads = leads;
        this.until = until.isBlank() ? Optional.empty() : Optional.of(Instant.parse(until.strip()));
    }

    @Override
    public void run(ApplicationArguments args) {
        int versions = agreements.versions().size();
        if (versions > 0 || anyLead()) {
            log.info(
                    "Demo: the database already holds {} agreement version(s) and leads; leaving it as it is",
                    versions);
            return;
        }
        String source = example();
        Agreement agreement = reader.read(source, EXAMPLE).orThrow();
        long started = System.nanoTime();
        DemoPlan plan = DemoPlanner.plan(agreement, seed, until.orElseGet(clock::instant), months, leads);
        timers.ifAvailable(SlaTimerWorker::stop);
        try {
            funnel.clock().set(plan.from().minus(Duration.ofDays(1)));
            activate(agreement, source);
            DemoFunnel.Result result = funnel.carryOut(plan);
            log.info(
                    "Demo: wrote {} leads, {} events, {} reps' steps ({} overtaken by the timers) and {} timer events"
                            + " from {} to {} (seed {}) in {} ms",
                    result.leads(),
                    result.events(),
                    result.steps(),
                    result.skipped(),
                    result.timers(),
                    plan.from(),
                    plan.to(),
                    seed,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } finally {
            funnel.clock().release();
            timers.ifAvailable(SlaTimerWorker::start);
        }
        Map<String, Role> people = people(agreement);
        people.forEach((email, role) ->
                users.add(Actor.system("demo"), email, "", Set.of(role), Optional.of(PASSWORD), false));
        System.out.println(signIn(people));
    }

    private void activate(Agreement agreement, String source) {
        int number = agreements
                .propose(agreement, source, "demo", Optional.of("the example agreement"))
                .number();
        agreements.approve(
                number, Approval.Side.MARKETING, agreement.roles().get("head-of-marketing"), Optional.empty());
        agreements.approve(number, Approval.Side.SALES, agreement.roles().get("head-of-sales"), Optional.empty());
        agreements.activate(number, "demo");
        log.info("Demo: agreement version {} '{}' is signed and active", number, agreement.name());
    }

    /** One user of each role, the managers and reps being the agreement's own people. */
    static Map<String, Role> people(Agreement agreement) {
        var people = new LinkedHashMap<String, Role>();
        people.put("admin@northwind.example", Role.ADMIN);
        people.put(agreement.roles().get("revops"), Role.REVOPS);
        people.put(agreement.roles().get("head-of-marketing"), Role.MARKETING);
        people.put(agreement.roles().get("head-of-sales"), Role.SALES_MANAGER);
        for (Team team : agreement.teams()) {
            people.put(team.manager(), Role.SALES_MANAGER);
            team.reps().forEach(rep -> people.put(rep.email(), Role.REP));
        }
        return people;
    }

    private String signIn(Map<String, Role> people) {
        var text = new StringBuilder("\nThe demo's funnel is ready at "
                + settings.notifications().baseUrl() + "/login — every demo user's password is " + PASSWORD + "\n");
        people.forEach((email, role) -> text.append("    %-15s %s%n".formatted(role.word(), email)));
        return text.toString();
    }

    private boolean anyLead() {
        return jdbc.sql("select exists (select 1 from lead)")
                .query(Boolean.class)
                .single();
    }

    private static String example() {
        try (InputStream in = DemoSeeder.class.getClassLoader().getResourceAsStream(EXAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLE + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
