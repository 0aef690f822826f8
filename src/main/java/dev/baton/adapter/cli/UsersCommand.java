package dev.baton.adapter.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code baton users add|list|disable}: the users of a running Baton, through its API with an admin's token. Each
 * change is in the audit trail, from the command line, under the token's owner.
 */
@Command(
        name = "users",
        description = "Add, list and disable the users of a running Baton (needs an admin's token). Exit 0 when"
                + " done, 1 when Baton refused, 2 when it cannot be reached.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class})
public final class UsersCommand implements Runnable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code baton users add EMAIL --role rep [--role …] [--name …] [--password …]}. */
    @Command(name = "add", description = "Add a user with one or more roles.")
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "EMAIL", description = "the address the user signs in with")
        String email = "";

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "admin, revops, marketing, sales_manager or rep; repeat for several")
        List<String> roles = new ArrayList<>();

        @Option(names = "--name", description = "how Baton shows them (default: the email)")
        @Nullable
        String name;

        @Option(
                names = "--password",
                description = "an initial password, to be changed at the first sign-in (leave out for single"
                        + " sign-on users)",
                interactive = true,
                arity = "0..1")
        char @Nullable [] password;

        @Mixin
        Remote remote = new Remote();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ObjectNode body = JSON.createObjectNode().put("email", email);
            roles.forEach(body.putArray("roles")::add);
            if (name != null) {
                body.put("name", name);
            }
            if (password != null && password.length > 0) {
                body.put("password", new String(password));
            }
            return run(spec, remote, "POST", "/api/v1/users", body.toString(), user -> "added " + line(user));
        }
    }

    /** {@code baton users list}. */
    @Command(name = "list", description = "List every user with their roles.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        Remote remote = new Remote();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int code = remote.get("/api/v1/users", "application/json", err, body -> {
                for (JsonNode user : Remote.json(body)) {
                    out.println(line(user));
                }
            });
            out.flush();
            err.flush();
            return code;
        }
    }

    /** {@code baton users disable EMAIL}. */
    @Command(name = "disable", description = "Stop a user from signing in; their sessions and tokens end at once.")
    static final class Disable implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "EMAIL", description = "the user's email")
        String email = "";

        @Mixin
        Remote remote = new Remote();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            long[] id = {-1};
            int code = remote.get("/api/v1/users", "application/json", err, body -> {
                for (JsonNode user : Remote.json(body)) {
                    if (user.get("email").asString().equalsIgnoreCase(email.strip())) {
                        id[0] = user.get("id").asLong();
                    }
                }
            });
            if (code != 0) {
                err.flush();
                return code;
            }
            if (id[0] < 0) {
                err.println("there is no user " + email);
                err.flush();
                return Remote.REFUSED;
            }
            return run(
                    spec,
                    remote,
                    "PATCH",
                    "/api/v1/users/" + id[0],
                    "{\"disabled\":true}",
                    user -> "disabled " + line(user));
        }
    }

    private static int run(
            CommandSpec spec,
            Remote remote,
            String method,
            String path,
            String json,
            java.util.function.Function<JsonNode, String> said) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int code = remote.send(method, path, json, err, body -> out.println(said.apply(Remote.json(body))));
        out.flush();
        err.flush();
        return code;
    }

    /** One user on one line: email, roles, and whether they are disabled or locked. */
    static String line(JsonNode user) {
        var roles = new ArrayList<String>();
        user.path("roles").forEach(role -> roles.add(role.asString()));
        return user.path("email").asString() + "  " + String.join(",", roles)
                + (user.path("disabled").asBoolean(false) ? "  (disabled)" : "")
                + (user.path("lockedUntil").isNull() || user.path("lockedUntil").isMissingNode()
                        ? ""
                        : "  (locked until " + user.path("lockedUntil").asString() + ")");
    }
}
