package attndx.cli;

import attndx.data.Dataset;
import attndx.data.DatasetSource;
import attndx.data.SplitAssignment;
import attndx.data.SplitRatios;
import attndx.data.Splitter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code attndx data split}: patient-level stratified split, written as CSV id,patient_id,split. */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = "Split a dataset by patient into train/val/test (stratified by label; explicit splits kept)"
                + " and write the assignment as CSV id,patient_id,split.")
final class DataSplitCommand implements Callable<Integer> {
    private final DatasetSource source;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LoadOptionsMixin load;

    @Parameters(index = "0", paramLabel = "IN", description = "Dataset (npz file or manifest folder).")
    private Path input;

    @Option(names = "--ratios", defaultValue = "0.7,0.15,0.15", description = "train,val,test fractions of patients.")
    private String ratios;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed.")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Assignment CSV to write.")
    private Path out;

    DataSplitCommand() {
        this(DatasetSource.standard());
    }

    DataSplitCommand(DatasetSource source) {
        this.source = source;
    }

    @Override
    public Integer call() {
        Dataset dataset = source.load(input, load.toOptions());
        SplitAssignment assignment = new Splitter(SplitRatios.parse(ratios), seed).split(dataset);
        assignment.writeCsv(out);
        PrintWriter pw = spec.commandLine().getOut();
        SplitCounts.print(pw, assignment.counts());
        pw.println("wrote " + out);
        pw.flush();
        return 0;
    }
}
