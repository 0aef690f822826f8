package dev.baton.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input, drawn from a seeded random: text with NUL, lone surrogates and control characters, times no database
 * keeps, numbers no column holds, wrong types, bodies nested deep or cut short, bytes that are not UTF-8, CSV and YAML
 * built to break a reader.
 */
public final class Hostile {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final List<String> TEXTS = List.of(
            "a\u0000b",
            "\u0000",
            "\ud800",
            "x\udfffy",
            "\u0007\u001b[31m",
            "\u202egnp.exe",
            "' or 1=1 --",
            "<script>alert(1)</script>",
            "${jndi:ldap://x/a}",
            "%00",
            "🦄🦄🦄",
            "",
            "   ",
            "x".repeat(5000),
            "=cmd|' /C calc'!A0",
            "..\\..\\etc\\passwd",
            "null",
            "\r\n\r\nHTTP/1.1 200 OK");

    static final List<String> TIMES = List.of(
            "0000-01-01T00:00:00Z",
            "-4714-11-24T00:00:00Z",
            "+294277-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "-1000000000-01-01T00:00:00Z",
            "1899-12-31T23:59:59Z",
            "2026-02-30T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-11-20T25:00:00Z",
            "2026-11-20",
            "yesterday",
            "1e20",
            "2026-11-20T14:00:00+99:00");

    static final List<String> DATES =
            List.of("0000-01-01", "-4714-11-24", "+294277-01-01", "+999999999-12-31", "2027-02-30", "27-02-28", "soon");

    static final List<String> NUMBERS = List.of(
            "1e999999",
            "-1e999999",
            "1e-999999",
            "123456789012345678901234567890",
            "-9223372036854775809",
            "9223372036854775808",
            "1.5",
            "-0",
            "0.0000001",
            "NaN",
            "Infinity",
            "0x10",
            "1_000");

    private final Random random;

    public Hostile(Random random) {
        this.random = random;
    }

    public <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public int below(int n) {
        return random.nextInt(n);
    }

