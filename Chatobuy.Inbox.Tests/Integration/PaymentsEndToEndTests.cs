using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Orders;
using Chatobuy.Inbox.Features.Payments;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Integration;

/// <summary>One app with an Admin and a Sandbox channel, shared by the payment tests (each has its own customer and order).</summary>
public sealed class PaymentsFixture : IAsyncLifetime
{
    public InboxApp App { get; } = new();

    public Channel Channel { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App.Settings["Outbound:PollIntervalMilliseconds"] = "50";
        App.Settings["Sandbox:StatusDelaysMilliseconds"] = "30,60,90";
        await App.InitializeAsync();
        await using (var scope = App.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            (await users.CreateFirstAdminAsync("ada@example.com", "Ada", "Correct-Horse-9")).Succeeded.ShouldBeTrue();
        }

        Channel = await SandboxChannel.ConnectAsync(App, "Shop");
    }

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// Payment links made with Stripe (through Stripe.net) and Yedpay against the Sandbox's payment emulator over real
/// HTTP; the emulator's checkout page pays, fails or expires them and posts the partner's signed notification back.
/// </summary>
public sealed class PaymentsEndToEndTests(PaymentsFixture fixture) : IClassFixture<PaymentsFixture>
{
    private static int _customers;

    private InboxApp App => fixture.App;

    private Channel Channel => fixture.Channel;

    private string StripeKey => App.Services.GetRequiredService<IConfiguration>()["Sandbox:Payments:StripeSecretKey"]!;

    private string StripeSecret => App.Services.GetRequiredService<IConfiguration>()["Sandbox:Payments:StripeWebhookSecret"]!;

    private string YedpayKey => App.Services.GetRequiredService<IConfiguration>()["Sandbox:Payments:YedpayApiKey"]!;

    private string YedpaySignKey => App.Services.GetRequiredService<IConfiguration>()["Sandbox:Payments:YedpaySignKey"]!;

