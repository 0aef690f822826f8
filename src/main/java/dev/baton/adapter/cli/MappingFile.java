package dev.baton.adapter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A funnel import's mapping as a YAML file, turned into the entries the import takes ({@code key:opportunity_id},
 * {@code stage:engage_date=opportunity}, {@code won:Won}): one entry per scalar, the {@code stages} map as stage
 * entries, and lists ({@code won: [Won, Closed Won]}) as one entry per item. Baton checks the entries themselves.
 */
final class MappingFile {

    private MappingFile() {}

    static List<String> entries(Path file) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        } catch (YAMLException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?> mapping)) {
            throw new IllegalArgumentException(file + ": a mapping file is a YAML map, like key: opportunity_id");
        }
        var entries = new ArrayList<String>();
        mapping.forEach((name, value) -> {
            if (String.valueOf(name).equals("stages")) {
                if (!(value instanceof Map<?, ?> stages)) {
                    throw new IllegalArgumentException(file
                            + ": stages maps each date column to the stage it records, like engage_date: opportunity");
                }
                stages.forEach((column, stage) -> entries.add("stage:" + column + "=" + stage));
            } else if (value instanceof List<?> values) {
                values.forEach(item -> entries.add(name + ":" + item));
            } else if (value instanceof Map<?, ?>) {
                throw new IllegalArgumentException(file + ": " + name + " takes a value or a list, not a map");
            } else {
                entries.add(name + ":" + value);
            }
        });
        return entries;
    }
}
