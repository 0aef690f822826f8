package dev.baton.adapter.persistence;

import dev.baton.core.agreement.Team;
import dev.baton.core.engine.RosterStore;
import dev.baton.core.routing.Roster;
import dev.baton.core.routing.Rotation;
import dev.baton.core.routing.Router;
import dev.baton.core.routing.Seat;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The roster in PostgreSQL: a team's row is locked while a lead is routed into it. */
public final class JdbcRosterStore implements RosterStore {

    private static final String SEATS = """
            select m.team, m.rep, m.weight, m.capacity, m.pass, r.active,
                   (select count(*) from lead l where l.owner = m.rep and l.stage = 'MQL') as open_mqls
              from team_member m join rep r on r.email = m.rep
            """;

    private final JdbcClient jdbc;

    public JdbcRosterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Roster roster(Instant at) {
        return new Roster() {
            @Override
            public Rotation rotation(String team) {
                Optional<Long> pass = jdbc.sql("select pass from team where name = :team for update")
                        .param("team", team)
                        .query(Long.class)
                        .optional();
                if (pass.isEmpty()) {
                    return new Rotation(team, 0, List.of());
                }
                List<Seat> seats = seats(SEATS + " where m.team = :team order by m.position", Map.of("team", team), at);
                return new Rotation(team, pass.get(), seats);
            }

            @Override
            public Optional<Seat> seat(String rep) {
                return seats(SEATS + " where m.rep = :rep order by m.team limit 1", Map.of("rep", rep), at).stream()
                        .findFirst();
            }

            @Override
            public Optional<String> teamOf(String rep) {
                return jdbc.sql("select team from team_member where rep = :rep order by team limit 1")
                        .param("rep", rep)
                        .query(String.class)
                        .optional();
            }
        };
    }

    private List<Seat> seats(String sql, Map<String, Object> params, Instant at) {
        var rows = new ArrayList<Object[]>();
        jdbc.sql(sql).params(params).query((ResultSet row) -> {
            rows.add(new Object[] {
                row.getString("rep"),
                row.getInt("weight"),
                row.getObject("capacity"),
                row.getInt("open_mqls"),
                row.getBoolean("active"),
                row.getLong("pass")
            });
        });
        Map<String, List<Seat.Absence>> absences =
                absences(rows.stream().map(r -> (String) r[0]).toList(), at);
        return rows.stream()
                .map(r -> new Seat(
                        (String) r[0],
                        (int) r[1],
                        r[2] == null ? OptionalInt.empty() : OptionalInt.of((Integer) r[2]),
                        (int) r[3],
                        (boolean) r[4],
                        absences.getOrDefault((String) r[0], List.of()),
                        (long) r[5]))
                .toList();
    }

    private Map<String, List<Seat.Absence>> absences(List<String> reps, Instant at) {
        var absences = new HashMap<String, List<Seat.Absence>>();
        if (reps.isEmpty()) {
            return absences;
        }
        jdbc.sql("select rep, starts_at, ends_at from rep_absence where rep = any(:reps) and ends_at > :at")
                .param("reps", reps.toArray(String[]::new))
                .param("at", Timestamp.from(at))
                .query((ResultSet row) -> {
                    absences.computeIfAbsent(row.getString("rep"), r -> new ArrayList<>())
                            .add(new Seat.Absence(
                                    row.getTimestamp("starts_at").toInstant(),
                                    row.getTimestamp("ends_at").toInstant()));
                });
        return absences;
    }

    @Override
    public void saveRotation(Rotation rotation) {
        jdbc.sql("update team set pass = :pass where name = :team")
                .param("pass", rotation.pass())
                .param("team", rotation.team())
                .update();
        jdbc.sql("""
                        update team_member m set pass = u.pass
                          from unnest(:reps::text[], :passes::bigint[]) as u(rep, pass)
                         where m.team = :team and m.rep = u.rep
                        """)
                .param("reps", rotation.seats().stream().map(Seat::rep).toArray(String[]::new))
                .param("passes", rotation.seats().stream().map(Seat::pass).toArray(Long[]::new))
                .param("team", rotation.team())
                .update();
    }

