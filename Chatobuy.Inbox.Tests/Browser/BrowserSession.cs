using Microsoft.Playwright;

namespace Chatobuy.Inbox.Tests.Browser;

/// <summary>Debian's Chromium, headless, driven by Playwright (its own browser download does not work offline).</summary>
public static class BrowserSession
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Chromium at {ChromiumPath}: apt-get install -y chromium (.ci/run does this).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>Waits until Blazor's circuit is up, so clicks and typing reach the server.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    /// <summary>A fresh browser context for <paramref name="baseAddress"/>, signed in as <paramref name="email"/>, on an interactive page.</summary>
    public static async Task<IPage> SignInAsync(this IBrowser browser, Uri baseAddress, string email, string password)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForInteractiveAsync();
        return page;
    }
}
