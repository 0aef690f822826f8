package dev.baton.adapter.persistence;

import dev.baton.core.metrics.Metric;
import dev.baton.core.metrics.ReviewItem;
import dev.baton.core.metrics.ReviewStore;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Review items in PostgreSQL; the unique indexes of V14 keep one open review per trigger and one per period. */
public final class JdbcReviewStore implements ReviewStore {

    private final JdbcClient jdbc;
    private final Json json;

    public JdbcReviewStore(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = new Json(mapper);
    }

    @Override
    public Optional<ReviewItem> open(ReviewItem.Draft draft) {
        var figures = new ArrayList<Map<String, Object>>();
        for (ReviewItem.MonthFigure figure : draft.figures()) {
            var row = new LinkedHashMap<String, Object>();
            row.put("month", figure.month());
            row.put("value", figure.value());
            row.put("line", figure.line());
            figures.add(row);
        }
        return jdbc.sql("""
                        insert into review_item (escalation, trigger, tripped, metric, action, period_from, period_to,
                                                 figures, owners, opened_at)
                        values (:escalation, :trigger, :tripped, :metric, :action, :from, :to, :figures, :owners, :at)
                        on conflict do nothing
                        returning *
                        """)
                .param("escalation", draft.escalation())
                .param("trigger", draft.trigger())
                .param("tripped", draft.tripped())
                .param("metric", draft.metric().id())
                .param("action", draft.action())
                .param("from", Date.valueOf(draft.from()))
                .param("to", Date.valueOf(draft.to()))
                .param("figures", json.jsonb(figures))
                .param("owners", json.jsonb(draft.owners()))
                .param("at", Timestamp.from(draft.openedAt()))
                .query((row, n) -> review(row))
                .optional();
    }

    @Override
    public List<ReviewItem> list(Optional<ReviewItem.State> state, int limit) {
        return jdbc.sql("""
                        select * from review_item where (cast(:state as text) is null or state = :state)
                         order by id desc limit :limit
                        """)
                .param("state", state.map(ReviewItem.State::name).orElse(null))
                .param("limit", limit)
                .query((row, n) -> review(row))
                .list();
    }

    @Override
    public Optional<ReviewItem> find(long id) {
        return jdbc.sql("select * from review_item where id = :id")
                .param("id", id)
                .query((row, n) -> review(row))
                .optional();
    }

    @Override
    public boolean close(long id, String actor, String note, Instant at) {
        return jdbc.sql("""
                        update review_item set state = 'CLOSED', closed_at = :at, closed_by = :actor, note = :note
                         where id = :id and state = 'OPEN'
                        """)
                        .param("at", Timestamp.from(at))
                        .param("actor", actor)
                        .param("note", note)
                        .param("id", id)
                        .update()
                == 1;
    }

    private ReviewItem review(ResultSet row) throws SQLException {
        var figures = new ArrayList<ReviewItem.MonthFigure>();
        Object stored = json.value(row.getString("figures"));
        if (stored instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> figure) {
                    figures.add(new ReviewItem.MonthFigure(
                            String.valueOf(figure.get("month")),
                            ((Number) figure.get("value")).doubleValue(),
                            ((Number) figure.get("line")).doubleValue()));
                }
            }
        }
        return new ReviewItem(
                row.getLong("id"),
                row.getString("escalation"),
                row.getInt("trigger"),
                row.getString("tripped"),
                Metric.byId(row.getString("metric")).orElseThrow(),
                row.getString("action"),
                row.getDate("period_from").toLocalDate(),
                row.getDate("period_to").toLocalDate(),
                figures,
                json.textMap(row.getString("owners")),
                ReviewItem.State.valueOf(row.getString("state")),
                row.getTimestamp("opened_at").toInstant(),
                Optional.ofNullable(row.getTimestamp("closed_at")).map(Timestamp::toInstant),
                Optional.ofNullable(row.getString("closed_by")),
                Optional.ofNullable(row.getString("note")));
    }
}
