package dev.syncdoctor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workbench in a real browser: the system Chromium driven by Selenium WebDriver (Debian packages
 * chromium and chromium-driver). Skipped, with the reason in the test report, where they are not installed.
 * A screenshot of each page is kept in target/screenshots for people to look at.
 */
class ServeBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target/screenshots");
    static RunningServer http;
    static ChromeDriver browser;
    static Path profile;

    @BeforeAll
    static void start() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed) {
            System.err.println("NOTICE: browser tests skipped: install chromium and chromium-driver to run them");
        }
        Assumptions.assumeTrue(installed, "browser tests skipped: chromium and chromium-driver are not installed"
                + " (apt-get install chromium chromium-driver)");
        http = RunningServer.start(ServeSettings.loopback(0, Path.of("rules"), Path.of("facts")));
        profile = Files.createTempDirectory("syncdoctor-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (http != null) {
            http.close();
        }
        if (profile != null) {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void freshPage() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        // A new document each time: a change of the hash alone would keep the last test's page.
        browser.get("about:blank");
        browser.get(http.base + "/#diagnose");
        ((JavascriptExecutor) browser).executeScript("window.__xss = undefined;");
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @Test
    void pastingThe400TextShowsTheSystemAdminPrerequisiteAndThePlan() throws Exception {
        browser.findElement(By.id("d-text")).sendKeys(Files.readString(ServeApiTest.BAD_REQUEST));
        browser.findElement(By.id("d-occurrences")).sendKeys("3");
        browser.findElement(By.id("d-submit")).click();
        WebElement result = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#d-result .case-result")));
        assertThat(result.findElement(By.cssSelector(".badge")).getText()).isEqualTo("diagnosed");
        assertThat(result.findElement(By.cssSelector(".checklist")).getText()).contains("System admin").contains("needed");
        List<WebElement> steps = result.findElements(By.cssSelector("ol.plan > li"));
        assertThat(steps).hasSizeGreaterThan(1);
        assertThat(steps.get(0).getText()).contains("System admin");
        WebElement learn = result.findElement(By.cssSelector(".diagnosis a"));
        assertThat(learn.getAttribute("href")).startsWith("https://learn.microsoft.com/en-us/dynamics365/");
        // Which rules answered, as the API's "rules" field names them.
        assertThat(result.findElement(By.cssSelector(".rules-used")).getText()).matches("Rules: rules, hash [0-9a-f]{16}");
        screenshot("diagnose");

        browser.manage().window().setSize(new Dimension(390, 900));
        screenshot("diagnose-phone");
    }

    @Test
    void markupInTheTextAndInACaseNameIsShownAsTextAndRunsNothing(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        String payload = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";
        browser.findElement(By.id("d-text")).sendKeys("Message: unheard-of failure " + payload);
        browser.findElement(By.id("d-submit")).click();
        WebElement result = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#d-result .case-result")));
        assertThat(result.getText()).contains("<script>window.__xss=2</script>");
        assertThat(result.findElements(By.tagName("img"))).isEmpty();
        assertThat(result.findElements(By.tagName("script"))).isEmpty();

        Path file = tmp.resolve("case.json");
        Files.writeString(file, "{\"case\": \"<img src=x onerror=window.__xss=3>\", \"error\": "
                + RunningServer.JSON.writeValueAsString(Files.readString(ServeApiTest.BAD_REQUEST)) + "}");
        browser.findElement(By.id("d-text")).clear();
        browser.findElement(By.id("d-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("d-submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#d-result h3"), "onerror"));
        WebElement named = browser.findElement(By.cssSelector("#d-result .case-result"));
        assertThat(named.findElement(By.tagName("h3")).getText()).contains("<img src=x onerror=window.__xss=3>");
        assertThat(named.findElements(By.tagName("img"))).isEmpty();
        Thread.sleep(200);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__xss;")).isNull();
        screenshot("diagnose-markup-as-text");
    }

    @Test
    void uploadingASmallCsvExportShowsItsTable(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path csv = Files.copy(ServeApiTest.smallExport(), tmp.resolve("export.csv"), StandardCopyOption.REPLACE_EXISTING);
        browser.get(http.base + "/#batch");
        browser.findElement(By.id("b-files")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("b-submit")).click();
        WebElement table = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("b-cases")));
        List<WebElement> rows = table.findElements(By.cssSelector("tr"));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).getText()).contains("INC-1042").contains("diagnosed").contains("dixf-service-stopped");
        assertThat(rows.get(3).getText()).contains("INC-1044").contains("unknown");
        rows.get(1).findElement(By.tagName("summary")).click();
        assertThat(rows.get(1).findElement(By.cssSelector("ol.plan")).isDisplayed()).isTrue();
        screenshot("batch");
    }

    @Test
    void theKnowledgePageShowsAnIssueWithItsLearnPageAndTheRulesPageTheRulesInService() throws Exception {
        browser.get(http.base + "/#knowledge");
        WebElement link = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#k-list a[data-issue='dixf-service-stopped']")));
        link.click();
        WebElement detail = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#k-detail h3")));
        assertThat(detail.getText()).contains("400 Bad Request");
        WebElement box = browser.findElement(By.id("k-detail"));
        assertThat(box.getText()).contains("Rules that recognise it").contains("Example cases").contains("steps.drl.csv:");
        assertThat(box.getText().lines()).doesNotContain("null", "undefined");
        assertThat(box.findElement(By.cssSelector("a[href^='https://learn.microsoft.com/']")).getAttribute("href"))
                .endsWith("/dual-write-troubleshooting-initial-sync");
        screenshot("knowledge");

        browser.get(http.base + "/#rules");
        WebElement rules = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#r-body table")));
        assertThat(rules.getText()).contains("content hash").contains("known issues");
        screenshot("rules");
    }

    /** The whole page, not only what the window shows: the window grows to the page's height first. */
    static void screenshot(String name) throws Exception {
        Dimension window = browser.manage().window().getSize();
        Object height = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight;");
        int h = Math.min(6000, Math.max(window.getHeight(), ((Number) height).intValue() + 140));
        browser.manage().window().setSize(new Dimension(window.getWidth(), h));
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
