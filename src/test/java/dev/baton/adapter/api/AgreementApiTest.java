package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AgreementApiTest extends IntegrationTest {

    private static final String YAML = "application/yaml";

    private static String example(String name) {
        try {
            return Files.readString(Path.of("examples/agreements", name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drafted by a revops user with this email. */
    private int propose(String file, String author) {
        tokenOf(author, "revops");
        Response created = as(author, "POST", "/api/v1/agreements", YAML, example(file));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("number").asInt();
    }

    /** Signed by the user with this email: a marketer for marketing, a sales manager for sales, unless made before. */
    private Response approve(int version, String side, String approver) {
        tokenOf(approver, side.equals("sales") ? "sales_manager" : "marketing");
        return as(approver, "POST", "/api/v1/agreements/" + version + "/approvals", "{\"side\":\"" + side + "\"}");
    }

    private Response activate(int version) {
        return postJson("/api/v1/agreements/" + version + "/activation", "{}");
    }

    private int versionCount() {
        return get("/api/v1/agreements").json().size();
    }

    @Test
    void proposedAgreementIsStoredAsADraftWithItsAuthorAndTime() {
        clock.set(Instant.parse("2026-11-03T09:30:00Z"));

        int number = propose("saas-north-america-europe.yaml", "maria@acme.example");

        JsonNode version = get("/api/v1/agreements/" + number).json();
        assertThat(version.get("status").asString()).isEqualTo("draft");
        assertThat(version.get("author").asString()).isEqualTo("maria@acme.example");
        assertThat(version.get("createdAt").asString()).isEqualTo("2026-11-03T09:30:00Z");
        assertThat(version.get("name").asString()).isEqualTo("Northwind SaaS — marketing & sales agreement");
        assertThat(get("/api/v1/agreements/" + number + "/source").body())
                .isEqualTo(example("saas-north-america-europe.yaml"));
    }

    @Test
    void invalidAgreementIsRefusedWithEveryProblemAndNothingIsStored() throws IOException {
        int before = versionCount();
        String broken = Files.readString(Path.of("src/test/resources/broken/unknown-key.yaml"));

        Response refused = post("/api/v1/agreements?author=maria", YAML, broken);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode errors = refused.json().get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(15);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("fit[1].points");
        assertThat(errors.get(1).get("line").asInt()).isEqualTo(18);
        assertThat(errors.get(1).get("column").asInt()).isEqualTo(5);
        assertThat(errors.get(1).get("message").asString()).contains("did you mean 'points'?");
        assertThat(versionCount()).isEqualTo(before);
    }

    @Test
    void activationWithoutBothApprovalsIsRefused() {
        int number = propose("it-services-emea.yaml", "ines@acme.example");

        Response withNone = activate(number);
        approve(number, "marketing", "ines.weber@brightline.example");
        Response withMarketingOnly = activate(number);

        assertThat(withNone.status()).isEqualTo(409);
        assertThat(withNone.json().get("detail").asString())
                .isEqualTo("version " + number + " needs approval from marketing and sales before it can be activated");
        assertThat(withMarketingOnly.status()).isEqualTo(409);
        assertThat(withMarketingOnly.json().get("detail").asString()).contains("needs approval from sales");
        assertThat(get("/api/v1/agreements/" + number).json().get("status").asString())
                .isEqualTo("draft");
    }

    @Test
    void activatingASignedVersionRetiresThePreviousOneSoExactlyOneIsActive() {
        int first = propose("saas-north-america-europe.yaml", "maria@acme.example");
        int second = propose("it-services-emea.yaml", "ines@acme.example");
        for (int version : new int[] {first, second}) {
            assertThat(approve(version, "marketing", "mara@acme.example").status())
                    .isEqualTo(200);
            assertThat(approve(version, "sales", "sam@acme.example").status()).isEqualTo(200);
        }
        clock.advance(Duration.ofHours(1));

        assertThat(activate(first).status()).isEqualTo(200);
        assertThat(activate(second).status()).isEqualTo(200);

        assertThat(get("/api/v1/agreements/active").json().get("number").asInt())
                .isEqualTo(second);
        assertThat(get("/api/v1/agreements/" + first).json().get("status").asString())
                .isEqualTo("retired");
        long active = 0;
        for (JsonNode version : get("/api/v1/agreements").json()) {
            active += version.get("status").asString().equals("active") ? 1 : 0;
        }
        assertThat(active).isEqualTo(1);
    }

    @Test
    void oneApproverCannotSignForBothSides() {
        tokenOf("pat@acme.example", "marketing", "sales_manager");
        int number = propose("saas-north-america-europe.yaml", "maria@acme.example");
        assertThat(approve(number, "marketing", "pat@acme.example").status()).isEqualTo(200);

        Response second = approve(number, "sales", "pat@acme.example");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains("the other side needs another approver");
        assertThat(get("/api/v1/agreements/" + number).json().get("approvals").size())
                .isEqualTo(1);
    }

    @Test
    void eachSideIsSignedOnlyByItsRole() {
        int number = propose("saas-north-america-europe.yaml", "maria@acme.example");
        tokenOf("sally@acme.example", "sales_manager");
        tokenOf("mo@acme.example", "marketing");
        tokenOf("rita@acme.example", "revops");

        Response salesForMarketing = as(
                "sally@acme.example",
                "POST",
                "/api/v1/agreements/" + number + "/approvals",
                "{\"side\":\"marketing\"}");
        Response marketingForSales =
                as("mo@acme.example", "POST", "/api/v1/agreements/" + number + "/approvals", "{\"side\":\"sales\"}");
        Response revops =
                as("rita@acme.example", "POST", "/api/v1/agreements/" + number + "/approvals", "{\"side\":\"sales\"}");
        Response bootstrap = postJson("/api/v1/agreements/" + number + "/approvals", "{\"side\":\"sales\"}");

        assertThat(salesForMarketing.status()).isEqualTo(403);
        assertThat(salesForMarketing.json().get("detail").asString())
                .isEqualTo("the marketing approval takes a user with the marketing role");
        assertThat(marketingForSales.status()).isEqualTo(403);
        assertThat(marketingForSales.json().get("detail").asString())
                .isEqualTo("the sales approval takes a user with the sales_manager role");
        assertThat(revops.status()).isEqualTo(403);
        assertThat(bootstrap.status()).isEqualTo(403);
        assertThat(get("/api/v1/agreements/" + number).json().get("approvals").size())
                .isZero();
    }

    @Test
    void diffOfTwoStoredVersionsListsTheirRealDifferences() {
        int saas = propose("saas-north-america-europe.yaml", "maria@acme.example");
        int itServices = propose("it-services-emea.yaml", "ines@acme.example");

        JsonNode diff =
                get("/api/v1/agreements/" + saas + "/diff/" + itServices).json();

        assertThat(diff.get("changes").valueStream().map(c -> c.get("text").asString()))
                .contains(
                        "~ mql: threshold 60 → 70",
                        "+ teams dach: added (manager katrin.vogel@brightline.example,"
                                + " timezone Europe/Berlin, reps jonas.huber@brightline.example (weight 1, capacity 15);"
                                + " lea.fischer@brightline.example (weight 1, capacity 15))");
    }

    @Test
    void approvalWithAnUnknownSideNamesTheField() {
        int number = propose("saas-north-america-europe.yaml", "maria@acme.example");

        Response refused = approve(number, "legal", "lee@acme.example");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("side");
    }

    @Test
    void anApprovalNamesTheSignedInUserNeverANameInTheBody() {
        int number = propose("saas-north-america-europe.yaml", "maria@acme.example");
        tokenOf("sam@acme.example", "sales_manager");

        Response named = as(
                "sam@acme.example",
                "POST",
                "/api/v1/agreements/" + number + "/approvals",
                "{\"side\":\"sales\",\"approver\":\"ceo@acme.example\"}");
        Response signed = approve(number, "sales", "sam@acme.example");

        assertThat(named.status()).isEqualTo(400);
        assertThat(named.json().get("errors").get(0).get("field").asString()).isEqualTo("approver");
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.json().get("approvals").get(0).get("approver").asString())
                .isEqualTo("sam@acme.example");
    }

    @Test
    void malformedJsonIsABadRequest() {
        tokenOf(MARKETER);
        Response refused = as(MARKETER, "POST", "/api/v1/agreements/1/approvals", "{\"side\": ");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("not valid JSON");
    }

    @Test
    void aRepCannotDraftAnAgreement() {
        tokenOf("rob@acme.example", "rep");
        int before = versionCount();

        Response refused = as("rob@acme.example", "POST", "/api/v1/agreements", YAML, example("it-services-emea.yaml"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(versionCount()).isEqualTo(before);
    }

    @Test
    void unknownVersionIsNotFound() {
        Response missing = get("/api/v1/agreements/99999");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).isEqualTo("there is no agreement version 99999");
    }

    @Test
    void versionNumberThatIsNotANumberIsABadRequest() {
        Response refused = get("/api/v1/agreements/latest-ish");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("number");
    }

    @Test
    void apiRefusesRequestsWithoutTheToken() {
        Response refused = getWithoutToken("/api/v1/agreements");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void healthIsUpAndNeedsNoToken() {
        Response health = getWithoutToken("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void openApiDocumentDescribesTheAgreementEndpoints() {
        Response docs = getWithoutToken("/api/openapi");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains("/api/v1/agreements", "/api/v1/agreements/{number}/activation");
        assertThat(docs.json().at("/components/securitySchemes/token/scheme").asString())
                .isEqualTo("bearer");
        assertThat(docs.json().at("/components/securitySchemes/signature/in").asString())
                .isEqualTo("header");
        assertThat(docs.json().at("/components/securitySchemes/signature/name").asString())
                .isEqualTo("webhook-signature");
        assertThat(docs.json().at("/paths/~1api~1v1~1events/post/security").toString())
                .isEqualTo("[{\"token\":[]},{\"signature\":[]}]");
    }
}
