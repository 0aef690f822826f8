package dev.baton.core.demo;

/** A generated lead as the plan knows it: where it came from and which team its country belongs to. */
public record DemoLead(String email, String source, String campaign, String team, String country) {}
