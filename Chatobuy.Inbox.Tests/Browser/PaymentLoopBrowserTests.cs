using System.Text.RegularExpressions;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chatobuy.Inbox.Tests.Browser;

/// <summary>
/// The whole payment loop in the browser: an Admin sets up Stripe (test mode) in Store Settings, the customer sends a
/// cart from the Sandbox phone, the agent sends a payment link from the composer, the customer pays on the Sandbox's
/// checkout page, and the agent sees the order turn paid and the success message go out without reloading.
/// </summary>
public sealed class PaymentLoopBrowserTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private const string Customer = "5511944440000";

    /// <summary>How long to wait for work done in the background (the order made of a cart, the outbox, the partner's notification) on a busy machine.</summary>
    private const float Background = 20_000;

    private readonly InboxApp _app = new();
    private Channel _channel = default!;

    public async Task InitializeAsync()
    {
        _app.Settings["Outbound:PollIntervalMilliseconds"] = "50";
        _app.Settings["Sandbox:StatusDelaysMilliseconds"] = "50,150,300";
        _app.Settings["Sandbox:Webhooks:RetryBaseMilliseconds"] = "50";
        await _app.InitializeAsync();
        await using var scope = _app.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        (await users.CreateFirstAdminAsync("ada@example.com", "Ada", Password)).Succeeded.ShouldBeTrue();
        _channel = await SandboxChannel.ConnectAsync(_app, "Shop");
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task AdminSetsUpStripe_CustomerSendsACart_AgentSendsTheLink_CustomerPays_AgentSeesItPaidLive()
    {
        var configuration = _app.Services.GetRequiredService<IConfiguration>();
        var secretKey = configuration["Sandbox:Payments:StripeSecretKey"]!;
        var signingSecret = configuration["Sandbox:Payments:StripeWebhookSecret"]!;
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        try
        {
            var ada = await browser.SignInAsync(_app.BaseAddress, "ada@example.com", Password);

            // The Admin chooses Stripe in test mode with the Sandbox's keys.
            await ada.GotoAsync($"/channels/{_channel.Id}/store");
            await ada.WaitForInteractiveAsync();
            await ada.Locator(".mud-tab", new() { HasTextString = "Payment" }).ClickAsync();
            await Assertions.Expect(ada.Locator("[data-testid=payment-settings]")).ToBeVisibleAsync();
            await ChooseAsync(ada, "payment-partner", "Stripe");
            await Assertions.Expect(ada.Locator("[data-testid=payment-credentials-test]")).ToContainTextAsync("Test credentials (in use)");
            await ada.FillAsync("input[data-testid=payment-test-secretKey]", secretKey);
            await ada.FillAsync("input[data-testid=payment-test-webhookSecret]", signingSecret);
            await ChooseAsync(ada, "payment-currency", "USD ·");
            await ada.ClickAsync("[data-testid=payment-save]");

            await Assertions.Expect(ada.Locator("[data-testid=payment-saved-test-secretKey]")).ToHaveTextAsync("••••••••" + secretKey[^4..]);
            await Assertions.Expect(ada.Locator("[data-testid=payment-saved-test-webhookSecret]")).ToHaveTextAsync("••••••••" + signingSecret[^4..]);
            await Assertions.Expect(ada.Locator("input[data-testid=payment-test-secretKey]")).ToHaveValueAsync("");
            await ada.ClickAsync("[data-testid=payment-test]");
            var tested = ada.Locator("[data-testid=payment-test-result]");
            await Assertions.Expect(tested).ToContainTextAsync("Stripe accepted the test secret key", new() { Timeout = Background });
            await Assertions.Expect(tested).ToHaveClassAsync(new Regex("mud-alert-.*success"));

            // The customer orders two mugs from the phone.
            var phone = await ada.Context.NewPageAsync();
            await phone.GotoAsync("/sandbox/phone");
            await phone.WaitForInteractiveAsync();
            await phone.FillAsync("input[data-testid=customer-number]", Customer);
            await phone.PressAsync("input[data-testid=customer-number]", "Tab");
            await phone.ClickAsync("[data-testid=mode-order]");
            await phone.FillAsync("input[data-testid=qty-MUG-BLUE]", "2");
            await phone.PressAsync("input[data-testid=qty-MUG-BLUE]", "Tab");
            await phone.ClickAsync("[data-testid=send-order]");
            var conversation = await ConversationOfAsync(Customer);

            // The agent sees the cart with its order, and sends the payment link from the composer's + menu.
            await ada.GotoAsync($"/inbox/{conversation}");
            await ada.WaitForInteractiveAsync();
            var cart = ada.Locator("[data-testid=bubble][data-type=order]");
            await Assertions.Expect(cart.Locator("[data-testid=order-item-name]")).ToHaveTextAsync("Blue ceramic mug");
            await Assertions.Expect(cart.Locator("[data-testid=order-total]")).ToHaveTextAsync("25.00 USD");
            var orderLink = cart.Locator("[data-testid=order-link]");
            await Assertions.Expect(orderLink).ToContainTextAsync(new Regex(@"Order #\d+"), new() { Timeout = Background });
            await Assertions.Expect(orderLink.Locator("[data-testid=order-status]")).ToHaveAttributeAsync("data-status", "pending_payment", new() { Timeout = Background });
            var number = Regex.Match(await orderLink.Locator("a").InnerTextAsync(), @"#(\d+)").Groups[1].Value;

            await ada.ClickAsync("[data-testid=composer-plus]");
            await ada.ClickAsync("[data-testid=open-payment-link]");
            var dialog = ada.Locator(".mud-dialog:has([data-testid=payment-link-dialog])");
            await Assertions.Expect(dialog.Locator("[data-testid=payment-started-from]")).ToContainTextAsync($"order #{number}");
            await Assertions.Expect(dialog.Locator("[data-testid=payment-line-name]")).ToHaveTextAsync("Blue ceramic mug");
            await Assertions.Expect(dialog.Locator("[data-testid=payment-total]")).ToHaveTextAsync("USD 25.00");
            await dialog.Locator("[data-testid=payment-send]").ClickAsync();
            await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = Background });

            var linkBubble = ada.Locator("[data-testid=bubble][data-type=text]", new() { HasTextString = "Kindly pay on this link" });
            await Assertions.Expect(linkBubble).ToBeVisibleAsync(new() { Timeout = Background });
            var link = linkBubble.Locator("[data-testid=text] a[href*='/sandbox/pay/']");
            await Assertions.Expect(link).ToHaveCountAsync(1);
            var href = (await link.GetAttributeAsync("href"))!;

            // The customer pays on the checkout page, signed in to nothing.
            var customer = await browser.NewContextAsync();
            try
            {
                var checkout = await customer.NewPageAsync();
                await checkout.GotoAsync(href);
                await Assertions.Expect(checkout.Locator("[data-testid=checkout-lines]")).ToContainTextAsync("Blue ceramic mug");
                await Assertions.Expect(checkout.Locator("[data-testid=checkout-total]")).ToContainTextAsync("25.00");
                await checkout.ClickAsync("[data-testid=checkout-pay]");
                await Assertions.Expect(checkout.Locator("[data-testid=payment-return-title]")).ToHaveTextAsync("Thank you!", new() { Timeout = Background });
                await Assertions.Expect(checkout.Locator("[data-testid=payment-return-text]")).ToContainTextAsync($"Your payment for order {number} is being confirmed");
            }
            finally
            {
                await customer.DisposeAsync();
            }

            // The agent's page, never reloaded, shows the order paid and the success message sent.
            await Assertions.Expect(orderLink.Locator("[data-testid=order-status]")).ToHaveAttributeAsync("data-status", "paid", new() { Timeout = Background });
            await Assertions.Expect(orderLink.Locator("[data-testid=order-status]")).ToHaveTextAsync("Paid");
            var success = ada.Locator("[data-testid=bubble][data-type=text]", new() { HasTextString = $"We received your payment of USD 25.00 for order {number}" });
            await Assertions.Expect(success).ToHaveCountAsync(1, new() { Timeout = Background });
            await Assertions.Expect(success.Locator("[data-testid=ticks]")).ToHaveAttributeAsync("data-status", new Regex("^(Sent|Delivered|Read)$"), new() { Timeout = Background });
            await ada.ClickAsync("[data-testid=conversation-orders-toggle]");
            await Assertions.Expect(ada.Locator("[data-testid=conversation-order]", new() { HasTextString = $"#{number}" }).Locator("[data-testid=order-status]"))
                .ToHaveAttributeAsync("data-status", "paid", new() { Timeout = Background });

            // And the customer has it on the phone.
            await Assertions.Expect(phone.Locator("[data-testid=business-bubble-text]", new() { HasTextString = "We received your payment of USD 25.00" })).ToHaveCountAsync(1, new() { Timeout = Background });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>Picks <paramref name="option"/> in the MudSelect marked <paramref name="testId"/>.</summary>
    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.Locator($"div.mud-select:has([data-testid={testId}])").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = option }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>The customer's conversation, once their first message has reached the inbox.</summary>
    private async Task<long> ConversationOfAsync(string waId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await _app.DbAsync();
            if (await db.Conversations.Where(c => c.ChannelId == _channel.Id && c.Contact!.WaId == waId).Select(c => (long?)c.Id).FirstOrDefaultAsync() is { } id)
            {
                return id;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the customer's cart never reached the inbox");
            await Task.Delay(100);
        }
    }
}
