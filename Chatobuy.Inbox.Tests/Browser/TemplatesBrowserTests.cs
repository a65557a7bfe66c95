using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chatobuy.Inbox.Tests.Browser;

/// <summary>An admin writes a template in the browser, watches the preview, submits it and sees Meta's approval arrive live.</summary>
public sealed class TemplatesBrowserTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private readonly InboxApp _app = new();
    private Channel _channel = default!;

    public async Task InitializeAsync()
    {
        _app.Settings["Sandbox:Templates:ReviewDelayMilliseconds"] = "3000";
        _app.Settings["Sandbox:Webhooks:RetryBaseMilliseconds"] = "50";
        await _app.InitializeAsync();
        await using var scope = _app.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateFirstAdminAsync("ada@example.com", "Ada", Password)).Succeeded.ShouldBeTrue();
        _channel = await SandboxChannel.ConnectAsync(_app, "Shop");
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task ManagerPage_SearchSyncAndDeleteEveryLanguage_ThenTheEmptyStateExplains()
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var page = await SignInAsync(browser);
            await page.GotoAsync($"/channels/{_channel.Id}/templates");
            await page.WaitForInteractiveAsync();
            var rows = page.Locator("[data-testid=template-name]");
            await Assertions.Expect(page.Locator("tr:has([data-testid=template-name]:text-is('spring_sale')) [data-testid=template-status]")).ToHaveTextAsync("Paused");

            await page.FillAsync("[data-testid=search]", "on its way");
            await Assertions.Expect(rows).ToHaveTextAsync(["order_update"]);
            await page.FillAsync("[data-testid=search]", "");
            await Assertions.Expect(rows).ToHaveCountAsync(5);

            await page.ClickAsync("[data-testid=sync]");
            await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("5 templates at Meta");

            await page.Locator("tr:has([data-testid=template-name]:text-is('order_update'))").First.Locator("[data-testid=delete] button").ClickAsync();
            await page.ClickAsync("[data-testid=delete-all]");
            await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("in all 2 languages (English (US) · en_US, Spanish · es)");
            await page.ClickAsync("[data-testid=confirm]");

            await Assertions.Expect(page.Locator("tr:has([data-testid=template-name]:text-is('order_update'))")).ToHaveCountAsync(0);
            await Assertions.Expect(rows).ToHaveCountAsync(3);

            // Someone deletes the rest in Meta's own screens: the next sync empties the list, and the page explains.
            _app.Services.GetRequiredService<SandboxTemplates>().Remove(t => t.WabaId == _channel.WabaId);
            await page.ClickAsync("[data-testid=sync]");
            await Assertions.Expect(page.Locator("[data-testid=empty]")).ToContainTextAsync("No templates yet");
            await Assertions.Expect(page.Locator("[data-testid=empty]")).ToContainTextAsync("only lets a business write first with a template Meta has approved");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task ManagerPage_PreviewOpenOnALaptopScreen_EveryColumnReadsOnOneLineAndTheToastLeavesTheButtonsFree()
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var page = await SignInAsync(browser);
            await page.SetViewportSizeAsync(1280, 720);
            await page.GotoAsync($"/channels/{_channel.Id}/templates");
            await page.WaitForInteractiveAsync();
            await page.Locator("tr:has([data-testid=template-name]:text-is('order_update'))").First.ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=template-preview-title]")).ToContainTextAsync("order_update");

            // Nothing is cut off: the table fits its column, and no language or date breaks over lines.
            var fits = await page.EvaluateAsync<bool>("""
                () => { const t = document.querySelector('[data-testid=templates] table'); return t.getBoundingClientRect().right <= t.parentElement.getBoundingClientRect().right + 1; }
                """);
            var widths = await page.EvaluateAsync<string>("""
                () => { const t = document.querySelector('[data-testid=templates] table'); return t.getBoundingClientRect().width + ' in ' + t.parentElement.getBoundingClientRect().width + ': ' + [...t.querySelectorAll('tr:nth-child(1) td')].map(td => td.dataset.label + '=' + td.getBoundingClientRect().width).join(', ') + ' window ' + window.innerWidth; }
                """);
            fits.ShouldBeTrue("the templates table is wider than its column, so its last columns are cut off " + widths);
            foreach (var label in new[] { "Language", "Last updated" })
            {
                var lines = await page.EvaluateAsync<double[]>($$"""
                    () => [...document.querySelectorAll('[data-testid=templates] td[data-label="{{label}}"]')]
                        .map(td => td.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight || '20'))
                    """);
                lines.ShouldNotBeEmpty();
                lines.ShouldAllBe(l => l < 2.5, $"a {label} cell wraps onto several lines");
            }

            // The success toast does not cover Sync now or New template.
            await page.ClickAsync("[data-testid=sync]");
            var toast = page.Locator(".mud-snackbar");
            await Assertions.Expect(toast).ToContainTextAsync("5 templates at Meta");
            var toastBox = (await toast.BoundingBoxAsync())!;
            foreach (var button in new[] { "sync", "new-template" })
            {
                var box = (await page.Locator($"[data-testid={button}]").BoundingBoxAsync())!;
                var overlaps = toastBox.X < box.X + box.Width && box.X < toastBox.X + toastBox.Width
                    && toastBox.Y < box.Y + box.Height && box.Y < toastBox.Y + toastBox.Height;
                overlaps.ShouldBeFalse($"the toast covers {button}");
            }
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private Task<IPage> SignInAsync(IBrowser browser) => browser.SignInAsync(_app.BaseAddress, "ada@example.com", Password);

    [Fact]
    public async Task NewTemplate_SubmittedInTheBrowser_TurnsApprovedWithoutAReload()
    {
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var page = await SignInAsync(browser);
            await page.GotoAsync($"/channels/{_channel.Id}/templates");
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.Locator("tr:has([data-testid=template-name]:text-is('hello_world'))")).ToHaveCountAsync(1);
            await page.ClickAsync("[data-testid=new-template]");
            await page.WaitForInteractiveAsync();

            await page.FillAsync("[data-testid=name]", "browser_made");
            await page.FillAsync("[data-testid=body]", "Hi {{1}}, your parcel is at the door.");
            await page.FillAsync("[data-testid=example-1]", "Mark");
            await Assertions.Expect(page.Locator("[data-testid=preview-body]")).ToHaveTextAsync("Hi Mark, your parcel is at the door.");
            await page.ClickAsync("[data-testid=submit]");

            var status = page.Locator("tr:has([data-testid=template-name]:text-is('browser_made')) [data-testid=template-status]");
            await Assertions.Expect(status).ToHaveTextAsync("Pending review");
            await Assertions.Expect(status).ToHaveTextAsync("Approved", new LocatorAssertionsToHaveTextOptions { Timeout = 20_000 });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
