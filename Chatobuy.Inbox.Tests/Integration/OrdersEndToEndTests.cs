using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Orders;
using Chatobuy.Inbox.Features.Payments;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Integration;

/// <summary>One app with a Sandbox channel whose payments use a custom link, and an API key, shared by the order tests (each has its own customer).</summary>
public sealed class OrdersFixture : IAsyncLifetime
{
    public const string LinkTemplate = "https://pay.example.com/?order={order_number}&amount={total}";

    public InboxApp App { get; } = new();

    public Channel Channel { get; private set; } = default!;

    public HttpClient Api { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App.Settings["Outbound:PollIntervalMilliseconds"] = "50";
        App.Settings["Sandbox:StatusDelaysMilliseconds"] = "30,60,90";
        App.Settings["Sandbox:Webhooks:RetryBaseMilliseconds"] = "50";
        await App.InitializeAsync();
        Channel = await SandboxChannel.ConnectAsync(App, "Shop");
        await using (var db = await App.DbAsync())
        {
            db.PaymentSettings.Add(new PaymentSettings { ChannelId = Channel.Id, Partner = PaymentPartnerKind.CustomLink, Currency = "USD", CustomLinkTemplate = LinkTemplate });
            await db.SaveChangesAsync();
        }

        Api = await ApiClients.WithNewKeyAsync(App);
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>
/// Carts from the Sandbox customer become orders (once), and the orders API makes and sends a custom payment link,
/// marks the order paid (the success message goes out once) and refuses the moves the status machine does not allow.
/// </summary>
public sealed class OrdersEndToEndTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    private static int _customers;

    private InboxApp App => fixture.App;

    private HttpClient Api => fixture.Api;

    [Fact]
    public async Task Cart_DeliveredTwice_OneOrderWithTheCatalogsNamesPendingPayment()
    {
        var state = App.Services.GetRequiredService<SandboxState>();
        var settings = state.DeliverySettings;
        state.UpdateDeliverySettings(settings with { DuplicateDelivery = true });
        Order order;
        try
        {
            var (_, cart) = await CustomerSendsCartAsync(NewCustomer(), ("MUG-BLUE", 2), ("CAP-RED", 1));
            order = await WaitForOrderAsync(cart);
        }
        finally
        {
            state.UpdateDeliverySettings(settings);
        }

        // The worker, a second look and a start-up sweep all find the cart already has its order.
        var intake = App.Services.GetRequiredService<OrderIntake>();
        (await intake.TakeAsync([order.SourceMessageId!.Value], CancellationToken.None)).ShouldBe(0);
        (await intake.SweepAsync(CancellationToken.None)).ShouldBe(0);
        await using var db = await App.DbAsync();
        (await db.Orders.CountAsync(o => o.SourceMessageId == order.SourceMessageId)).ShouldBe(1);
        order.Status.ShouldBe(OrderStatus.PendingPayment);
        order.Items.OrderBy(i => i.Id).Select(i => (i.Name, i.Quantity, i.UnitPrice)).ShouldBe([("Blue ceramic mug", 2, 12.5m), ("Red cap", 1, 15m)]);
        order.TotalText.ShouldBe("USD 40.00");
        order.Note.ShouldBe("Ring twice");
        order.CatalogId.ShouldBe(SandboxCatalog.CatalogId);
        order.Changes.ShouldHaveSingleItem().Actor.ShouldBe(OrderIntake.CustomerActor);

        var listed = await Api.GetFromJsonAsync<JsonObject>($"/api/v1/orders?status=pending_payment&channelId={fixture.Channel.Id}");
        listed!["items"]!.AsArray().Select(o => o!["id"]!.GetValue<long>()).ShouldContain(order.Id);
        var one = await Api.GetFromJsonAsync<JsonObject>($"/api/v1/orders/{order.Id}");
        one!["number"]!.GetValue<string>().ShouldBe(order.Number);
        one["status"]!.GetValue<string>().ShouldBe("pending_payment");
        one["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ShouldBe(["Blue ceramic mug", "Red cap"]);
        one["history"]!.AsArray().ShouldHaveSingleItem()!["actor"]!.GetValue<string>().ShouldBe("Customer");
    }

    [Fact]
    public async Task PaymentLink_CustomLinkThroughTheApi_TheCustomerGetsTheMessageWithTheLink()
    {
        var customer = NewCustomer();
        var (_, cart) = await CustomerSendsCartAsync(customer, ("TOTE-CANVAS", 1));
        var order = await WaitForOrderAsync(cart);

        var response = await Api.PostAsJsonAsync($"/api/v1/orders/{order.Id}/payment-link", new { send = true });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var link = $"https://pay.example.com/?order={order.Number}&amount=24";
        body!["url"]!.GetValue<string>().ShouldBe(link);
        body["order"]!["paymentPartner"]!.GetValue<string>().ShouldBe("CustomLink");
        var received = await WaitForReceivedAsync(customer, m => m.Summary.Contains(link, StringComparison.Ordinal));
        received.Summary.ShouldBe($"Thanks for your order. Kindly pay on this link {link}");
    }

    [Fact]
    public async Task MarkPaid_CustomLinkOrderThroughTheApi_PaidAndTheSuccessMessageOnce()
    {
        var customer = NewCustomer();
        var (_, cart) = await CustomerSendsCartAsync(customer, ("NOTEBOOK-A5", 2));
        var order = await WaitForOrderAsync(cart);
        (await Api.PostAsJsonAsync($"/api/v1/orders/{order.Id}/payment-link", new { send = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var paid = await Api.PostAsJsonAsync($"/api/v1/orders/{order.Id}/status", new { status = "paid", detail = "Bank transfer seen" });
        var again = await Api.PostAsJsonAsync($"/api/v1/orders/{order.Id}/status", new { status = "paid" });

        paid.StatusCode.ShouldBe(HttpStatusCode.OK, await paid.Content.ReadAsStringAsync());
        (await paid.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>().ShouldBe("paid");
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().ShouldBe($"Order {order.Number} is already paid.");
        var success = $"Thank you! We received your payment of USD 13.50 for order {order.Number}.";
        await WaitForReceivedAsync(customer, m => m.Summary == success);
        await using var db = await App.DbAsync();
        (await db.Messages.CountAsync(m => m.ConversationId == order.ConversationId && m.Direction == MessageDirection.Outbound && m.Text == success)).ShouldBe(1);
        var history = (await db.Orders.Include(o => o.Changes).SingleAsync(o => o.Id == order.Id)).Changes.OrderBy(c => c.Id).ToList();
        history[^1].To.ShouldBe(OrderStatus.Paid);
        history[^1].Detail.ShouldBe("Bank transfer seen");
        history[^1].Actor.ShouldBe("API key Integration test");
    }

    [Fact]
    public async Task Status_MovesTheMachineRefuses_Answer409WithTheReason()
    {
        var (_, cart) = await CustomerSendsCartAsync(NewCustomer(), ("SOCKS-STRIPE", 3));
        var order = await WaitForOrderAsync(cart);

        var fulfilled = await Api.PostAsJsonAsync($"/api/v1/orders/{order.Id}/status", new { status = "fulfilled" });
        var cancelled = await Api.PostAsJsonAsync($"/api/v1/orders/{order.Id}/status", new { status = "cancelled" });
        var paidAfter = await Api.PostAsJsonAsync($"/api/v1/orders/{order.Id}/status", new { status = "paid" });
        var linkAfter = await Api.PostAsJsonAsync($"/api/v1/orders/{order.Id}/payment-link", new { send = true });
        var unknown = await Api.PostAsJsonAsync($"/api/v1/orders/{order.Id}/status", new { status = "shipped" });

        fulfilled.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ErrorOf(fulfilled)).ShouldBe($"Order {order.Number} is pending payment: only a paid order can be marked fulfilled.");
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);
        paidAfter.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ErrorOf(paidAfter)).ShouldBe($"Order {order.Number} is cancelled: nothing more can happen to it.");
        linkAfter.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ErrorOf(linkAfter)).ShouldBe($"Order {order.Number} is cancelled: it needs no payment link.");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Api.PostAsJsonAsync("/api/v1/orders/999999/status", new { status = "cancelled" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_ThroughTheApi_NamedFromTheCatalogAndInvalidItemsAnswer400WithTheField()
    {
        var customer = NewCustomer();
        await SandboxCustomer.WritesAsync(App, fixture.Channel, customer, "Can I order by chat?");
        await CustomerSendsCartAsync(customer, ("MUG-BLUE", 1));

        var created = await Api.PostAsJsonAsync("/api/v1/orders", new
        {
            channelId = fixture.Channel.Id,
            waId = "+" + customer,
            items = new object[] { new { retailerId = "CAP-RED", quantity = 2, unitPrice = 15.00m } },
        });
        var invalid = await Api.PostAsJsonAsync("/api/v1/orders", new
        {
            channelId = fixture.Channel.Id,
            waId = customer,
            items = new object[] { new { retailerId = "CAP-RED", quantity = 0, unitPrice = 15m } },
        });
        var noPrice = await Api.PostAsJsonAsync("/api/v1/orders", new { channelId = fixture.Channel.Id, waId = customer, items = new object[] { new { retailerId = "CAP-RED" } } });

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var order = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        order["items"]!.AsArray().ShouldHaveSingleItem()!["name"]!.GetValue<string>().ShouldBe("Red cap");
        order["totalText"]!.GetValue<string>().ShouldBe("USD 30.00");
        order["history"]!.AsArray().ShouldHaveSingleItem()!["actor"]!.GetValue<string>().ShouldBe("API key Integration test");
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors["items[0].quantity"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>().ShouldBe("The quantity is a whole number from 1 to 999.");
        noPrice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noPrice.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("items[0].unitPrice").ShouldBeTrue();
    }

    [Fact]
    public async Task PaymentLink_WindowClosedAndNoTemplateCarriesALink_409ExplainsAndNoLinkIsMade()
    {
        var (conversation, cart) = await CustomerSendsCartAsync(NewCustomer(), ("CAP-RED", 1));
        var order = await WaitForOrderAsync(cart);
        await using (var db = await App.DbAsync())
        {
            var row = await db.Conversations.SingleAsync(c => c.Id == conversation);
            row.LastInboundAt = DateTimeOffset.UtcNow.AddHours(-25);
            await db.SaveChangesAsync();
        }

        var response = await Api.PostAsJsonAsync($"/api/v1/orders/{order.Id}/payment-link", new { send = true });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ErrorOf(response)).ShouldBe(PaymentLinkTemplate.NoneUsable);
        await using var check = await App.DbAsync();
        (await check.Orders.SingleAsync(o => o.Id == order.Id)).PaymentLinkUrl.ShouldBeNull();
    }

    private static string NewCustomer() => $"55119400{Interlocked.Increment(ref _customers):D5}";

    /// <summary>The customer sends a cart of the Sandbox catalog's products (Meta's <c>order</c> webhook); returns the conversation and the stored message.</summary>
    private async Task<(long Conversation, long Message)> CustomerSendsCartAsync(string customer, params (string RetailerId, int Quantity)[] cart)
    {
        var items = new JsonArray();
        foreach (var (retailerId, quantity) in cart)
        {
            var product = SandboxCatalog.Find(retailerId)!;
            items.Add(new JsonObject { ["product_retailer_id"] = retailerId, ["quantity"] = quantity, ["item_price"] = product.Price, ["currency"] = product.Currency });
        }

        var body = new JsonObject
        {
            ["phone_number_id"] = fixture.Channel.PhoneNumberId,
            ["name"] = "Customer",
            ["type"] = "order",
            ["order"] = new JsonObject { ["catalog_id"] = SandboxCatalog.CatalogId, ["text"] = "Ring twice", ["product_items"] = items },
        };
        using var client = App.CreateHttpClient();
        var sent = await client.PostAsJsonAsync($"/sandbox/customers/{customer}/messages", body);
        sent.EnsureSuccessStatusCode();
        var wamid = (await sent.Content.ReadFromJsonAsync<JsonObject>())!["messages"]![0]!["id"]!.GetValue<string>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await App.DbAsync();
            if (await db.Messages.AsNoTracking().Where(m => m.WaMessageId == wamid).Select(m => new { m.ConversationId, m.Id }).FirstOrDefaultAsync() is { } stored)
            {
                return (stored.ConversationId, stored.Id);
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the cart never arrived");
            await Task.Delay(100);
        }
    }

    private async Task<Order> WaitForOrderAsync(long cartMessageId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await App.DbAsync();
            var order = await db.Orders.AsNoTracking().Include(o => o.Items).Include(o => o.Changes).FirstOrDefaultAsync(o => o.SourceMessageId == cartMessageId);
            if (order is not null)
            {
                return order;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "no order was made of the cart");
            await Task.Delay(100);
        }
    }

    private async Task<SandboxBusinessMessage> WaitForReceivedAsync(string customer, Func<SandboxBusinessMessage, bool> match)
    {
        var outbox = App.Services.GetRequiredService<SandboxOutbox>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (outbox.Conversation(fixture.Channel.PhoneNumberId, customer).FirstOrDefault(match) is { } received)
            {
                return received;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the customer never received the message");
            await Task.Delay(100);
        }
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>();
}
