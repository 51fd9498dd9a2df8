package attndx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.HeadlessChromium;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The report opened from disk in headless Chromium (Debian's chromium and chromium-driver): every image loads
 * (natural width > 0), the browser logs no error, the tables and sections render; a full-page screenshot is saved
 * as {@code target/report-screenshot.png}. Skipped (by assumption, with the reason) only where Chromium is absent.
 */
class ReportBrowserTest {
    @Test
    void theReportRendersInABrowserWithoutBrokenImagesOrErrors() throws Exception {
        HeadlessChromium.assumeInstalled();
        Path run = ReportRunFixture.run();
        Path page = Report.write(run, run.resolve("report-browser").resolve(Report.FILE)).html();
        WebDriver driver = HeadlessChromium.start("--allow-file-access-from-files");
        try {
            driver.get(page.toUri().toString());
            JavascriptExecutor js = (JavascriptExecutor) driver;
            long images = ((Number) js.executeScript("return document.images.length;")).longValue();
            long broken = ((Number) js.executeScript("return Array.from(document.images).filter(i => !i.complete"
                    + " || i.naturalWidth === 0).length;")).longValue();
            assertTrue(images >= 20, "images: " + images);
            assertEquals(0, broken, "broken images");
            long tables = ((Number) js.executeScript("return document.querySelectorAll('table.results tbody tr')"
                    + ".length;")).longValue();
            assertEquals(5, tables, "rows of tables 2 and 3");
            assertTrue(driver.getTitle().startsWith("AttnDx report"), driver.getTitle());
            List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertTrue(errors.isEmpty(), "browser errors: " + errors);
            screenshot(driver, js);
        } finally {
            driver.quit();
        }
    }

    /** The whole page: the window is grown to the document's height first (headless Chromium shoots the window). */
    private static void screenshot(WebDriver driver, JavascriptExecutor js) throws Exception {
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(height, 16000)));
        HeadlessChromium.screenshot(driver, "report-screenshot.png");
    }
}
