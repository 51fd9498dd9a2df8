package attndx.cli;

import attndx.data.Phantom;
import attndx.data.PhantomConfig;
import attndx.data.PhantomItem;
import attndx.data.PhantomResult;
import attndx.data.PhantomWriter;
import attndx.data.SplitAssignment;
import attndx.data.SplitRatios;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attndx data phantom}: writes the synthetic benchmark with exact lesion ground truth. */
@Command(name = "phantom", mixinStandardHelpOptions = true,
        description = "Generate the phantom benchmark (PNG images, masks, boxes, patient ids, splits) as a"
                + " manifest folder, optionally with a label-correlated shortcut marker and a shifted site.")
final class DataPhantomCommand implements Callable<Integer> {
    private static final PhantomConfig D = PhantomConfig.defaults();

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New (or empty) output folder.")
    private Path out;

    @Option(names = "--count", description = "Number of images (default ${DEFAULT-VALUE}).")
    private int count = D.count();

    @Option(names = "--size", description = "Image side in pixels (default ${DEFAULT-VALUE}).")
    private int size = D.size();

    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).")
    private long seed = D.seed();

    @Option(names = "--positive-fraction", description = "Fraction of lesion images (default ${DEFAULT-VALUE}).")
    private double positiveFraction = D.positiveFraction();

    @Option(names = "--min-images", description = "Fewest images per patient (default ${DEFAULT-VALUE}).")
    private int minImages = D.minImagesPerPatient();

    @Option(names = "--max-images", description = "Most images per patient (default ${DEFAULT-VALUE}).")
    private int maxImages = D.maxImagesPerPatient();

    @Option(names = "--bit-depth", description = "PNG bit depth, 8 or 16 (default ${DEFAULT-VALUE}).")
    private int bitDepth = D.bitDepth();

    @Option(names = "--noise", description = "Largest noise standard deviation (default ${DEFAULT-VALUE}).")
    private double noise = D.noise();

    @Option(names = "--ratios", defaultValue = "0.7,0.15,0.15", description = "train,val,test fractions of patients.")
    private String ratios;

    @Option(names = "--max-lesions", description = "Most lesions per lesion patient (default ${DEFAULT-VALUE}).")
    private int maxLesions = D.lesions().max();

    @Option(names = "--shortcut", paramLabel = "TRAIN,VAL,TEST", description = "Marker strengths per split in"
            + " [-1,1], e.g. 0.9,0.9,0: P(marker|lesion)=(1+s)/2, P(marker|normal)=(1-s)/2. Default: no marker.")
    private String shortcut;

    @Option(names = "--site", paramLabel = "SPLITS", split = ",", description = "Splits with a shifted site,"
            + " e.g. test. Default: no site.")
    private List<String> siteSplits;

    @Option(names = "--site-fraction", description = "Fraction of those splits' patients from the site (default ${DEFAULT-VALUE}).")
    private double siteFraction = 1.0;

    @Option(names = "--site-gamma", description = "Site gamma (default ${DEFAULT-VALUE}).")
    private double siteGamma = 0.7;

    @Option(names = "--site-contrast", description = "Site contrast (default ${DEFAULT-VALUE}).")
    private double siteContrast = 1.2;

    @Option(names = "--site-border", description = "Site frame width in pixels (default ${DEFAULT-VALUE}).")
    private int siteBorder = 3;

    @Option(names = "--site-burn-in", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Text-like burn-in on site images (default ${DEFAULT-VALUE}).")
    private boolean siteBurnIn;

    @Override
    public Integer call() {
        PhantomResult result = Phantom.render(config());
        Path manifest = PhantomWriter.write(result, out);
        PrintWriter pw = spec.commandLine().getOut();
        SplitCounts.print(pw, SplitAssignment.of(result.dataset()).counts());
        long markers = result.items().stream().filter(PhantomItem::hasMarker).count();
        long site = result.items().stream().filter(PhantomItem::site).count();
        pw.printf("%d images, %d with marker, %d from the shifted site%nwrote %s%n", result.items().size(), markers,
                site, manifest);
        pw.flush();
        return 0;
    }

    private PhantomConfig config() {
        PhantomConfig.Lesions l = D.lesions();
        PhantomConfig.Shortcut marker = null;
        if (shortcut != null) {
            double[] s;
            try {
                s = Arrays.stream(shortcut.split(",")).mapToDouble(t -> Double.parseDouble(t.trim())).toArray();
            } catch (NumberFormatException e) {
                s = new double[0];
            }
            if (s.length != 3) {
                throw new IllegalArgumentException("--shortcut needs three numbers TRAIN,VAL,TEST, got '" + shortcut + "'");
            }
            marker = new PhantomConfig.Shortcut(s[0], s[1], s[2]);
        }
        PhantomConfig.Site site = siteSplits == null ? null
                : new PhantomConfig.Site(siteSplits, siteFraction, siteGamma, siteContrast, siteBorder, siteBurnIn);
        return new PhantomConfig(count, size, seed, positiveFraction, minImages, maxImages, bitDepth, noise,
                SplitRatios.parse(ratios), new PhantomConfig.Lesions(maxLesions, l.minRadius(), l.maxRadius(),
                        l.minContrast(), l.maxContrast(), l.maxSoftness()), marker, site);
    }
}
