using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Orders;
using Chatobuy.Inbox.Features.Payments;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Orders;

/// <summary>
/// One app for the order components: a Sandbox channel whose payments use a custom link (its customers are real
/// Sandbox customers), a channel without a payment partner, and the agent Ada. The components get the app's services.
/// </summary>
public sealed class OrderComponentsFixture : IAsyncLifetime
{
    private static int _customers;

    public InboxApp App { get; } = new();

    /// <summary>The Sandbox channel, paid by custom link.</summary>
    public Channel Shop { get; private set; } = default!;

    /// <summary>A channel with no payment partner (its number is not the Sandbox's: nothing is ever sent on it).</summary>
    public Channel Plain { get; private set; } = default!;

    public string AgentId { get; private set; } = "";

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

        Shop = await SandboxChannel.ConnectAsync(App, "Shop");
        Plain = TestChannels.New(App.Services.GetRequiredService<ChannelSecrets>(), "Plain", "9990001", "9990002");
        await using var db = await App.DbAsync();
        AgentId = await db.Users.Where(u => u.Email == "ada@example.com").Select(u => u.Id).SingleAsync();
        db.Channels.Add(Plain);
        db.PaymentSettings.Add(new PaymentSettings { ChannelId = Shop.Id, Partner = PaymentPartnerKind.CustomLink, CustomLinkTemplate = "https://pay.example.com/{order_number}?amount={total}" });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => App.DisposeAsync();

    /// <summary>A new Sandbox customer who has just written to the shop; returns the conversation and their number.</summary>
    public async Task<(long Conversation, string Customer)> ShopCustomerAsync()
    {
        var customer = $"55119500{Interlocked.Increment(ref _customers):D5}";
        return (await SandboxCustomer.WritesAsync(App, Shop, customer, "Hello"), customer);
    }

    /// <summary>A contact on the plain channel, with a conversation when <paramref name="withConversation"/>.</summary>
    public async Task<(long ContactId, long? ConversationId)> PlainContactAsync(string name, bool withConversation)
    {
        await using var db = await App.DbAsync();
        var now = DateTimeOffset.UtcNow;
        var contact = new Contact { WaId = $"55219600{Interlocked.Increment(ref _customers):D5}", ProfileName = name, CreatedAt = now, UpdatedAt = now };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        if (!withConversation)
        {
            return (contact.Id, null);
        }

        var conversation = new Conversation { ChannelId = Plain.Id, ContactId = contact.Id, LastInboundAt = now, LastMessageAt = now, CreatedAt = now };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return (contact.Id, conversation.Id);
    }

    /// <summary>An order on the plain channel for the contact, in <paramref name="status"/>, opened by the customer.</summary>
    public async Task<Order> PlainOrderAsync(long contactId, long? conversationId, OrderStatus status, params (string Name, int Quantity, decimal Price)[] items)
    {
        await using var db = await App.DbAsync();
        var order = new Order
        {
            ChannelId = Plain.Id,
            ContactId = contactId,
            ConversationId = conversationId,
            Currency = "USD",
            Items = items.Select(i => new OrderItem { RetailerId = i.Name.ToUpperInvariant().Replace(' ', '-'), Name = i.Name, Quantity = i.Quantity, UnitPrice = i.Price, Currency = "USD" }).ToList(),
        };
        order.Open(OrderIntake.CustomerActor, DateTimeOffset.UtcNow);
        order.Status = status;
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }
}
