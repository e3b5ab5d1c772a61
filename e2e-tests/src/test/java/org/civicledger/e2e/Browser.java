package org.civicledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;

/**
 * One headless Debian Chromium driven through its own chromedriver (never Selenium Manager: nothing is downloaded),
 * with the flags STACK.md proved on this machine. {@code infra/browser/install.sh} (run by infra/test.sh) installs
 * both and axe-core and names them in CIVIC_CHROMIUM, CIVIC_CHROMEDRIVER and CIVIC_AXE; a test without them fails.
 */
final class Browser implements AutoCloseable {

    private static final Path SHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * The page {@code leaving} (its {@code html} element) has been replaced by the next one. Asked mid-navigation,
     * chromedriver may answer "Node with given id does not belong to the document" instead of a stale element
     * reference (Selenium's {@code stalenessOf} lets that through as an error): the same fact, the old document gone.
     */
    static ExpectedCondition<Boolean> left(WebElement leaving) {
        return driver -> {
            try {
                leaving.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    static Browser start(String language) throws IOException {
        String chromium = required("CIVIC_CHROMIUM");
        String chromedriver = required("CIVIC_CHROMEDRIVER");
        Path profile = Files.createTempDirectory("civic-chromium");
        Path log = Path.of("target", "e2e-logs", "chromedriver-" + System.nanoTime() + ".log");
        Files.createDirectories(log.getParent());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(chromedriver).toFile())
                .withLogFile(log.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions().setBinary(chromium).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900",
                "--user-data-dir=" + profile, "--lang=" + language,
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        Browser browser = new Browser(driver, profile);
        Runtime.getRuntime().addShutdownHook(new Thread(browser::quietlyQuit));
        return browser;
    }

    private static String required(String name) {
        String value = System.getenv(name);
        assertThat(value).as(name + " is set by infra/browser/install.sh (run the tests with infra/test.sh)")
                .isNotBlank();
        assertThat(Path.of(value)).as(name).exists();
        return value;
    }

    /** axe-core's WCAG 2.1 A and AA rules on the page as it is now; answers the violations (rule id and target). */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() throws IOException {
        JavascriptExecutor js = driver;
        js.executeScript(Files.readString(Path.of(required("CIVIC_AXE"))));
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '
                        + v.nodes.map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));""");
        return (List<String>) result;
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private void quietlyQuit() {
        try {
            driver.quit();
        } catch (RuntimeException alreadyGone) {
            // the browser has already quit
        }
    }

    @Override
    public void close() throws IOException {
        quietlyQuit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
