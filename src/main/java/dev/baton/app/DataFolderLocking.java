package dev.baton.app;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Takes the data folder of the embedded database before anything else starts — before the web server, before the
 * database — so that a second Baton on a folder whose Baton runs stops at once, having touched nothing. The lock is
 * handed to the embedded database, which lets go of it once its PostgreSQL has stopped; a start that fails lets go of
 * it too.
 */
final class DataFolderLocking
        implements ApplicationContextInitializer<ConfigurableApplicationContext>,
                ApplicationListener<ApplicationFailedEvent> {

    static final String BEAN = "dataFolderLock";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        BatonSettings settings = Binder.get(context.getEnvironment()).bindOrCreate("baton", BatonSettings.class);
        if (settings.database().external() || context.getBeanFactory().containsSingleton(BEAN)) {
            return;
        }
        DataFolderLock lock = DataFolderLock.take(folderOf(settings));
        context.getBeanFactory().registerSingleton(BEAN, lock);
    }

    @Override
    public void onApplicationEvent(ApplicationFailedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        if (context != null && context.getBeanFactory().containsSingleton(BEAN)) {
            ((DataFolderLock) context.getBeanFactory().getSingleton(BEAN)).close();
        }
    }

    static java.nio.file.Path folderOf(BatonSettings settings) {
        return settings.data().dir().toAbsolutePath().normalize();
    }
}
