package attndx.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one JSON and YAML configuration every artifact is written and read with. */
public final class Json {
    private static final ObjectMapper JSON = configure(new ObjectMapper());
    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));

    private Json() {}

    private static ObjectMapper configure(ObjectMapper m) {
        // Unknown keys in a config are a user error, not something to ignore silently.
        return m.enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .findAndRegisterModules();
    }

    /** The shared JSON mapper (indented output, strict on unknown keys). */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /** The mapper for a file, chosen by its extension (.yaml/.yml or JSON). */
    public static ObjectMapper mapperFor(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") ? YAML : JSON;
    }

    /** Writes {@code value} as JSON to {@code file}, creating parent folders. */
    public static void write(Path file, Object value) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            mapperFor(file).writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads {@code file} (JSON or YAML) into {@code type}; a malformed file is a user error naming it. */
    public static <T> T read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            throw new AttndxException("file not found: " + file);
        }
        try {
            return mapperFor(file).readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new AttndxException("cannot read " + type.getSimpleName() + " from " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** Serialises {@code value} as a JSON string. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