    /** A JSON body: the example, mutated in one to three places, or something that is hardly JSON at all. */
    public byte[] json(JsonNode example) {
        if (chance(0.12)) {
            return broken(example);
        }
        JsonNode body = example.deepCopy();
        int mutations = 1 + below(3);
        for (int i = 0; i < mutations; i++) {
            body = mutate(body);
        }
        String text = JSON.writeValueAsString(body);
        // numbers JSON can write but a JsonNode cannot hold, spliced in as text
        if (chance(0.15) && text.contains(":")) {
            text = text.replaceFirst(
                    ":(\\d+|\"[^\"]*\"|true|false)", java.util.regex.Matcher.quoteReplacement(":" + pick(NUMBERS)));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode mutate(JsonNode node) {
        if (node.isObject() && !node.isEmpty() && chance(0.8)) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = object.propertyNames().stream().toList();
            String name = pick(names);
            if (chance(0.08)) {
                object.remove(name);
            } else if (chance(0.08)) {
                object.put(pick(TEXTS), "surprise");
            } else {
                object.set(name, mutate(object.get(name)));
            }
            return object;
        }
        if (node.isArray() && !node.isEmpty() && chance(0.8)) {
            ArrayNode array = (ArrayNode) node;
            int at = below(array.size());
            if (chance(0.1)) {
                for (int i = 0; i < 1001; i++) {
                    array.add(array.get(0).deepCopy());
                }
            } else {
                array.set(at, mutate(array.get(at)));
            }
            return array;
        }
        return replacement(node);
    }

    private JsonNode replacement(JsonNode old) {
        return switch (below(9)) {
            case 0 -> NODES.stringNode(pick(TEXTS));
            case 1 -> NODES.stringNode(pick(TIMES));
            case 2 -> NODES.stringNode(pick(DATES));
            case 3 -> NODES.numberNode(random.nextLong());
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> NODES.arrayNode().add(old);
            case 7 -> NODES.objectNode().set(pick(TEXTS), old);
            default -> NODES.numberNode(new java.math.BigDecimal("1E+" + below(400)));
        };
    }

    private byte[] broken(JsonNode example) {
        String text = JSON.writeValueAsString(example);
        return switch (below(9)) {
            case 0 -> "[".repeat(5000).getBytes(StandardCharsets.UTF_8);
            case 1 -> ("{\"a\":".repeat(2000) + "1" + "}".repeat(2000)).getBytes(StandardCharsets.UTF_8);
            case 2 -> text.substring(0, below(Math.max(1, text.length()))).getBytes(StandardCharsets.UTF_8);
            case 3 -> withBadUtf8(text);
            case 4 -> new byte[0];
            case 5 ->
                pick(List.of("null", "[]", "123", "\"text\"", "true", "{}", "{{}}", "{\"a\":1,}"))
                        .getBytes(StandardCharsets.UTF_8);
            case 6 ->
                text.replaceFirst("\\{", "{\"x\":\"" + "y".repeat(200_000) + "\",")
                        .getBytes(StandardCharsets.UTF_8);
            case 7 -> text.replaceFirst("\"([a-zA-Z]+)\":", "\"$1\":1,\"$1\":").getBytes(StandardCharsets.UTF_8);
            default -> text.replace("\"", "'").getBytes(StandardCharsets.UTF_8);
        };
    }

    /** The text with bytes that are not UTF-8 put inside one of its strings. */
    public byte[] withBadUtf8(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int quote = text.indexOf('"', 1);
        int at = quote < 0 ? utf8.length / 2 : quote + 1;
        var out = new ByteArrayOutputStream();
        out.write(utf8, 0, Math.min(at, utf8.length));
        out.writeBytes(pick(List.of(
                new byte[] {(byte) 0xC3, (byte) 0x28},
                new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {0})));
        out.write(utf8, Math.min(at, utf8.length), utf8.length - Math.min(at, utf8.length));
        return out.toByteArray();
    }

    /** A CSV file for an import of this kind: its columns in any order, hostile cells, or a header that breaks. */
    public byte[] csv(List<String> columns) {
        var csv = new StringBuilder();
        switch (below(8)) {
            case 0 -> {
                for (int i = 0; i < 20_000; i++) {
                    csv.append(i == 0 ? "" : ",").append("c").append(i);
                }
                csv.append('\n');
            }
            case 1 -> csv.append("\uFEFF").append(String.join(",", columns)).append("\r\n");
            case 2 ->
                csv.append(String.join(",", columns))
                        .append(",")
                        .append(pick(TEXTS))
                        .append('\n');
            case 3 -> csv.append(pick(columns)).append(",\"unclosed\n");
            default -> csv.append(String.join(",", columns)).append('\n');
        }
        int rows = below(6);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    csv.append(',');
                }
                csv.append(cell(columns.get(c)));
            }
            csv.append(chance(0.1) ? "\r" : "\n");
        }
        String text = csv.toString();
        return chance(0.1) ? withBadUtf8(text) : text.getBytes(StandardCharsets.UTF_8);
    }

    private String cell(String column) {
        String value = switch (below(6)) {
            case 0 -> pick(TEXTS);
            case 1 -> pick(TIMES);
            case 2 -> pick(DATES);
            case 3 -> pick(NUMBERS);
            case 4 -> column.contains("email") ? "lead" + below(50) + "@fuzz.example" : "" + below(100);
            default -> pick(List.of("call", "won", "lost", "open", "mql", "rejected", "NOT_ICP", "page_view", ""));
        };
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** An agreement file: the example with lines cut, doubled or changed, or YAML built to break a reader. */
    public byte[] yaml(String example) {
        String[] lines = example.split("\n", -1);
        String text = switch (below(10)) {
            case 0 -> billionLaughs();
            case 1 -> "a: " + "[".repeat(5000);
            case 2 -> "a:\n" + "  - \n".repeat(100) + "\tb: 1\n";
            case 3 -> "a: !!java.net.URL [\"http://localhost/\"]\n";
            case 4 -> example + "\nextra: \u0000\n";
            case 5 -> {
                lines[below(lines.length)] = "";
                yield String.join("\n", lines);
            }
            case 6 -> {
                int at = below(lines.length);
                lines[at] = lines[at].replaceFirst(
                        ":\\s*\\S.*$", java.util.regex.Matcher.quoteReplacement(": " + pick(TEXTS)));
                yield String.join("\n", lines);
            }
            case 7 -> {
                int at = below(lines.length);
                lines[at] = lines[at].replaceFirst(
                        ":\\s*\\S.*$", java.util.regex.Matcher.quoteReplacement(": " + pick(NUMBERS)));
                yield String.join("\n", lines);
            }
            case 8 -> example.replace("calendar:", "calendar: &c\n  x: *c\ncalendar2:");
            default -> example;
        };
        return chance(0.1) ? withBadUtf8(text) : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String billionLaughs() {
        var yaml =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'i'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = c;
        }
        return yaml.toString();
    }

    /** A value for a path or query parameter: the good one most of the time, else something hostile, URL-encoded. */
    public String parameter(String good) {
        if (chance(0.6)) {
            return good;
        }
        return pick(List.of(
                "0",
                "-1",
                "99999999999999999999",
                "abc",
                "%00",
                "%FF",
                "%C0%AF",
                "%E2%80%AE",
                "a%20b",
                "x".repeat(3000),
                "%F0%9F%A6%84",
                "%25",
                "%0d%0a",
                "1.5",
                "true",
                ""));
    }

    public String contentType(String declared) {
        if (chance(0.6)) {
            return declared;
        }
        return pick(List.of(
                "*/*",
                "application/*",
                "multipart/form-data",
                "multipart/form-data; boundary=xyz",
                "text/plain",
                "application/json; charset=bogus",
                "application/json; charset=utf-16",
                "application/x-www-form-urlencoded",
                "garbage",
                "text/csv",
                "application/yaml",
                ";;;",
                "application/json; boundary=\u0001"));
    }
}
