package dev.baton.core.demo;

import java.util.List;

/**
 * Where demo leads come from, and how good each source is: how many of its leads go on to engage enough to qualify,
 * and how well its MQLs do with sales. Webinars and demo requests convert well, paid social poorly, events in between.
 */
enum Source {
    WEBINAR("webinar", 17, 0.60, 0.70, List.of("webinar-sla-playbook", "webinar-revops-benchmarks")),
    DEMO_REQUEST("demo-request", 9, 0.92, 0.80, List.of("website-demo-form")),
    EVENT("event", 12, 0.42, 0.55, List.of("saas-summit-booth", "revops-roundtable-london")),
    CONTENT("content", 19, 0.33, 0.50, List.of("ebook-lead-response", "guide-icp-scoring")),
    ORGANIC("organic", 14, 0.28, 0.50, List.of("organic-search")),
    PAID_SOCIAL("paid-social", 29, 0.14, 0.25, List.of("linkedin-abm", "linkedin-retargeting"));

    final String word;
    final int weight;
    final double intent;
    final double quality;
    final List<String> campaigns;

    Source(String word, int weight, double intent, double quality, List<String> campaigns) {
        this.word = word;
        this.weight = weight;
        this.intent = intent;
        this.quality = quality;
        this.campaigns = campaigns;
    }

    static int[] weights() {
        Source[] all = values();
        int[] weights = new int[all.length];
        for (int i = 0; i < all.length; i++) {
            weights[i] = all[i].weight;
        }
        return weights;
    }
}
