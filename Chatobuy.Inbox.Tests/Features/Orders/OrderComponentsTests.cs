using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Chatobuy.Inbox.Components.Shared;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Orders;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Chatobuy.Inbox.Tests.Features.Orders;

/// <summary>The Orders page (list, filters, search, live), an order's details and their actions, and the Generate Payment Link dialog.</summary>
public sealed class OrderComponentsTests : ComponentTestContext, IClassFixture<OrderComponentsFixture>
{
    private readonly OrderComponentsFixture _fixture;

    public OrderComponentsTests(OrderComponentsFixture fixture)
    {
        _fixture = fixture;
        var app = fixture.App.Services;
        Services.AddSingleton(app.GetRequiredService<InboxEvents>());
        Services.AddSingleton(app.GetRequiredService<OrderQueries>());
        Services.AddSingleton(app.GetRequiredService<OrderService>());
        Services.AddSingleton(app.GetRequiredService<OrderCatalog>());
        Services.AddSingleton(app.GetRequiredService<PaymentLinkSender>());
        Services.AddSingleton(app.GetRequiredService<People>());
        var auth = AddAuthorization();
        auth.SetAuthorized("Ada");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, fixture.AgentId));
        auth.SetRoles(Roles.Admin);
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task OrdersPage_FilterByStatusChannelAndSearch_ShowsTheMatchingRows()
    {
        var (maria, _) = await _fixture.PlainContactAsync("Maria Lopes", withConversation: false);
        var (joao, _) = await _fixture.PlainContactAsync("João Silva", withConversation: false);
        var pending = await _fixture.PlainOrderAsync(maria, null, OrderStatus.PendingPayment, ("Mug", 2, 12.5m), ("Cap", 1, 15m));
        var paid = await _fixture.PlainOrderAsync(joao, null, OrderStatus.Paid, ("Tote", 1, 24m));

        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=order-row]").Count.ShouldBeGreaterThanOrEqualTo(2));
        page.Find("[data-testid=orders-channel]").Change(_fixture.Plain.Id);

        page.WaitForAssertion(() => Numbers(page).ShouldContain(paid.Number));
        Numbers(page).ShouldContain(pending.Number);
        page.FindAll("[data-testid=order-channel]").Select(c => c.TextContent).Distinct().ShouldBe(["Plain"]);
        var row = page.Find($"[data-order-id='{pending.Id}']");
        row.QuerySelector("[data-testid=order-customer]")!.TextContent.ShouldBe("Maria Lopes");
        row.QuerySelector("[data-testid=order-items]")!.TextContent.ShouldBe("3");
        row.QuerySelector("[data-testid=order-total]")!.TextContent.ShouldBe("USD 40.00");
        row.QuerySelector("[data-testid=order-status]")!.TextContent.ShouldBe("Pending payment");
        row.QuerySelector("[data-testid=order-channel]")!.TextContent.ShouldBe("Plain");

        page.Find("[data-testid=orders-status]").Change("paid");
        page.WaitForAssertion(() => Numbers(page).ShouldNotContain(pending.Number));
        Numbers(page).ShouldContain(paid.Number);
        page.FindAll("[data-testid=order-status]").Select(c => c.TextContent).Distinct().ShouldBe(["Paid"]);

        page.Find("[data-testid=orders-status]").Change("");
        page.Find("input[data-testid=orders-search]").Input("maria lopes");
        page.WaitForAssertion(() => Numbers(page).ShouldBe([pending.Number]), TimeSpan.FromSeconds(5));

        page.Find("input[data-testid=orders-search]").Input(pending.Number);
        page.WaitForAssertion(() => Numbers(page).ShouldBe([pending.Number]), TimeSpan.FromSeconds(5));

        page.Find("input[data-testid=orders-search]").Input("nobody-like-this");
        page.WaitForAssertion(() => page.Find("[data-testid=orders-empty]").TextContent.ShouldContain("No orders match these filters."), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task OrdersPage_AnOrderIsMade_TheRowAppearsWithoutAReload()
    {
        var page = Render<OrdersPage>();
        page.Find("[data-testid=orders-channel]").Change(_fixture.Plain.Id);
        var (contact, _) = await _fixture.PlainContactAsync("Live Customer", withConversation: false);

        var order = await _fixture.PlainOrderAsync(contact, null, OrderStatus.PendingPayment, ("Socks", 3, 8.5m));
        _fixture.App.Services.GetRequiredService<InboxEvents>().Publish(new OrderChanged(_fixture.Plain.Id, order.Id, null, order.Status));

        page.WaitForAssertion(() => Numbers(page).ShouldContain(order.Number));
    }

    [Fact]
    public async Task Details_MarkPaidThenFulfilled_TheStatusAndHistoryShowTheAgent()
    {
        var (contact, _) = await _fixture.PlainContactAsync("Paid Customer", withConversation: false);
        var order = await _fixture.PlainOrderAsync(contact, null, OrderStatus.PendingPayment, ("Mug", 1, 12.5m));
        var providers = RenderProviders();
        var page = Render<OrderDetailsPage>(p => p.Add(c => c.Id, order.Id));
        page.WaitForAssertion(() => page.Find("[data-testid=order-title]").TextContent.ShouldBe($"Order #{order.Number}"));
        page.FindAll("[data-testid=order-mark-fulfilled]").ShouldBeEmpty("only a paid order can be fulfilled");
        page.Find("[data-testid=order-item-name]").TextContent.ShouldBe("Mug");
        page.Find("[data-testid=order-total]").TextContent.ShouldBe("USD 12.50");

        var clicking = page.Find("[data-testid=order-mark-paid]").ClickAsync(new());
        await providers.WaitForElement("[data-testid=confirm]").ClickAsync(new());
        await clicking;

        page.WaitForAssertion(() => page.Find("[data-testid=order-status]").TextContent.ShouldBe("Paid"));
        page.FindAll("[data-testid=order-mark-paid]").ShouldBeEmpty();
        page.FindAll("[data-testid=order-cancel]").ShouldBeEmpty("a paid order is refunded with the partner, not cancelled");
        var last = page.FindAll("[data-testid=order-change]")[^1];
        last.QuerySelector("[data-testid=order-change-actor]")!.TextContent.ShouldBe("Ada");
        last.QuerySelector("[data-testid=order-change-move]")!.TextContent.ShouldBe("Pending payment → Paid");

        await page.Find("[data-testid=order-mark-fulfilled]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=order-status]").TextContent.ShouldBe("Fulfilled"));
        page.FindAll("[data-testid=order-change-move]")[^1].TextContent.ShouldBe("Paid → Fulfilled");
    }

    [Fact]
    public async Task Details_Cancel_AsksFirstThenCancels()
    {
        var (contact, _) = await _fixture.PlainContactAsync("Cancelling Customer", withConversation: false);
        var order = await _fixture.PlainOrderAsync(contact, null, OrderStatus.PendingPayment, ("Cap", 1, 15m));
        var providers = RenderProviders();
        var page = Render<OrderDetailsPage>(p => p.Add(c => c.Id, order.Id));
        page.WaitForElement("[data-testid=order-cancel]");

        var clicking = page.Find("[data-testid=order-cancel]").ClickAsync(new());
        providers.WaitForAssertion(() => providers.Markup.ShouldContain("it cannot be paid or reopened afterwards"));
        page.Find("[data-testid=order-status]").TextContent.ShouldBe("Pending payment", "nothing happens before the confirmation");
        await providers.Find("[data-testid=confirm]").ClickAsync(new());
        await clicking;

        page.WaitForAssertion(() => page.Find("[data-testid=order-status]").TextContent.ShouldBe("Cancelled"));
        page.FindAll("[data-testid=order-cancel]").ShouldBeEmpty();
        page.FindAll("[data-testid=order-send-link]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Details_UnknownOrder_SaysSo()
    {
        var page = Render<OrderDetailsPage>(p => p.Add(c => c.Id, 987654));

        page.WaitForAssertion(() => page.Find("[data-testid=order-missing]").TextContent.ShouldBe("This order does not exist (any more)."));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task GeneratePaymentLink_FromTheCustomersOrder_TotalMessageAndSendReachesTheCustomer()
    {
        var (conversation, customer) = await _fixture.ShopCustomerAsync();
        var created = await _fixture.App.Services.GetRequiredService<OrderService>().CreateAsync(
            new NewOrder { ConversationId = conversation, Currency = "USD", Items = [new NewOrderLine { RetailerId = "MUG-BLUE", Name = "Blue ceramic mug", Quantity = 2, UnitPrice = 12.5m }] },
            OrderIntake.CustomerActor,
            CancellationToken.None);
        var order = created.Order.ShouldNotBeNull();
        var providers = await ShowDialogAsync(conversation);

        providers.WaitForAssertion(() => providers.Find("[data-testid=payment-total]").TextContent.ShouldBe("USD 25.00"));
        providers.Find("[data-testid=payment-started-from]").TextContent.ShouldContain($"#{order.Number}");
        providers.Find("textarea[data-testid=payment-message]").GetAttribute("value").ShouldBe("Thanks for your order. Kindly pay on this link {payment_link}");
        providers.Find("input[data-testid=payment-line-quantity]").Input("3");
        providers.WaitForAssertion(() => providers.Find("[data-testid=payment-total]").TextContent.ShouldBe("USD 37.50"));

        providers.Find("textarea[data-testid=payment-message]").Input("Pay here please");
        providers.WaitForAssertion(() => providers.Markup.ShouldContain(PaymentLinkSender.MessageNeedsLink));
        providers.Find("textarea[data-testid=payment-message]").Input("Order {order_number}, {total}: {payment_link}");
        await providers.Find("[data-testid=payment-send]").ClickAsync(new());

        providers.WaitForAssertion(() => providers.FindAll("[data-testid=payment-link-dialog]").ShouldBeEmpty(), TimeSpan.FromSeconds(10));
        await using var db = await _fixture.App.DbAsync();
        var made = await db.Orders.AsNoTracking().Include(o => o.Items).Include(o => o.Changes)
            .Where(o => o.ConversationId == conversation).OrderByDescending(o => o.Id).FirstAsync();
        made.Id.ShouldNotBe(order.Id, "the agent changed the quantity, so a new order was made");
        made.TotalText.ShouldBe("USD 37.50");
        made.Changes.ShouldHaveSingleItem().Actor.ShouldBe("Ada");
        var text = $"Order {made.Number}, USD 37.50: https://pay.example.com/{made.Number}?amount=37.5";
        var outbox = _fixture.App.Services.GetRequiredService<SandboxOutbox>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!outbox.Conversation(_fixture.Shop.PhoneNumberId, customer).Any(m => m.Summary == text))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the customer never got the link");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task GeneratePaymentLink_NoPartner_ExplainsAndLeadsAdminsToStoreSettings()
    {
        var (_, conversation) = await _fixture.PlainContactAsync("No Partner Customer", withConversation: true);

        var providers = await ShowDialogAsync(conversation!.Value);

        providers.WaitForAssertion(() => providers.Find("[data-testid=payment-no-partner]").TextContent.ShouldContain("No payment partner is set up for this channel."));
        providers.Find("[data-testid=payment-settings-link]").GetAttribute("href").ShouldBe($"/channels/{_fixture.Plain.Id}/store");
        providers.FindAll("[data-testid=payment-send]").ShouldBeEmpty();
    }

    [Fact]
    public async Task PaymentLinkMenuItem_NoPartner_DisabledWithTheReasonAndTheStoreSettingsLink()
    {
        var (_, conversation) = await _fixture.PlainContactAsync("Menu Customer", withConversation: true);
        var providers = RenderProviders();

        var menu = Render<MudMenu>(p => p.Add(m => m.Icon, Icons.Material.Filled.Add).AddChildContent<PaymentLinkMenuItem>(item => item.Add(i => i.ConversationId, conversation!.Value)));
        await menu.Find("button").ClickAsync(new());

        providers.WaitForAssertion(() => providers.Find("[data-testid=payment-link-disabled-reason]").TextContent.ShouldBe("No payment partner is set up for this channel yet."));
        providers.Find("[data-testid=payment-settings-link]").GetAttribute("href").ShouldBe($"/channels/{_fixture.Plain.Id}/store");
    }

    private async Task<IRenderedComponent<MudProviders>> ShowDialogAsync(long conversation)
    {
        var providers = RenderProviders();
        var parameters = new DialogParameters<GeneratePaymentLinkDialog>
        {
            { d => d.ConversationId, conversation },
            { d => d.UserId, _fixture.AgentId },
        };
        var dialogs = Services.GetRequiredService<IDialogService>();
        await providers.InvokeAsync(() => dialogs.ShowAsync<GeneratePaymentLinkDialog>("Generate payment link", parameters));
        return providers;
    }

    private static List<string> Numbers(IRenderedComponent<OrdersPage> page) =>
        page.FindAll("[data-testid=order-number]").Select(n => n.TextContent.TrimStart('#')).ToList();
}
