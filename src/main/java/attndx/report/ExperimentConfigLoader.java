package attndx.report;

import attndx.core.AttndxException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads an experiment file: the documented defaults ({@code attndx/report/experiment-defaults.yaml}), overlaid by
 * the profile the file names ({@code experiment-PROFILE.yaml}), by the file, then by the command line's
 * overrides. The merged tree is the resolved config (stored in {@code experiment.json}; a resumed run must match
 * it). Unknown keys, wrong types and out-of-range values are {@link AttndxException}s naming the file, the key's
 * path (e.g. {@code train.learningRate}) and what is allowed.
 */
public final class ExperimentConfigLoader {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    private ExperimentConfigLoader() {}

    /**
     * A loaded experiment.
     *
     * @param config the validated config
     * @param resolved every key with its value, as JSON (what experiment.json records)
     */
    public record Loaded(ExperimentConfig config, JsonNode resolved) {}

    /** What the command line overrides (null: keep the file's). */
    public record Overrides(String dataPath, List<Long> seeds) {
        /** No override. */
        public static Overrides none() {
            return new Overrides(null, null);
        }
    }

    /** Loads {@code file} with {@code overrides}. */
    public static Loaded load(Path file, Overrides overrides) {
        if (!Files.isRegularFile(file)) {
            throw new AttndxException("experiment config not found: " + file);
        }
        JsonNode user;
        try {
            user = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new AttndxException("cannot read experiment config " + file + ": " + e.getMessage(), e);
        }
        if (user == null || user.isMissingNode() || user.isNull()) {
            user = MAPPER.createObjectNode();
        }
        if (!user.isObject()) {
            throw new AttndxException(file + ": an experiment config is a mapping of keys (name, data, train, ...)");
        }
        ObjectNode tree = resource("experiment-defaults.yaml");
        String profile = user.path("profile").asText("paper");
        if (!profile.equals("paper") && ExperimentConfig.PROFILES.contains(profile)) {
            merge(tree, resource("experiment-" + profile + ".yaml"));
        }
        merge(tree, (ObjectNode) user);
        if (overrides.dataPath() != null) {
            ((ObjectNode) tree.get("data")).put("path", overrides.dataPath());
        }
        if (overrides.seeds() != null) {
            ArrayNode seeds = ((ObjectNode) tree).putArray("seeds");
            overrides.seeds().forEach(seeds::add);
        }
        return new Loaded(bind(tree, file), tree);
    }

    /** The first key whose value differs between two resolved configs, as "key: a vs b", or null when equal. */
    public static String difference(JsonNode a, JsonNode b, String path) {
        if (a.isObject() && b.isObject()) {
            for (Iterator<String> it = union(a, b); it.hasNext(); ) {
                String k = it.next();
                String d = difference(a.path(k), b.path(k), path.isEmpty() ? k : path + "." + k);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                String d = difference(a.get(i), b.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        // 1 read back from JSON is an int, written from a long it was a long: equal numbers are equal
        boolean same = a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0 : a.equals(b);
        return same ? null : path + ": " + a + " vs " + b;
    }

    private static Iterator<String> union(JsonNode a, JsonNode b) {
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
        a.fieldNames().forEachRemaining(keys::add);
        b.fieldNames().forEachRemaining(keys::add);
        return keys.iterator();
    }

    private static ExperimentConfig bind(JsonNode tree, Path file) {
        ExperimentConfig c;
        try {
            c = MAPPER.treeToValue(tree, ExperimentConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new AttndxException(file + ": unknown key '" + path(e) + "'; known keys here: " + known);
        } catch (InvalidFormatException e) {
            String allowed = e.getTargetType().isEnum()
                    ? " (one of " + Arrays.toString(e.getTargetType().getEnumConstants()) + ")"
                    : " (expected " + e.getTargetType().getSimpleName() + ")";
            throw new AttndxException(file + ": " + path(e) + ": invalid value '" + e.getValue() + "'" + allowed);
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof AttndxException) {
                throw new AttndxException(file + ": " + cause.getMessage(), e);
            }
            throw new AttndxException(file + ": " + path(e) + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new AttndxException(file + ": " + e.getOriginalMessage(), e);
        }
        try {
            ExperimentSettings.validate(c);
        } catch (IllegalArgumentException | AttndxException e) {
            throw new AttndxException(file + ": " + e.getMessage(), e);
        }
        return c;
    }

    /** The dotted key path of a mapping error (list indices in brackets). */
    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static ObjectNode resource(String name) {
        try (InputStream in = ExperimentConfigLoader.class.getResourceAsStream("/attndx/report/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource attndx/report/" + name);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource attndx/report/" + name, e);
        }
    }

    /** Overlays {@code over} onto {@code base}: mappings merge key by key, everything else replaces. */
    private static void merge(ObjectNode base, ObjectNode over) {
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = base.get(e.getKey());
            if (old != null && old.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) old, (ObjectNode) e.getValue());
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }
}
