using Microsoft.Playwright;

namespace Chatobuy.Inbox.Benchmarks;

/// <summary>Headless Chromium signed in to an inbox as its Admin (created on a new installation), as a person would be.</summary>
public static class BrowserAdmin
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string chromium) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });

    /// <summary>Signs in; on a new installation, first creates the Admin account on the set-up page.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/login");
        if (page.Url.Contains("/setup", StringComparison.OrdinalIgnoreCase))
        {
            await page.FillAsync("#name", "Benchmark Admin");
            await page.FillAsync("#email", email);
            await page.FillAsync("#password", password);
            await page.FillAsync("#confirm", password);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(u => !u.Contains("/setup", StringComparison.OrdinalIgnoreCase));
            await page.GotoAsync("/login");
        }

        if (page.Url.Contains("/login", StringComparison.OrdinalIgnoreCase))
        {
            await page.FillAsync("#email", email);
            await page.FillAsync("#password", password);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Opens a page and waits until its Blazor circuit is up.</summary>
    public static async Task<IPage> OpenInteractiveAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }
}
