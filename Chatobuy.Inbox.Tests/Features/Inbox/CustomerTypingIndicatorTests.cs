using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Tests.Features.Channels;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

/// <summary>When the customer is shown "typing…" while an agent types: once per 20 seconds per conversation.</summary>
public sealed class CustomerTypingIndicatorTests : IAsyncLifetime
{
    private const string CustomerMessage = "wamid.customer-1";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "chatobuy-typing-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeGraphApi _graph = new();
    private ServiceProvider _services = default!;
    private long _conversationId;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContextFactory<InboxDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_dataDirectory, "inbox.db")}"));
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<ChannelSecrets>();
        services.AddSingleton<IGraphApi>(_graph);
        services.AddHttpClient();
        services.AddScoped<GraphClient>();
        services.AddScoped<ReadReceipts>();
        services.AddScoped<CustomerTypingIndicator>();
        services.AddSingleton<TimeProvider>(_time);
        _services = services.BuildServiceProvider();

        await using var db = await _services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        var channel = TestChannels.New(_services.GetRequiredService<ChannelSecrets>(), "Shop", "1001");
        db.Channels.Add(channel);
        var now = _time.GetUtcNow();
        var contact = new Contact { WaId = "5511900000001", CreatedAt = now, UpdatedAt = now };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        var conversation = new Conversation { ChannelId = channel.Id, ContactId = contact.Id, LastInboundAt = now, LastMessageAt = now, CreatedAt = now };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        db.Messages.Add(new Message
        {
            ConversationId = conversation.Id, ChannelId = channel.Id, WaMessageId = CustomerMessage, Direction = MessageDirection.Inbound,
            Type = "text", Text = "Where is my order?", Timestamp = now, CreatedAt = now,
        });
        await db.SaveChangesAsync();
        _conversationId = conversation.Id;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Under the temp folder anyway.
        }
    }

    [Fact]
    public async Task AgentTyped_KeysWithin20Seconds_TheCustomerIsToldOnceThenAgain()
    {
        await using var scope = _services.CreateAsyncScope();
        var typing = scope.ServiceProvider.GetRequiredService<CustomerTypingIndicator>();

        await typing.AgentTypedAsync(_conversationId, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(20));
        await typing.AgentTypedAsync(_conversationId, CancellationToken.None);
        ReadMarks().ShouldBe(1);

        _time.Advance(TimeSpan.FromSeconds(1));
        await typing.AgentTypedAsync(_conversationId, CancellationToken.None);
        ReadMarks().ShouldBe(2);
    }

    [Fact]
    public async Task AgentTyped_MetaRefuses_NothingThrown()
    {
        _graph.FailWithErrorJson = """{"error":{"message":"Invalid OAuth access token","type":"OAuthException","code":190}}""";
        await using var scope = _services.CreateAsyncScope();
        var typing = scope.ServiceProvider.GetRequiredService<CustomerTypingIndicator>();

        await typing.AgentTypedAsync(_conversationId, CancellationToken.None);

        ReadMarks().ShouldBe(1);
    }

    private int ReadMarks() => _graph.Calls.Count(c => c == $"read:{CustomerMessage}");
}
