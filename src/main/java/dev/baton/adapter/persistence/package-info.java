/** PostgreSQL storage: hand-written SQL, one mapper per table, migrations under db/migration. */
@NullMarked
package dev.baton.adapter.persistence;

import org.jspecify.annotations.NullMarked;
