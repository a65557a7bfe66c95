using System.Net;
using System.Security.Cryptography;
using System.Text;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Media;
using Chatobuy.Inbox.Tests.Features.Channels;
using Chatobuy.Inbox.Tests.Features.Inbox;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Features.Media;

/// <summary>The media worker against a fake Graph API and a fake media host, on a real SQLite file.</summary>
public sealed class MediaDownloadWorkerTests : IAsyncLifetime
{
    private const string Token = "EAAtoken1234567890abcd";
    private const string TemporaryProblem = """{"error":{"message":"An unexpected error has occurred.","type":"OAuthException","code":2,"fbtrace_id":"Atrace1"}}""";
    private static readonly byte[] Photo = Encoding.UTF8.GetBytes("not really a jpeg, but bytes all the same");

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "chatobuy-media-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeGraphApi _graph = new();
    private readonly FakeMediaHost _host = new();
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly MediaOptions _options = new() { MaxAttempts = 8, BaseDelaySeconds = 5, BatchSize = 4 };
    private ServiceProvider _services = default!;
    private Channel _channel = default!;
    private long _conversationId;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new DataPaths(_dataDirectory));
        services.AddDbContextFactory<InboxDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_dataDirectory, "inbox.db")};Pooling=false"));
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<ChannelSecrets>();
        services.AddSingleton<IGraphApi>(_graph);
        services.AddHttpClient(GraphClient.MediaDownloadClient).ConfigurePrimaryHttpMessageHandler(() => _host);
        services.AddScoped<GraphClient>();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<InboxEvents>();
        services.AddSingleton(typeof(WakeSignal<>));
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(Options.Create(_options));
        _services = services.BuildServiceProvider();
        Directory.CreateDirectory(_dataDirectory);

        await using var db = await DbAsync();
        await db.Database.MigrateAsync();
        _channel = TestChannels.New(_services.GetRequiredService<ChannelSecrets>(), "Shop", "1001");
        _channel.GraphBaseUrl = "https://graph.test";
        db.Channels.Add(_channel);
        var contact = new Contact { WaId = "15550001111", ProfileName = "Ana", CreatedAt = _time.Now, UpdatedAt = _time.Now };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        var conversation = new Conversation { ChannelId = _channel.Id, ContactId = contact.Id, LastMessageAt = _time.Now, CreatedAt = _time.Now };
        db.Conversations.Add(conversation);
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
    public async Task RunOnce_PendingImage_DownloadsWithTokenAndNamesFileByContentHash()
    {
        var hash = Sha256Hex(Photo);
        var id = await AddPendingAsync("media-1", "image/jpeg");
        OfferFile("media-1", Photo, hash, "image/jpeg");

        (await NewWorker().RunOnceAsync(CancellationToken.None)).ShouldBe(1);

        var message = await LoadAsync(id);
        message.MediaState.ShouldBe(MediaState.Downloaded);
        message.MediaPath.ShouldBe($"{hash[..2]}/{hash}.jpg");
        message.MediaSize.ShouldBe(Photo.Length);
        message.MediaError.ShouldBeNull();
        message.MediaNextAttemptAt.ShouldBeNull();
        (await File.ReadAllBytesAsync(Path.Combine(_dataDirectory, "media", hash[..2], hash + ".jpg"))).ShouldBe(Photo);
        _host.AuthorizationHeaders.ShouldBe([$"Bearer {Token}"]);
        Directory.EnumerateFiles(Path.Combine(_dataDirectory, "media", "tmp")).ShouldBeEmpty();
    }

    [Fact]
    public async Task RunOnce_SameBytesTwice_StoredOnceAndBothMessagesPointAtIt()
    {
        var hash = Sha256Hex(Photo);
        var first = await AddPendingAsync("media-a", "audio/ogg; codecs=opus");
        var second = await AddPendingAsync("media-b", "audio/ogg; codecs=opus");
        OfferFile("media-a", Photo, hash, "audio/ogg; codecs=opus");
        OfferFile("media-b", Photo, hash, "audio/ogg; codecs=opus");

        await NewWorker().RunOnceAsync(CancellationToken.None);

        (await LoadAsync(first)).MediaPath.ShouldBe($"{hash[..2]}/{hash}.ogg");
        (await LoadAsync(second)).MediaPath.ShouldBe($"{hash[..2]}/{hash}.ogg");
        Directory.EnumerateFiles(Path.Combine(_dataDirectory, "media", hash[..2])).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task RunOnce_Sha256Mismatch_FailedWithReasonAndNothingKept()
    {
        var id = await AddPendingAsync("media-2", "image/png");
        OfferFile("media-2", Photo, Sha256Hex("other bytes"u8.ToArray()), "image/png");

        await NewWorker().RunOnceAsync(CancellationToken.None);

        var message = await LoadAsync(id);
        message.MediaState.ShouldBe(MediaState.Failed);
        message.MediaError.ShouldNotBeNull();
        message.MediaError.ShouldStartWith("The downloaded file does not match the checksum Meta gave");
        message.MediaPath.ShouldBeNull();
        Directory.EnumerateFiles(Path.Combine(_dataDirectory, "media"), "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task RunOnce_TransientFailures_RetriedWithDoublingDelayThenDownloaded()
    {
        var id = await AddPendingAsync("media-3", "video/mp4");
        OfferFile("media-3", Photo, Sha256Hex(Photo), "video/mp4");
        _graph.MediaFailures.Enqueue(TemporaryProblem);
        _host.Failures.Enqueue(HttpStatusCode.InternalServerError);
        var worker = NewWorker();
        var start = _time.Now;

        await worker.RunOnceAsync(CancellationToken.None);

        var afterFirst = await LoadAsync(id);
        afterFirst.MediaState.ShouldBe(MediaState.Pending);
        afterFirst.MediaAttempts.ShouldBe(1);
        afterFirst.MediaNextAttemptAt.ShouldBe(start.AddSeconds(5));
        afterFirst.MediaError.ShouldBe("Meta had a temporary problem. Try again in a few minutes. (Meta error 2, trace Atrace1)");

        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBe(0, "not due before its next attempt");
        _time.Advance(TimeSpan.FromSeconds(5));
        await worker.RunOnceAsync(CancellationToken.None);

        var afterSecond = await LoadAsync(id);
        afterSecond.MediaState.ShouldBe(MediaState.Pending);
        afterSecond.MediaAttempts.ShouldBe(2);
        afterSecond.MediaNextAttemptAt.ShouldBe(_time.Now.AddSeconds(10));

        _time.Advance(TimeSpan.FromSeconds(10));
        await worker.RunOnceAsync(CancellationToken.None);

        var done = await LoadAsync(id);
        done.MediaState.ShouldBe(MediaState.Downloaded);
        done.MediaError.ShouldBeNull();
        done.MediaPath.ShouldEndWith(".mp4");
    }

    [Fact]
    public async Task RunOnce_FailsEveryAttempt_MarkedFailedWithPlainExplanationAfterMaxAttempts()
    {
        var id = await AddPendingAsync("media-4", "application/pdf");
        OfferFile("media-4", Photo, Sha256Hex(Photo), "application/pdf");
        _host.AlwaysFail = HttpStatusCode.NotFound;
        var worker = NewWorker();

        for (var attempt = 1; attempt < _options.MaxAttempts; attempt++)
        {
            await worker.RunOnceAsync(CancellationToken.None);
            (await LoadAsync(id)).MediaState.ShouldBe(MediaState.Pending);
            _time.Advance(TimeSpan.FromHours(1));
        }

        await worker.RunOnceAsync(CancellationToken.None);

        var message = await LoadAsync(id);
        message.MediaState.ShouldBe(MediaState.Failed);
        message.MediaAttempts.ShouldBe(_options.MaxAttempts);
        message.MediaNextAttemptAt.ShouldBeNull();
        message.MediaError.ShouldBe("The media file is no longer available at Meta (download links last 5 minutes, files 30 days). Ask the customer to send it again.");
        _host.AuthorizationHeaders.Count.ShouldBe(_options.MaxAttempts);
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBe(0, "a failed download is not tried again");
    }

    [Fact]
    public async Task RunOnce_NewWorkerAfterRestart_PicksUpPendingDownloads()
    {
        var retried = await AddPendingAsync("media-5", "image/webp");
        var untouched = await AddPendingAsync("media-6", "image/webp");
        OfferFile("media-5", Photo, Sha256Hex(Photo), "image/webp");
        OfferFile("media-6", "sticker"u8.ToArray(), Sha256Hex("sticker"u8.ToArray()), "image/webp");
        _graph.MediaFailures.Enqueue(TemporaryProblem);
        _options.BatchSize = 1;
        await NewWorker().RunOnceAsync(CancellationToken.None);
        (await LoadAsync(retried)).MediaAttempts.ShouldBe(1);
        (await LoadAsync(untouched)).MediaState.ShouldBe(MediaState.Pending);

        // The app restarts: a new worker, nothing but the database to go on.
        var afterRestart = NewWorker();
        _time.Advance(TimeSpan.FromMinutes(1));
        await afterRestart.RunOnceAsync(CancellationToken.None);
        await afterRestart.RunOnceAsync(CancellationToken.None);

        (await LoadAsync(retried)).MediaState.ShouldBe(MediaState.Downloaded);
        (await LoadAsync(untouched)).MediaState.ShouldBe(MediaState.Downloaded);
    }

    [Fact]
    public async Task RunOnce_ChannelDeleted_FailedWithReason()
    {
        var id = await AddPendingAsync("media-7", "image/jpeg");
        await using (var db = await DbAsync())
        {
            await db.Channels.ExecuteDeleteAsync();
        }

        await NewWorker().RunOnceAsync(CancellationToken.None);

        var message = await LoadAsync(id);
        message.MediaState.ShouldBe(MediaState.Failed);
        message.MediaError.ShouldBe("The channel this message came in on was deleted, so its media can no longer be downloaded.");
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(4, 40)]
    [InlineData(10, 2560)]
    [InlineData(11, 3600)]
    [InlineData(30, 3600)]
    public void BackoffAfter_Attempts_DoublesFromBaseAndStopsAtAnHour(int attempts, int expectedSeconds) =>
        MediaDownloadWorker.BackoffAfter(attempts, 5).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));

    [Fact]
    public async Task Signal_Notified_WakesWaiterBeforeItsPollInterval()
    {
        var signal = new WakeSignal<MediaDownloadWorker>();
        var waiting = signal.WaitAsync(TimeSpan.FromMinutes(5), TimeProvider.System, CancellationToken.None);

        signal.Notify();
        signal.Notify();

        (await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(10)))).ShouldBe(waiting);
    }

    private MediaDownloadWorker NewWorker() => ActivatorUtilities.CreateInstance<MediaDownloadWorker>(_services);

    private void OfferFile(string mediaId, byte[] bytes, string sha256Hex, string mimeType)
    {
        var url = $"https://lookaside.test/whatsapp_business/attachments/?mid={mediaId}";
        _graph.Media[mediaId] = new MediaInfo(url, mimeType, sha256Hex, bytes.Length, mediaId);
        _host.Files[url] = bytes;
    }

    private async Task<long> AddPendingAsync(string mediaId, string mimeType)
    {
        await using var db = await DbAsync();
        var message = new Message
        {
            ConversationId = _conversationId,
            ChannelId = _channel.Id,
            WaMessageId = $"wamid.{mediaId}",
            Direction = MessageDirection.Inbound,
            Type = "image",
            Timestamp = _time.Now,
            CreatedAt = _time.Now,
            MediaId = mediaId,
            MediaMimeType = mimeType,
            MediaState = MediaState.Pending,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        _time.Advance(TimeSpan.FromMilliseconds(1));
        return message.Id;
    }

    private async Task<Message> LoadAsync(long id)
    {
        await using var db = await DbAsync();
        return await db.Messages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private Task<InboxDbContext> DbAsync() =>
        _services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();

    private static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