    @Override
    public void sync(List<Team> teams, Instant at) {
        for (Team team : teams) {
            jdbc.sql("""
                            insert into team (name, manager, timezone, created_at) values (:name, :manager, :zone, :at)
                            on conflict (name) do update set manager = excluded.manager, timezone = excluded.timezone
                            """)
                    .param("name", team.name())
                    .param("manager", team.manager())
                    .param("zone", team.timezone().map(ZoneId::getId).orElse(null))
                    .param("at", Timestamp.from(at))
                    .update();
            int position = 0;
            for (Team.Rep rep : team.reps()) {
                seat(team.name(), rep.email(), rep.weight(), rep.capacity(), rep.slack(), Optional.of(position++), at);
            }
        }
    }

    /**
     * Creates or updates the rep and their seat; a new seat starts at the team's current position in the rotation,
     * at the end of the team's order unless a position is given.
     */
    private void seat(
            String team,
            String rep,
            int weight,
            OptionalInt capacity,
            Optional<String> slack,
            Optional<Integer> position,
            Instant at) {
        jdbc.sql("""
                        insert into rep (email, slack, created_at) values (:rep, :slack, :at)
                        on conflict (email) do update set slack = coalesce(excluded.slack, rep.slack)
                        """)
                .param("rep", rep)
                .param("slack", slack.orElse(null))
                .param("at", Timestamp.from(at))
                .update();
        jdbc.sql("""
                        insert into team_member (team, rep, weight, capacity, pass, position)
                        select :team, :rep, :weight, :capacity, t.pass,
                               coalesce(cast(:position as integer),
                                        (select coalesce(max(position) + 1, 0) from team_member where team = :team))
                          from team t where t.name = :team
                        on conflict (team, rep) do update
                           set weight = excluded.weight, capacity = excluded.capacity,
                               position = coalesce(cast(:position as integer), team_member.position)
                        """)
                .param("team", team)
                .param("rep", rep)
                .param("weight", weight)
                .param("capacity", capacity.isPresent() ? capacity.getAsInt() : null)
                .param("position", position.orElse(null))
                .update();
    }

