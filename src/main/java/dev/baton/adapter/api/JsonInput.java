package dev.baton.adapter.api;

import dev.baton.core.lead.Amounts;
import dev.baton.core.lead.Text;
import dev.baton.core.lead.Times;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * What a JSON body may hold, checked as it is read so that every refusal names its field: text Baton can keep (no NUL,
 * no lone surrogates), times and dates Baton keeps, amounts Baton keeps. Whatever passes can be stored as it is.
 */
public final class JsonInput {

    private JsonInput() {}

    /** The checks as a Jackson module, for every JSON body the API reads. */
    public static SimpleModule module() {
        return new SimpleModule("baton-json-input")
                .addDeserializer(
                        String.class, new Checked<>(String.class, StringDeserializer.instance, JsonInput::text))
                .addKeyDeserializer(String.class, new KeyDeserializer() {
                    @Override
                    public Object deserializeKey(String key, DeserializationContext context) {
                        text(key).ifPresent(problem -> {
                            throw new Refused(context.getParser(), "the name '" + visible(key) + "' " + problem);
                        });
                        return key;
                    }
                })
                .addDeserializer(
                        Instant.class,
                        new Checked<>(
                                Instant.class,
                                InstantDeserializer.INSTANT,
                                at -> Times.isKept(at)
                                        ? Optional.empty()
                                        : Optional.of(at + " is out of range: " + Times.RANGE)))
                .addDeserializer(
                        LocalDate.class,
                        new Checked<>(
                                LocalDate.class,
                                LocalDateDeserializer.INSTANCE,
                                day -> Times.isKept(day)
                                        ? Optional.empty()
                                        : Optional.of(day + " is out of range: " + Times.RANGE)))
                .addDeserializer(
                        BigDecimal.class,
                        new Checked<>(
                                BigDecimal.class,
                                NumberDeserializers.BigDecimalDeserializer.instance,
                                amount -> Amounts.isKept(amount)
                                        ? Optional.empty()
                                        : Optional.of("is out of range: " + Amounts.RANGE)));
    }

    private static Optional<String> text(String text) {
        return Text.problem(text);
    }

    /** The text with control characters shown as escapes, for a message about it. */
    static String visible(String text) {
        var shown = new StringBuilder();
        text.codePoints().limit(60).forEach(c -> {
            if (Character.isISOControl(c) || Character.isSurrogate((char) c) && Character.isBmpCodePoint(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > 60 ? shown + "…" : shown.toString();
    }

    /** A value the body holds that Baton does not keep; Jackson adds the path to the field as it unwinds. */
    static final class Refused extends MismatchedInputException {
        Refused(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    /** Reads a value as Jackson does, then refuses it if the check finds a problem with it. */
    private static final class Checked<T> extends StdDeserializer<T> {
        private final ValueDeserializer<?> reader;
        private final java.util.function.Function<T, Optional<String>> check;

        Checked(Class<T> type, ValueDeserializer<?> reader, java.util.function.Function<T, Optional<String>> check) {
            super(type);
            this.reader = reader;
            this.check = check;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) {
            T value = (T) reader.deserialize(parser, context);
            if (value != null) {
                Optional<String> problem = check.apply(value);
                if (problem.isPresent()) {
                    throw new Refused(parser, problem.get());
                }
            }
            return value;
        }
    }
}
