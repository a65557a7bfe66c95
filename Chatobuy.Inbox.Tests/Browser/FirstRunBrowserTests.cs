using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chatobuy.Inbox.Tests.Browser;

public sealed class FirstRunBrowserTests(InboxApp app) : IClassFixture<InboxApp>
{
    [Fact]
    public async Task FirstRun_SetupSignInAndWizard_ListsTheSandboxChannelWithItsWebhookUrl()
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseAddress.ToString() });
            page.SetDefaultTimeout(30_000);

            // First start: everything leads to set-up.
            await page.GotoAsync("/channels");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/setup$"));
            await page.FillAsync("#name", "Ada Admin");
            await page.FillAsync("#email", "ada@example.com");
            await page.FillAsync("#password", "correct horse");
            await page.FillAsync("#confirm", "correct horse");
            await page.ClickAsync("button[type=submit]");

            // Sign in.
            await Assertions.Expect(page.GetByText("Your Admin account is ready")).ToBeVisibleAsync();
            await page.FillAsync("#email", "ada@example.com");
            await page.FillAsync("#password", "correct horse");
            await page.ClickAsync("button[type=submit]");
            await page.WaitForInteractiveAsync();
            // Greeted by the name given at set-up, the e-mail on hover.
            await Assertions.Expect(page.Locator("[data-testid=hello]")).ToHaveTextAsync("Hello, Ada Admin");
            await Assertions.Expect(page.Locator("[data-testid=hello-name]")).ToHaveAttributeAsync("title", "ada@example.com");
            await Assertions.Expect(page.Locator("[data-testid=signed-in-as]")).ToHaveTextAsync("Ada Admin");

            // After navigating, focus sits on the page title for screen readers, without a visible focus box.
            foreach (var open in new Func<Task>[]
            {
                () => page.GotoAsync("/channels"),
                () => page.GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true }).ClickAsync(),
            })
            {
                await open();
                await Assertions.Expect(page.Locator("h1:focus")).ToHaveCountAsync(1);
                (await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle")).ShouldBe("none");
            }

            // The wizard, against the built-in Sandbox.
            await page.GotoAsync("/channels");
            await page.WaitForInteractiveAsync();
            await page.ClickAsync("[data-testid=connect-channel]");
            await page.WaitForInteractiveAsync();
            await page.FillAsync("input[data-testid=title]", "Sandbox support");
            await page.FillAsync("input[data-testid=token]", configuration["Sandbox:AccessToken"]!);
            await page.FillAsync("input[data-testid=business-id]", configuration["Sandbox:BusinessId"]!);
            await page.FillAsync("input[data-testid=app-secret]", configuration["Sandbox:AppSecret"]!);
            await page.ClickAsync("[data-testid=fetch-numbers]");

            var firstNumber = page.Locator("[data-testid=number]").First;
            await Assertions.Expect(firstNumber).ToBeVisibleAsync();
            var numberText = await firstNumber.InnerTextAsync();
            await firstNumber.Locator("input[type=radio]").CheckAsync();
            await page.ClickAsync("[data-testid=finish]");

            await Assertions.Expect(page.Locator("[data-testid=connected]")).ToContainTextAsync("\"Sandbox support\" is connected");
            var webhookUrl = await page.Locator("[data-testid=webhook-url]").InnerTextAsync();
            webhookUrl.ShouldStartWith($"{app.BaseAddress.ToString().TrimEnd('/')}/webhooks/whatsapp/");
            await Assertions.Expect(page.Locator("[data-testid=handshake-ok]")).ToContainTextAsync("Verification handshake received");

            // The channel is listed, and its details show the same Webhook URL.
            await page.GotoAsync("/channels");
            await page.WaitForInteractiveAsync();
            var row = page.Locator("[data-testid=channels-table] tbody tr");
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row).ToContainTextAsync("Sandbox support");
            await Assertions.Expect(row).ToContainTextAsync("Connected");
            await Assertions.Expect(row.Locator("[data-testid=default-badge]")).ToBeVisibleAsync();
            numberText.ShouldContain((await row.Locator("td").Nth(1).InnerTextAsync()).Trim());
            await row.Locator("[data-testid=channel-title]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=webhook-url]")).ToHaveTextAsync(webhookUrl);

            // The Channel ID's copy icon sits beside the ID, not under it.
            var id = (await page.Locator("[data-testid=channel-id]").BoundingBoxAsync())!;
            var copy = (await page.GetByRole(AriaRole.Button, new() { Name = "Copy Channel ID" }).BoundingBoxAsync())!;
            copy.X.ShouldBeGreaterThanOrEqualTo(id.X + id.Width - 1, "the copy icon is not to the right of the ID");
            copy.Y.ShouldBeLessThan(id.Y + id.Height, "the copy icon wrapped under the ID");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