    @Override
    public Optional<Router.AccountOwner> accountOwner(long leadId) {
        record Account(long id, String domain, String owner, String name, String normalized) {}
        Optional<Account> account = jdbc.sql("""
                        select c.id, c.domain, c.owner, c.profile->>'company.name' as name, c.normalized_name
                          from lead l join company c on c.id = l.company_id where l.id = :lead
                        """)
                .param("lead", leadId)
                .query((row, i) -> new Account(
                        row.getLong("id"),
                        row.getString("domain"),
                        row.getString("owner"),
                        row.getString("name"),
                        row.getString("normalized_name")))
                .optional();
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Account mine = account.get();
        if (mine.owner() != null) {
            return Optional.of(owner(mine.owner(), mine.domain(), "same domain " + mine.domain()));
        }
        if (mine.normalized() == null || mine.normalized().isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select owner, domain, profile->>'company.name' as name from company
                         where normalized_name = :name and owner is not null and id <> :id order by id limit 1
                        """)
                .param("name", mine.normalized())
                .param("id", mine.id())
                .query((row, i) -> owner(
                        row.getString("owner"),
                        row.getString("domain"),
                        "company name '" + mine.name() + "' matches account '" + row.getString("name") + "' ("
                                + row.getString("domain") + ")"))
                .optional();
    }

    private Router.AccountOwner owner(String rep, String domain, String match) {
        return new Router.AccountOwner(rep, teamOf(rep), domain, match);
    }

    @Override
    public void claimAccount(long leadId, String rep) {
        jdbc.sql("""
                        update company set owner = :rep
                         where id = (select company_id from lead where id = :lead) and owner is null
                        """).param("rep", rep).param("lead", leadId).update();
    }

    @Override
    public List<TeamRoster> teams(Instant at) {
        var teams = new ArrayList<TeamRoster>();
        jdbc.sql("select name, manager, timezone from team order by name").query((ResultSet row) -> {
            teams.add(new TeamRoster(
                    row.getString("name"),
                    row.getString("manager"),
                    Optional.ofNullable(row.getString("timezone")),
                    List.of()));
        });
        return teams.stream()
                .map(team -> new TeamRoster(team.name(), team.manager(), team.timezone(), members(team.name(), at)))
                .toList();
    }

    private List<Member> members(String team, Instant at) {
        var members = new ArrayList<Member>();
        jdbc.sql("""
                        select m.rep, r.slack, m.weight, m.capacity, r.active,
                               (select count(*) from lead l where l.owner = m.rep and l.stage = 'MQL') as open_mqls
                          from team_member m join rep r on r.email = m.rep where m.team = :team order by m.position
                        """).param("team", team).query((ResultSet row) -> {
            Object capacity = row.getObject("capacity");
            members.add(new Member(
                    row.getString("rep"),
                    Optional.ofNullable(row.getString("slack")),
                    row.getInt("weight"),
                    capacity == null ? OptionalInt.empty() : OptionalInt.of((Integer) capacity),
                    row.getInt("open_mqls"),
                    row.getBoolean("active"),
                    List.of()));
        });
        return members.stream()
                .map(m -> new Member(
                        m.rep(),
                        m.slack(),
                        m.weight(),
                        m.capacity(),
                        m.openMqls(),
                        m.active(),
                        absencesOf(m.rep(), at)))
                .toList();
    }

    private List<Absence> absencesOf(String rep, Instant at) {
        return jdbc.sql("""
                        select id, starts_at, ends_at, note from rep_absence
                         where rep = :rep and ends_at > :at order by starts_at
                        """)
                .param("rep", rep)
                .param("at", Timestamp.from(at))
                .query((row, i) -> new Absence(
                        row.getLong("id"),
                        row.getTimestamp("starts_at").toInstant(),
                        row.getTimestamp("ends_at").toInstant(),
                        Optional.ofNullable(row.getString("note"))))
                .list();
    }

    @Override
    public boolean teamExists(String team) {
        return jdbc.sql("select count(*) from team where name = :team")
                        .param("team", team)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public boolean repExists(String rep) {
        return jdbc.sql("select count(*) from rep where email = :rep")
                        .param("rep", rep)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public Optional<String> teamOf(String rep) {
        return jdbc.sql("select team from team_member where rep = :rep order by team limit 1")
                .param("rep", rep)
                .query(String.class)
                .optional();
    }

    @Override
    public void addSeat(String team, String rep, int weight, OptionalInt capacity, Optional<String> slack, Instant at) {
        seat(team, rep, weight, capacity, slack, Optional.empty(), at);
    }

    @Override
    public boolean removeSeat(String team, String rep) {
        return jdbc.sql("delete from team_member where team = :team and rep = :rep")
                        .param("team", team)
                        .param("rep", rep)
                        .update()
                == 1;
    }

    @Override
    public boolean setActive(String rep, boolean active) {
        return jdbc.sql("update rep set active = :active where email = :rep")
                        .param("active", active)
                        .param("rep", rep)
                        .update()
                == 1;
    }

    @Override
    public long addAbsence(String rep, Instant from, Instant until, Optional<String> note) {
        return jdbc.sql("""
                        insert into rep_absence (rep, starts_at, ends_at, note) values (:rep, :from, :until, :note)
                        returning id
                        """)
                .param("rep", rep)
                .param("from", Timestamp.from(from))
                .param("until", Timestamp.from(until))
                .param("note", note.orElse(null))
                .query(Long.class)
                .single();
    }

    @Override
    public boolean removeAbsence(String rep, long id) {
        return jdbc.sql("delete from rep_absence where id = :id and rep = :rep")
                        .param("id", id)
                        .param("rep", rep)
                        .update()
                == 1;
    }

    @Override
    public List<Long> openLeadsOwnedBy(String rep) {
        return jdbc.sql("""
                        select id from lead where owner = :rep and stage in ('MQL', 'ACCEPTED', 'SQL', 'OPPORTUNITY')
                         order by id
                        """).param("rep", rep).query(Long.class).list();
    }
}
