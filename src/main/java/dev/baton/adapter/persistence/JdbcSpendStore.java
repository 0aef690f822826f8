package dev.baton.adapter.persistence;

import dev.baton.core.metrics.Spend;
import dev.baton.core.metrics.SpendStore;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Marketing spend in {@code marketing_spend} (V16): an empty source or campaign is spend not tied to one. */
public final class JdbcSpendStore implements SpendStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcSpendStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void put(List<Spend> spend) {
        if (spend.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into marketing_spend (month, source, campaign, amount, currency, imported_at)
                        select month, source, campaign, amount, currency, :now
                          from unnest(:months::date[], :sources::text[], :campaigns::text[], :amounts::numeric[],
                                      :currencies::text[]) as u(month, source, campaign, amount, currency)
                        on conflict (month, source, campaign) do update
                           set amount = excluded.amount, currency = excluded.currency,
                               imported_at = excluded.imported_at
                        """)
                .param(
                        "months",
                        spend.stream()
                                .map(s -> Date.valueOf(s.month().atDay(1)))
                                .toArray(Date[]::new))
                .param("sources", spend.stream().map(s -> s.source().orElse("")).toArray(String[]::new))
                .param(
                        "campaigns",
                        spend.stream().map(s -> s.campaign().orElse("")).toArray(String[]::new))
                .param("amounts", spend.stream().map(Spend::amount).toArray(java.math.BigDecimal[]::new))
                .param(
                        "currencies",
                        spend.stream().map(s -> s.currency().orElse(null)).toArray(String[]::new))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public List<Spend> between(YearMonth from, YearMonth to) {
        return jdbc.sql("""
                        select month, source, campaign, amount, currency from marketing_spend
                         where month >= :from and month <= :to order by month, source, campaign
                        """)
                .param("from", Date.valueOf(from.atDay(1)))
                .param("to", Date.valueOf(to.atDay(1)))
                .query((row, n) -> new Spend(
                        YearMonth.from(row.getDate("month").toLocalDate()),
                        Optional.of(row.getString("source")).filter(s -> !s.isEmpty()),
                        Optional.of(row.getString("campaign")).filter(s -> !s.isEmpty()),
                        row.getBigDecimal("amount"),
                        Optional.ofNullable(row.getString("currency"))))
                .list();
    }
}
