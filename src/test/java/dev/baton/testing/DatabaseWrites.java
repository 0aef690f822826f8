package dev.baton.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What tells whether anything was written to the database between two looks: the next transaction id (any write, even
 * one rolled back, takes one) and, per table, the row count and the newest row version.
 */
public final class DatabaseWrites {

    private DatabaseWrites() {}

    /** The id the next writing transaction will get; reading it takes none. */
    public static long nextTransaction(JdbcClient jdbc) {
        return jdbc.sql("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint")
                .query(Long.class)
                .single();
    }

    /** Per table of Baton's: how many rows, and the newest transaction that wrote one of them. */
    public static Map<String, String> tables(JdbcClient jdbc) {
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                         where table_schema = 'public' and table_type = 'BASE TABLE'
                           and table_name <> 'flyway_schema_history' order by table_name
                        """).query(String.class).list();
        var state = new LinkedHashMap<String, String>();
        for (String table : tables) {
            state.put(
                    table,
                    jdbc.sql("select count(*) || '/' || coalesce(max(xmin::text::bigint), 0) from \"" + table + "\"")
                            .query(String.class)
                            .single());
        }
        return state;
    }
}
