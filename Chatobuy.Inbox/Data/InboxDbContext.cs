using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Interactive;
using Chatobuy.Inbox.Features.Orders;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.Payments;
using Chatobuy.Inbox.Features.Store;
using Chatobuy.Inbox.Features.Templates;
using Chatobuy.Inbox.Features.Usage;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Features.Webhooks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Chatobuy.Inbox.Data;

public sealed class InboxDbContext(DbContextOptions<InboxDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<Channel> Channels => Set<Channel>();

    public DbSet<Features.Alerts.ChannelNotice> ChannelNotices => Set<Features.Alerts.ChannelNotice>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<Reaction> Reactions => Set<Reaction>();

    public DbSet<MessageStatusUpdate> MessageStatusUpdates => Set<MessageStatusUpdate>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<ChannelEvent> ChannelEvents => Set<ChannelEvent>();

    public DbSet<OutboxItem> OutboxItems => Set<OutboxItem>();

    public DbSet<MessageTemplate> MessageTemplates => Set<MessageTemplate>();

    public DbSet<InteractiveMessage> InteractiveMessages => Set<InteractiveMessage>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderItem> OrderItems => Set<OrderItem>();

    public DbSet<OrderChange> OrderChanges => Set<OrderChange>();

    public DbSet<PaymentSettings> PaymentSettings => Set<PaymentSettings>();

    public DbSet<ChannelUsageMonth> ChannelUsageMonths => Set<ChannelUsageMonth>();

    public DbSet<UsageTallyState> UsageTallyStates => Set<UsageTallyState>();

    public DbSet<CatalogProduct> CatalogProducts => Set<CatalogProduct>();

    public DbSet<ChannelStore> ChannelStores => Set<ChannelStore>();

    public DbSet<Features.Notifications.Notification> Notifications => Set<Features.Notifications.Notification>();

    public DbSet<Features.Availability.AgentSettings> AgentSettings => Set<Features.Availability.AgentSettings>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare DateTimeOffset text; store it as a sortable number.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(InboxDbContext).Assembly);
    }
}