    [Fact]
    public async Task Stripe_CustomerPays_OrderPaidAndSuccessMessageQueuedOnce_EvenWhenNotifiedTwice()
    {
        await UseStripeAsync();
        var (conversation, order) = await OrderAsync();
        var link = await LinkAsync(order);
        link.PaymentLinkUrl.ShouldNotBeNull().ShouldContain("/sandbox/pay/cs_test_");
        link.PaymentReference.ShouldStartWith("cs_test_");

        using var client = App.CreateHttpClient();
        var page = await client.GetStringAsync(new Uri(link.PaymentLinkUrl!).PathAndQuery);
        page.ShouldContain("Silk scarf");
        page.ShouldContain("HKD 241.00");

        var paid = await client.PostAsync($"/sandbox/checkout/{link.PaymentReference}/pay", null);
        paid.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        paid.Headers.Location!.ToString().ShouldContain("/payments/return?order=" + link.Number);

        var stored = await ReadAsync(order);
        stored.Status.ShouldBe(OrderStatus.Paid);
        stored.Changes.Last().Actor.ShouldBe("Stripe");
        (await MessagesAsync(conversation, "We received your payment of HKD 241.00 for order " + link.Number)).ShouldBe(1);

        (await client.PostAsync($"/sandbox/checkout/{link.PaymentReference}/send-again", null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReadAsync(order)).Changes.Count(c => c.To == OrderStatus.Paid).ShouldBe(1);
        (await MessagesAsync(conversation, "We received your payment")).ShouldBe(1, "the second notification changes nothing");

        var session = await App.Services.GetRequiredService<StripePartner>().GetSessionAsync(Channel.Id, StripeKey, link.PaymentReference!, CancellationToken.None);
        session.Status.ShouldBe("complete");
        session.PaymentStatus.ShouldBe("paid");
        session.AmountTotal.ShouldBe(24100);
        session.Metadata["order_id"].ShouldBe(order.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Stripe_CardDeclined_OrderFailedAndFailedMessageSent_ThenPayingTheSameSessionStillCounts()
    {
        await UseStripeAsync();
        var (conversation, order) = await OrderAsync();
        var link = await LinkAsync(order);
        using var client = App.CreateHttpClient();

        (await client.PostAsync($"/sandbox/checkout/{link.PaymentReference}/fail", null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var failed = await ReadAsync(order);
        failed.Status.ShouldBe(OrderStatus.Failed);
        failed.Changes.Last().Detail.ShouldBe("Your card was declined.");
        (await MessagesAsync(conversation, $"Your payment for order {link.Number} did not go through")).ShouldBe(1);
        (await client.GetStringAsync($"/sandbox/pay/{link.PaymentReference}")).ShouldContain("checkout-pay");

        (await client.PostAsync($"/sandbox/checkout/{link.PaymentReference}/pay", null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReadAsync(order)).Status.ShouldBe(OrderStatus.Paid);
    }

    [Fact]
    public async Task Stripe_SessionExpires_OrderExpiredWithoutAMessage_AndANewLinkReopensIt()
    {
        await UseStripeAsync();
        var (conversation, order) = await OrderAsync();
        var link = await LinkAsync(order);
        using var client = App.CreateHttpClient();

        (await client.PostAsync($"/sandbox/checkout/{link.PaymentReference}/expire", null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await ReadAsync(order)).Status.ShouldBe(OrderStatus.Expired);
        (await client.GetStringAsync($"/sandbox/pay/{link.PaymentReference}")).ShouldContain("This checkout has expired");

        var second = await LinkAsync(order);
        second.PaymentReference.ShouldNotBe(link.PaymentReference);
        (await ReadAsync(order)).Status.ShouldBe(OrderStatus.PendingPayment);
        (await client.PostAsync($"/sandbox/checkout/{link.PaymentReference}/send-again", null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReadAsync(order)).Status.ShouldBe(OrderStatus.PendingPayment, "the old link's expiry does not expire the new one");
        (await MessagesAsync(conversation, "did not go through")).ShouldBe(0);
    }

    [Fact]
    public async Task Stripe_NotificationWithABadOrOldSignature_IsRefusedAndTheOrderStaysPending()
    {
        await UseStripeAsync();
        var (_, order) = await OrderAsync();
        var link = await LinkAsync(order);
        var session = new JsonObject
        {
            ["id"] = link.PaymentReference, ["object"] = "checkout.session", ["status"] = "complete", ["payment_status"] = "paid",
            ["metadata"] = new JsonObject { ["order_id"] = order.ToString(System.Globalization.CultureInfo.InvariantCulture), ["channel_id"] = Channel.Id },
        };
        var body = new JsonObject
        {
            ["id"] = "evt_forged", ["object"] = "event", ["api_version"] = "2020-01-01.acacia", ["type"] = "checkout.session.completed",
            ["livemode"] = false, ["data"] = new JsonObject { ["object"] = session },
        }.ToJsonString();
        using var client = App.CreateHttpClient();

        foreach (var signature in new[]
        {
            StripeWebhookSignature.Sign(body, "whsec_not_the_channels_secret", DateTimeOffset.UtcNow),
            StripeWebhookSignature.Sign(body, StripeSecret, DateTimeOffset.UtcNow.AddMinutes(-10)),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/stripe/{Channel.Id}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Stripe-Signature", signature);
            (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        (await ReadAsync(order)).Status.ShouldBe(OrderStatus.PendingPayment);

        using var good = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/stripe/{Channel.Id}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        good.Headers.Add("Stripe-Signature", StripeWebhookSignature.Sign(body, StripeSecret, DateTimeOffset.UtcNow));
        (await client.SendAsync(good)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadAsync(order)).Status.ShouldBe(OrderStatus.Paid, "another release train's api_version is still read");
    }

    [Fact]
    public async Task Yedpay_CustomerPays_OrderPaidOnce_AndTheReturnCarriesYedpaysSignedStatus()
    {
        await SaveAsync(PaymentPartnerKind.Yedpay, (YedpayPartner.ApiKey, YedpayKey), (YedpayPartner.SignKey, YedpaySignKey));
        var (conversation, order) = await OrderAsync();
        var link = await LinkAsync(order);
        link.PaymentReference.ShouldStartWith($"o{order}-");
        var checkoutId = link.PaymentLinkUrl!.Split('/')[^1];
        using var client = App.CreateHttpClient();
        (await client.GetStringAsync($"/sandbox/pay/{checkoutId}")).ShouldContain("HKD 241.00");

        var paid = await client.PostAsync($"/sandbox/checkout/{checkoutId}/pay", null);
        paid.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        paid.Headers.Location!.ToString().ShouldContain("status=paid");
        paid.Headers.Location!.ToString().ShouldContain("sign=");

        var stored = await ReadAsync(order);
        stored.Status.ShouldBe(OrderStatus.Paid);
        stored.Changes.Last().Actor.ShouldBe("Yedpay");
        (await client.PostAsync($"/sandbox/checkout/{checkoutId}/send-again", null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await MessagesAsync(conversation, $"for order {link.Number}")).ShouldBe(1);
        WebUtility.HtmlDecode(await client.GetStringAsync($"/sandbox/pay/{checkoutId}")).ShouldContain("notification (paid) → 200");
    }

    [Fact]
    public async Task Yedpay_NotificationWithAWrongSign_Answers400AndChangesNothing()
    {
        await SaveAsync(PaymentPartnerKind.Yedpay, (YedpayPartner.ApiKey, YedpayKey), (YedpayPartner.SignKey, YedpaySignKey));
        var (_, order) = await OrderAsync();
        var link = await LinkAsync(order);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("success", "1"), new("request_type", "purchase"), new("transaction[custom_id]", link.PaymentReference!),
            new("transaction[status]", "paid"), new("nonce_str", new string('b', 64)), new("sign_type", "HMAC_SHA256"),
        };
        fields.Add(new("sign", YedpaySignature.Sign(fields, "ffffffffffffffffffffffffffffffff")));
        using var client = App.CreateHttpClient();

        var answer = await client.PostAsync($"/webhooks/yedpay/{Channel.Id}", new FormUrlEncodedContent(fields));

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ReadAsync(order)).Status.ShouldBe(OrderStatus.PendingPayment);
        fields[^1] = new("sign", YedpaySignature.Sign(fields, YedpaySignKey));
        var good = await client.PostAsync($"/webhooks/yedpay/{Channel.Id}", new FormUrlEncodedContent(fields));
        (await good.Content.ReadAsStringAsync()).ShouldBe("success");
        (await ReadAsync(order)).Status.ShouldBe(OrderStatus.Paid);
    }

    [Fact]
    public async Task Yedpay_LetExpire_OrderExpired()
    {
        await SaveAsync(PaymentPartnerKind.Yedpay, (YedpayPartner.ApiKey, YedpayKey), (YedpayPartner.SignKey, YedpaySignKey));
        var (_, order) = await OrderAsync();
        var link = await LinkAsync(order);
        using var client = App.CreateHttpClient();

        (await client.PostAsync($"/sandbox/checkout/{link.PaymentLinkUrl!.Split('/')[^1]}/expire", null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await ReadAsync(order)).Status.ShouldBe(OrderStatus.Expired);
    }

    [Fact]
    public async Task Credentials_AreStoredEncrypted_AndShownMaskedOnly()
    {
        await UseStripeAsync();

        await using var db = await App.DbAsync();
        var row = await db.PaymentSettings.AsNoTracking().SingleAsync(s => s.ChannelId == Channel.Id);
        row.TestCredentialsProtected.ShouldNotBeNullOrEmpty();
        row.TestCredentialsProtected.ShouldNotContain(StripeKey);
        row.TestCredentialsProtected.ShouldNotContain(StripeSecret);
        row.TestCredentialsProtected.ShouldNotContain("sk_test_");
        var file = await File.ReadAllBytesAsync(Directory.GetFiles(App.DataDirectory, "*.db", SearchOption.AllDirectories).First());
        Encoding.UTF8.GetString(file).ShouldNotContain(StripeKey);

        await using var scope = App.CreateScope();
        var loaded = await scope.ServiceProvider.GetRequiredService<PaymentSettingsService>().LoadAsync(Channel.Id, CancellationToken.None);
        loaded!.Saved[PaymentSettingsModel.FieldId(false, StripePartner.SecretKey)].ShouldBe("••••••••" + StripeKey[^4..]);
        loaded.Entered.ShouldBeEmpty();
    }

    [Fact]
    public async Task TestConnection_SandboxKeysPass_AndAWrongKeyIsExplained()
    {
        await UseStripeAsync();
        await using var scope = App.CreateScope();
        var settings = scope.ServiceProvider.GetRequiredService<PaymentSettingsService>();
        var model = (await settings.LoadAsync(Channel.Id, CancellationToken.None))!;

        var good = await settings.TestConnectionAsync(Channel.Id, model, CancellationToken.None);
        good.Succeeded.ShouldBeTrue(good.Message);
        good.Message.ShouldContain("Stripe accepted the test secret key");

        model.Entered[PaymentSettingsModel.FieldId(false, StripePartner.SecretKey)] = "sk_test_notTheSandboxKey000000000000";
        var bad = await settings.TestConnectionAsync(Channel.Id, model, CancellationToken.None);
        bad.Succeeded.ShouldBeFalse();
        bad.Message.ShouldBe(Chatobuy.Inbox.Features.Payments.StripeErrors.KeyRefused);

        var yedpay = new PaymentSettingsModel { Partner = PaymentPartnerKind.Yedpay };
        yedpay.Entered[PaymentSettingsModel.FieldId(false, YedpayPartner.ApiKey)] = "not-the-sandbox-key";
        (await settings.TestConnectionAsync(Channel.Id, yedpay, CancellationToken.None)).Message.ShouldBe(YedpayPartner.KeyRefused);
        yedpay.Entered[PaymentSettingsModel.FieldId(false, YedpayPartner.ApiKey)] = YedpayKey;
        yedpay.Entered[PaymentSettingsModel.FieldId(false, YedpayPartner.SignKey)] = YedpaySignKey;
        (await settings.TestConnectionAsync(Channel.Id, yedpay, CancellationToken.None)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Stripe_WrongSavedKey_LinkRefusedInPlainWords()
    {
        await SaveAsync(PaymentPartnerKind.Stripe, (StripePartner.SecretKey, "sk_test_someOtherAccount0000000000"), (StripePartner.WebhookSecret, StripeSecret));
        var (_, order) = await OrderAsync();

        var outcome = await App.Services.GetRequiredService<PaymentLinks>().CreateAsync(order, "Ada", App.BaseAddress.ToString(), CancellationToken.None);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Error.ShouldBe(Chatobuy.Inbox.Features.Payments.StripeErrors.KeyRefused);
    }

    [Fact]
    public async Task Reminder_UnpaidPastTheDelay_SentOncePerLink()
    {
        await UseStripeAsync();
        var (conversation, order) = await OrderAsync();
        await LinkAsync(order);
        await using (var db = await App.DbAsync())
        {
            var stored = await db.Orders.SingleAsync(o => o.Id == order);
            stored.PaymentLinkCreatedAt = DateTimeOffset.UtcNow.AddMinutes(-61);
            await db.SaveChangesAsync();
        }

        var worker = App.Services.GetRequiredService<PaymentReminderWorker>();
        await worker.RemindAsync(CancellationToken.None);
        await worker.RemindAsync(CancellationToken.None);

        (await MessagesAsync(conversation, "is waiting for payment")).ShouldBe(1);
        (await ReadAsync(order)).ReminderSentAt.ShouldNotBeNull();
    }

    private Task UseStripeAsync() =>
        SaveAsync(PaymentPartnerKind.Stripe, (StripePartner.SecretKey, StripeKey), (StripePartner.WebhookSecret, StripeSecret));

    private async Task SaveAsync(PaymentPartnerKind partner, params (string Key, string Value)[] credentials)
    {
        await using var scope = App.CreateScope();
        var model = new PaymentSettingsModel { Partner = partner, Currency = "HKD" };
        foreach (var (key, value) in credentials)
        {
            model.Entered[PaymentSettingsModel.FieldId(false, key)] = value;
        }

        var saved = await scope.ServiceProvider.GetRequiredService<PaymentSettingsService>().SaveAsync(Channel.Id, model, CancellationToken.None);
        saved.Errors.ShouldBeEmpty();
    }

    /// <summary>A new customer writes (so the conversation is open) and has a pending order: 2 × Silk scarf at HKD 120.50.</summary>
    private async Task<(long Conversation, long Order)> OrderAsync()
    {
        var waId = $"852900{Interlocked.Increment(ref _customers):D5}";
        var conversationId = await SandboxCustomer.WritesAsync(App, Channel, waId, "I'd like to order");
        await using var db = await App.DbAsync();
        var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId);
        var order = new Order
        {
            ChannelId = Channel.Id,
            ContactId = conversation.ContactId,
            ConversationId = conversationId,
            Currency = "HKD",
            Items = [new OrderItem { RetailerId = "scarf-01", Name = "Silk scarf", Quantity = 2, UnitPrice = 120.50m, Currency = "HKD" }],
        };
        order.Open("Customer", DateTimeOffset.UtcNow);
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return (conversationId, order.Id);
    }

    private async Task<Order> LinkAsync(long orderId)
    {
        var outcome = await App.Services.GetRequiredService<PaymentLinks>().CreateAsync(orderId, "Ada", App.BaseAddress.ToString(), CancellationToken.None);
        outcome.Error.ShouldBeNull();
        return outcome.Order!;
    }

    private async Task<Order> ReadAsync(long orderId)
    {
        await using var db = await App.DbAsync();
        return await db.Orders.AsNoTracking().Include(o => o.Changes).SingleAsync(o => o.Id == orderId);
    }

    private async Task<int> MessagesAsync(long conversationId, string text)
    {
        await using var db = await App.DbAsync();
        return await db.Messages.CountAsync(m => m.ConversationId == conversationId && m.Text != null && m.Text.Contains(text));
    }
}
