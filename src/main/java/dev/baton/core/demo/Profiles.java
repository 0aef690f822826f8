package dev.baton.core.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Made-up companies and the people who work there, of varied fit: about half in the example agreement's ideal
 * customer profile (50–500 people, 5M–100M revenue, SaaS, FinTech or Professional Services), the rest too small, too
 * big or in other industries; three in five in North America, the others in the UK and the EU.
 */
final class Profiles {

    /** A company of the demo. */
    record Company(
            String name, String domain, String country, String industry, int employees, long revenue, boolean icp) {
        Map<String, String> fields() {
            var fields = new TreeMap<String, String>();
            fields.put("company.name", name);
            fields.put("company.domain", domain);
            fields.put("company.country", country);
            fields.put("company.industry", industry);
            fields.put("company.employees", Integer.toString(employees));
            fields.put("company.annual_revenue", Long.toString(revenue));
            return fields;
        }

        boolean northAmerican() {
            return country.equals("US") || country.equals("CA");
        }
    }

    /** A person at a company. */
    record Person(String email, String firstName, String lastName, String title) {}

    private static final List<String> FIRST = List.of(
            "Ava", "Ben", "Chloe", "Daniel", "Elena", "Felix", "Grace", "Hugo", "Isla", "Jonas", "Kate", "Leo", "Maya",
            "Noah", "Olivia", "Pablo", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Will", "Xena", "Yusuf", "Zoe",
            "Amir", "Brooke", "Carlos", "Dana", "Emil", "Fatima", "Gavin", "Hana", "Ivan", "Julia");
    private static final List<String> LAST = List.of(
            "Adams",
            "Becker",
            "Chen",
            "Dubois",
            "Evans",
            "Fischer",
            "Garcia",
            "Hansen",
            "Ito",
            "Jansen",
            "Khan",
            "Larsen",
            "Moreau",
            "Novak",
            "O'Brien",
            "Patel",
            "Quist",
            "Russo",
            "Schmidt",
            "Tanaka",
            "Ueda",
            "Virtanen",
            "Walsh",
            "Young",
            "Zimmer",
            "Nguyen",
            "Silva",
            "Murphy",
            "Kowalski",
            "Lindqvist");
    private static final List<String> NAME_START = List.of(
            "Blue", "North", "Bright", "Clear", "Swift", "Iron", "Silver", "Maple", "Harbor", "Summit", "Pine", "Atlas",
            "Nova", "Quartz", "Cedar", "Orbit", "Lumen", "Vector", "Granite", "Willow");
    private static final List<String> NAME_END = List.of(
            "Labs",
            "Systems",
            "Analytics",
            "Cloud",
            "Partners",
            "Works",
            "Logic",
            "Pay",
            "Ledger",
            "Health",
            "Retail",
            "Digital",
            "Metrics",
            "Flow",
            "Stack",
            "Bridge");
    private static final List<String> ICP_INDUSTRIES = List.of("SaaS", "FinTech", "Professional Services");
    private static final List<String> OTHER_INDUSTRIES =
            List.of("Retail", "Manufacturing", "Education", "Healthcare", "Logistics", "SaaS");
    private static final List<String> SENIOR = List.of(
            "VP Marketing",
            "Director of Demand Generation",
            "Head of Revenue Operations",
            "CMO",
            "VP Sales",
            "Director of Sales Operations",
            "Head of Growth");
    private static final List<String> STAFF = List.of(
            "Marketing Manager",
            "Growth Marketer",
            "Sales Operations Analyst",
            "Marketing Operations Specialist",
            "Account Executive",
            "Content Marketer");
    private static final List<String> JUNIOR = List.of("Student", "Marketing Intern");
    private static final List<String> FREE_MAIL = List.of("gmail.com", "outlook.com", "yahoo.com");

    private final Random random;
    private final Set<String> emails = new HashSet<>();
    private final Set<String> domains = new HashSet<>();

    Profiles(Random random) {
        this.random = random;
    }

    List<Company> companies(int count) {
        var companies = new ArrayList<Company>();
        while (companies.size() < count) {
            String name = pick(NAME_START) + " " + pick(NAME_END);
            String domain = name.toLowerCase(Locale.ROOT).replace(" ", "") + ".example";
            if (domains.add(domain)) {
                companies.add(company(name, domain));
            } else if (domains.add(domain.replace(".example", "-" + companies.size() + ".example"))) {
                companies.add(company(
                        name + " " + companies.size(),
                        domain.replace(".example", "-" + companies.size() + ".example")));
            }
        }
        return companies;
    }

    private Company company(String name, String domain) {
        String country = country();
        if (random.nextDouble() < 0.55) {
            int employees = between(50, 500);
            return new Company(name, domain, country, pick(ICP_INDUSTRIES), employees, revenue(employees), true);
        }
        int employees = random.nextBoolean() ? between(5, 45) : between(600, 6000);
        return new Company(name, domain, country, pick(OTHER_INDUSTRIES), employees, revenue(employees), false);
    }

    private long revenue(int employees) {
        return Math.round(employees * (80_000 + random.nextInt(120_000)) / 100_000.0) * 100_000L;
    }

    private String country() {
        if (random.nextDouble() < 0.6) {
            return random.nextDouble() < 0.85 ? "US" : "CA";
        }
        return pickWeighted(List.of("GB", "DE", "FR", "NL", "IE", "ES", "SE"), new int[] {30, 20, 15, 12, 8, 8, 7});
    }

    /** Someone at the company; a worse source brings more juniors and free-mail addresses. */
    Person person(Company company, double quality) {
        String first = pick(FIRST);
        String last = pick(LAST);
        double roll = random.nextDouble();
        String title = roll < 0.03 + (1 - quality) * 0.06
                ? pick(JUNIOR)
                : roll < 0.30 + quality * 0.35 ? pick(SENIOR) : pick(STAFF);
        String domain = random.nextDouble() < 0.03 + (1 - quality) * 0.12 ? pick(FREE_MAIL) : company.domain();
        String local = (first + "." + last).toLowerCase(Locale.ROOT).replace("'", "");
        String email = local + "@" + domain;
        for (int n = 2; !emails.add(email); n++) {
            email = local + n + "@" + domain;
        }
        return new Person(email, first, last, title);
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    <T> T pickWeighted(List<T> values, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values.get(i);
            }
        }
        throw new IllegalStateException("weights and values differ in length");
    }
}
