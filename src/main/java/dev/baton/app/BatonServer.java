package dev.baton.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The Spring Boot application behind {@code baton serve} and {@code baton demo}. */
@SpringBootApplication(scanBasePackages = "dev.baton")
@EnableConfigurationProperties(BatonSettings.class)
public class BatonServer {}
