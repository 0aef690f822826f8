package dev.baton.adapter.persistence;

import dev.baton.core.engine.Transactions;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions on PostgreSQL. A transaction that PostgreSQL chose as a deadlock victim is rolled back whole, so it is
 * simply run again, a few times at most. Work started inside another transaction joins it.
 */
public final class SpringTransactions implements Transactions {

    private static final int ATTEMPTS = 5;

    private final TransactionTemplate template;
    private final TransactionTemplate nested;
    private final TransactionTemplate own;

    public SpringTransactions(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
        this.nested = new TransactionTemplate(transactionManager);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.own = new TransactionTemplate(transactionManager);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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

    @Override
    public <T> T inOwnTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return own.execute(status -> work.get());
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work, Predicate<? super T> keep) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("work that may be rolled back whole needs a transaction of its own");
        }
        // never retried: such work may read input that cannot be read twice
        return template.execute(status -> {
            T result = work.get();
            if (!keep.test(result)) {
                status.setRollbackOnly();
            }
            return result;
        });
    }

    @Override
    public <T> T inSavepoint(Supplier<T> work) {
        // rolling back to the savepoint also clears the rollback-only mark a failed joined call left behind
        return nested.execute(status -> work.get());
    }
}
