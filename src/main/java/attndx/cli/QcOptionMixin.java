package attndx.cli;

import attndx.data.QcPolicy;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --qc flag|exclude}, shared by the commands that run a model on data (seed 7.8). */
final class QcOptionMixin {
    @Option(names = "--qc", defaultValue = "flag", converter = PolicyConverter.class,
            description = "Quality control (exposure, contrast, blur, truncated field of view, default thresholds"
            + " of 'data qc'): flag (report, keep every image) or exclude (leave flagged images out); the"
            + " count per check is printed (default ${DEFAULT-VALUE}).")
    QcPolicy policy;

    /** flag / exclude to the policy. */
    static final class PolicyConverter implements ITypeConverter<QcPolicy> {
        @Override
        public QcPolicy convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "flag" -> QcPolicy.FLAG;
                case "exclude" -> QcPolicy.EXCLUDE;
                default -> throw new TypeConversionException("expected flag or exclude, got '" + value + "'");
            };
        }
    }
}
