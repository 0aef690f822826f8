package dev.baton.core.access;

/** A slow, salted, adaptive password hash. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
