using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Interactive;
using Chatobuy.Inbox.Features.Media;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Tests.Features.Channels;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Features.Outbound;

/// <summary>The outbound service and sender against a fake Graph API, on a real migrated SQLite file.</summary>
internal sealed class OutboundHarness : IAsyncDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "chatobuy-outbound-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = default!;

    public FakeGraphApi Graph { get; } = new();

    public OutboundOptions Options { get; } = new() { BaseDelayMilliseconds = 1000, PollIntervalMilliseconds = 50 };

    public Channel Channel { get; private set; } = default!;

    public RecordingNotifier Notifier { get; } = new();

    public OutboundService Service => _services.GetRequiredService<OutboundService>();

    public OutboundSender Sender => _services.GetRequiredService<OutboundSender>();

    /// <summary>Saved interactive messages made ready for one contact, on the harness's database and media folder.</summary>
    public InteractiveSending Interactive => _services.GetRequiredService<InteractiveSending>();

    /// <summary>Quick replies, on the harness's database and media folder.</summary>
    public Chatobuy.Inbox.Features.QuickReplies.QuickReplyLibrary QuickReplies => _services.GetRequiredService<Chatobuy.Inbox.Features.QuickReplies.QuickReplyLibrary>();

    /// <summary>Private notes, on the harness's database.</summary>
    public Chatobuy.Inbox.Features.Notes.NoteService Notes => _services.GetRequiredService<Chatobuy.Inbox.Features.Notes.NoteService>();

    /// <summary>Starts on <paramref name="time"/>; the pacers run on <paramref name="pacingTime"/> (the wall clock unless given).</summary>
    public static async Task<OutboundHarness> StartAsync(TimeProvider time, Action<OutboundOptions>? configure = null, TimeProvider? pacingTime = null)
    {
        var harness = new OutboundHarness();
        configure?.Invoke(harness.Options);
        await harness.InitializeAsync(time, pacingTime ?? TimeProvider.System);
        return harness;
    }

    public async Task<InboxDbContext> DbAsync() =>
        await _services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();

    /// <summary>A customer and an open conversation with them; the window opened by a message at <paramref name="lastInboundAt"/>.</summary>
    public async Task<long> AddConversationAsync(string waId, DateTimeOffset? lastInboundAt)
    {
        await using var db = await DbAsync();
        var now = DateTimeOffset.UtcNow;
        var contact = new Contact { WaId = waId, CreatedAt = now, UpdatedAt = now };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        var conversation = new Conversation { ChannelId = Channel.Id, ContactId = contact.Id, LastInboundAt = lastInboundAt, LastMessageAt = now, CreatedAt = now };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return conversation.Id;
    }

    public async Task<Message> MessageAsync(long id)
    {
        await using var db = await DbAsync();
        return await db.Messages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public async Task<List<OutboxItem>> OutboxAsync(long messageId)
    {
        await using var db = await DbAsync();
        return await db.OutboxItems.AsNoTracking().Where(o => o.MessageId == messageId).OrderBy(o => o.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
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

    private async Task InitializeAsync(TimeProvider time, TimeProvider pacingTime)
    {
        Directory.CreateDirectory(_dataDirectory);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new DataPaths(_dataDirectory));
        services.AddDbContextFactory<InboxDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_dataDirectory, "inbox.db")}"));
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<ChannelSecrets>();
        services.AddSingleton<IGraphApi>(Graph);
        services.AddHttpClient();
        services.AddScoped<GraphClient>();
        services.AddSingleton<MediaStore>();
        services.AddSingleton(time);
        services.AddKeyedSingleton(OutboundSender.PacingClock, pacingTime);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
        services.AddSingleton<InboxEvents>();
        services.AddSingleton(typeof(WakeSignal<>));
        services.AddSingleton<SendRequestValidator>();
        services.AddSingleton<OutboundService>();
        services.AddSingleton<OutboxClaims>();
        services.AddSingleton<OutboundSender>();
        services.AddSingleton<InteractiveSending>();
        services.AddSingleton<Chatobuy.Inbox.Features.QuickReplies.QuickReplyDraftValidator>();
        services.AddSingleton<Chatobuy.Inbox.Features.QuickReplies.QuickReplyLibrary>();
        services.AddSingleton<Chatobuy.Inbox.Features.Notes.NoteService>();
        _services = services.BuildServiceProvider();
        Notifier.Attach(_services.GetRequiredService<InboxEvents>());

        await using var db = await DbAsync();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        Channel = TestChannels.New(_services.GetRequiredService<ChannelSecrets>(), "Shop", "1001");
        db.Channels.Add(Channel);
        await db.SaveChangesAsync();
    }
}

/// <summary>Records what live views are told through <see cref="InboxEvents"/>.</summary>
internal sealed class RecordingNotifier
{
    private readonly List<string> _events = [];

    public void Attach(InboxEvents events)
    {
        events.Subscribe<MessageCreated>(e => Add($"created:{e.MessageId}"));
        events.Subscribe<MessageUpdated>(e => Add($"updated:{e.MessageId}"));
        events.Subscribe<ConversationUpdated>(e => Add($"conversation:{e.ConversationId}"));
    }

    /// <summary>Waits (at most 10 s) until <paramref name="value"/> was told; delivery is asynchronous.</summary>
    public async Task ShouldBeToldAsync(string value)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Contains(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Contains(value).ShouldBeTrue($"live views were not told {value}");
    }

    private bool Contains(string value)
    {
        lock (_events)
        {
            return _events.Contains(value);
        }
    }

    private Task Add(string value)
    {
        lock (_events)
        {
            _events.Add(value);
        }

        return Task.CompletedTask;
    }
}
