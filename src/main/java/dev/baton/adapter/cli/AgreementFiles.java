package dev.baton.adapter.cli;

import dev.baton.adapter.holidays.JollydayHolidays;
import dev.baton.adapter.yaml.AgreementYamlReader;
import dev.baton.adapter.yaml.ReadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads agreement files for the commands, reporting unreadable ones. */
final class AgreementFiles {

    static final int VALID = 0;
    static final int INVALID = 1;
    static final int UNREADABLE = 2;

    private AgreementFiles() {}

    /** The file read and parsed; empty (with the reason printed) when it cannot be read at all. */
    static Optional<ReadResult> read(Path file, PrintWriter err) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return Optional.of(new AgreementYamlReader(new JollydayHolidays()).read(text, file.toString()));
        } catch (CharacterCodingException e) {
            err.println(file + ": cannot read: the file is not UTF-8 text");
        } catch (IOException e) {
            err.println(file + ": cannot read: " + describe(e));
        }
        return Optional.empty();
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
