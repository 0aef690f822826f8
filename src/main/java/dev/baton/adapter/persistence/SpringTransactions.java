package dev.baton.adapter.persistence;

import dev.baton.core.engine.Transactions;
import java.util.function.Supplier;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions on PostgreSQL. A transaction that PostgreSQL chose as a deadlock victim is rolled back whole, so it is
 * simply run again, a few times at most. Work started inside another transaction joins it.
 */
public final class SpringTransactions implements Transactions {

    private static final int ATTEMPTS = 5;

    private final TransactionTemplate template;

    public SpringTransactions(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // joins the caller's transaction, which alone may be retried
            return template.execute(status -> work.get());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return template.execute(status -> work.get());
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
