using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Forwarding;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Chatobuy.Inbox.Tests.Features.Forwarding;

/// <summary>
/// The forwarding queue, sender and service on a real migrated SQLite file, a fake clock, and a receiver on loopback
/// Kestrel. The sender is stepped with <see cref="ForwardingSender.RunOnceAsync"/>; nothing runs in the background.
/// </summary>
internal sealed class ForwardingHarness : IAsyncDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "chatobuy-forwarding-tests", Guid.NewGuid().ToString("N"));
    private readonly List<object> _published = [];
    private ServiceProvider _services = default!;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public ForwardingOptions Options { get; } = new() { BaseDelaySeconds = 10, MaxDelaySeconds = 3600, PauseAfterFailures = 1000 };

    public ForwardingReceiver Receiver { get; private set; } = default!;

    public Channel Channel { get; private set; } = default!;

    public ForwardingQueue Queue => _services.GetRequiredService<ForwardingQueue>();

    public ForwardingSender Sender => _services.GetRequiredService<ForwardingSender>();

    public ForwardingService Service => _services.GetRequiredService<ForwardingService>();

    /// <summary>What was published on the event bus, in order.</summary>
    public IReadOnlyList<object> Published
    {
        get
        {
            lock (_published)
            {
                return _published.ToList();
            }
        }
    }

    public static async Task<ForwardingHarness> StartAsync(Action<ForwardingOptions>? configure = null)
    {
        var harness = new ForwardingHarness();
        configure?.Invoke(harness.Options);
        await harness.InitializeAsync();
        return harness;
    }

    /// <summary>Queues one of our own events in <paramref name="conversationId"/>'s lane, told apart by <paramref name="label"/>.</summary>
    public async Task<ForwardedEvent> AddAsync(long conversationId, string label) =>
        (await Queue.AddOwnAsync(Channel.Id, ForwardingEventTypes.ConversationAssigned, conversationId, w => w.WriteString("label", label), CancellationToken.None))!;

    public Task<int> RunOnceAsync() => Sender.RunOnceAsync(CancellationToken.None);

    /// <summary>Steps the sender until nothing is pending (at most 30 passes), moving the clock by <paramref name="step"/> whenever a pass sent nothing.</summary>
    public async Task DrainAsync(TimeSpan step)
    {
        for (var pass = 0; pass < 30; pass++)
        {
            if (await RunOnceAsync() > 0)
            {
                continue;
            }

            if ((await RowsAsync()).All(r => r.State != ForwardingState.Pending))
            {
                return;
            }

            Clock.Advance(step);
        }
    }

    public static string Label(ReceivedEvent received) => received.Json["data"]!["label"]!.GetValue<string>();

    public async Task<ForwardedEvent> RowAsync(long id)
    {
        await using var db = await DbAsync();
        return await db.Set<ForwardedEvent>().AsNoTracking().SingleAsync(e => e.Id == id);
    }

    public async Task<List<ForwardedEvent>> RowsAsync()
    {
        await using var db = await DbAsync();
        return await db.Set<ForwardedEvent>().AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Waits (up to 10 s) for an event of type <typeparamref name="T"/> on the bus: delivery to subscribers is asynchronous.</summary>
    public async Task<T> PublishedAsync<T>()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (Published.OfType<T>().FirstOrDefault() is { } found)
            {
                return found;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"{typeof(T).Name} was never published");
            await Task.Delay(20);
        }
    }

    public async Task<InboxDbContext> DbAsync() =>
        await _services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Under the temp folder anyway.
        }
    }

    private async Task InitializeAsync()
    {
        Receiver = await ForwardingReceiver.StartAsync();
        Directory.CreateDirectory(_dataDirectory);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContextFactory<InboxDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_dataDirectory, "inbox.db")}"));
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<ChannelSecrets>();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
        services.AddSingleton<InboxEvents>();
        services.AddSingleton(typeof(WakeSignal<>));
        services.AddHttpClient(ForwardingSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<ForwardingQueue>();
        services.AddSingleton<ForwardingSender>();
        services.AddSingleton<ForwardingService>();
        _services = services.BuildServiceProvider();
        var events = _services.GetRequiredService<InboxEvents>();
        events.Subscribe<ForwardingPaused>(Record);
        events.Subscribe<ChannelUpdated>(Record);

        await using var db = await DbAsync();
        await db.Database.MigrateAsync();
        Channel = TestChannels.New(_services.GetRequiredService<ChannelSecrets>(), "Shop", "1001");
        Channel.ForwardingWebhookUrl = Receiver.Url;
        db.Channels.Add(Channel);
        await db.SaveChangesAsync();
    }

    private Task Record(object change)
    {
        lock (_published)
        {
            _published.Add(change);
        }

        return Task.CompletedTask;
    }
}
