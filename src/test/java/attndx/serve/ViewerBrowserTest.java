package attndx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.HeadlessChromium;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web viewer end to end in headless Chromium (Debian's chromium and chromium-driver, installed by .ci/run):
 * uploads a phantom PNG, sees the calibrated probability, the refer banner and the overlay drawn, moves the
 * opacity slider with the keyboard, switches to Grad-CAM, and saves a screenshot as
 * {@code target/viewer-screenshot.png}. Skipped (by assumption, with the reason) only where Chromium is absent.
 */
class ViewerBrowserTest {
    /** Counts canvas pixels whose colour channels differ, i.e. where the colour map shows through the grey image. */
    private static final String COLOURED = "const c = document.getElementById('viewer-canvas');"
            + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
            + "for (let i = 0; i < d.length; i += 4) { if (Math.abs(d[i] - d[i + 2]) > 8) n++; } return n;";

    @TempDir
    Path tmp;

    @Test
    void uploadsAnImageAndShowsProbabilityOverlayAndSlider() throws Exception {
        HeadlessChromium.assumeInstalled();
        Path model = ServeFixtures.model(tmp.resolve("model"), "attn-multiscale", 1.2, ServeFixtures.decision(1.0, 0.5));
        Path png = ServeFixtures.phantomPngs(tmp.resolve("images"), 1, 21).get(0);
        try (DiagnosisService service = DiagnosisService.load(model);
                ApiServer server = ApiServer.start(service, model, new ServeConfig("127.0.0.1", 0,
                        ServeConfig.DEFAULT_MAX_UPLOAD, 4096, 1, 4))) {
            WebDriver driver = HeadlessChromium.start();
            try {
                drive(driver, "http://127.0.0.1:" + server.port() + "/", png);
            } finally {
                driver.quit();
            }
        }
    }

    private static void drive(WebDriver driver, String url, Path png) throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.get(url);
        wait.until(d -> d.findElement(By.id("model-summary")).getText().contains("attn-multiscale"));
        driver.findElement(By.id("files")).sendKeys(png.toAbsolutePath().toString());
        driver.findElement(By.id("assess")).click();
        WebElement canvas = driver.findElement(By.id("viewer-canvas"));
        wait.until(d -> "true".equals(canvas.getDomAttribute("data-drawn")));
        String probability = driver.findElement(By.id("probability")).getText();
        assertTrue(probability.matches("(normal|lesion) \\d+\\.\\d% \\(calibrated\\)"), probability);
        WebElement refer = driver.findElement(By.id("refer-banner"));
        assertTrue(refer.isDisplayed() && refer.getText().contains("Refer to standard review"), refer.getText());
        assertEquals("attention", canvas.getDomAttribute("data-map"));
        long half = ((Number) js.executeScript(COLOURED)).longValue();
        assertTrue(half > 0, "the overlay is drawn in colour over the grey image");

        WebElement slider = driver.findElement(By.id("opacity"));
        slider.sendKeys(Keys.END);
        wait.until(d -> "1".equals(canvas.getDomAttribute("data-opacity")) && "true".equals(canvas.getDomAttribute("data-drawn")));
        assertEquals("100%", driver.findElement(By.id("opacity-value")).getText());
        long full = ((Number) js.executeScript(COLOURED)).longValue();
        slider.sendKeys(Keys.HOME);
        wait.until(d -> "0".equals(canvas.getDomAttribute("data-opacity")) && "true".equals(canvas.getDomAttribute("data-drawn")));
        long none = ((Number) js.executeScript(COLOURED)).longValue();
        assertTrue(none < half && half <= full, "coloured pixels grow with the opacity: " + none + " / " + half + " / " + full);
        slider.sendKeys(Keys.END);
        wait.until(d -> "1".equals(canvas.getDomAttribute("data-opacity")) && "true".equals(canvas.getDomAttribute("data-drawn")));

        driver.findElement(By.id("map-gradcam")).sendKeys(Keys.SPACE);
        wait.until(d -> "grad-cam".equals(canvas.getDomAttribute("data-map")) && "true".equals(canvas.getDomAttribute("data-drawn")));
        assertTrue(driver.findElement(By.id("map-caption")).getText().startsWith("Grad-CAM"));

        HeadlessChromium.screenshot(driver, "viewer-screenshot.png");
    }

}
