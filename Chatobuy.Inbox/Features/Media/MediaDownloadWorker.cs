using System.Globalization;
using System.Security.Cryptography;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Media;

/// <summary>
/// Downloads the media of inbound messages after ingestion has committed them (<c>MediaState = Pending</c>):
/// asks Graph for the file's URL, downloads it with the channel's token, checks Meta's sha256 and stores it by
/// content hash. Failures are retried with a doubling delay; everything it knows is in the database, so a restart
/// simply carries on. A stored message (<see cref="ConversationChanged"/> with messages created, or <see cref="MessageCreated"/>) wakes it before its next poll.
/// </summary>
public sealed partial class MediaDownloadWorker(
    IDbContextFactory<InboxDbContext> dbFactory,
    IServiceScopeFactory scopes,
    ChannelSecrets secrets,
    MediaStore store,
    WakeSignal<MediaDownloadWorker> signal,
    InboxEvents events,
    IOptions<MediaOptions> options,
    TimeProvider time,
    ILogger<MediaDownloadWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds);
        using var wakeUps = events.Subscribe<IConversationEvent>(_ =>
        {
            signal.Notify();
            return Task.CompletedTask;
        }, ownInstanceOnly: true, filter: e => e is MessageCreated or ConversationChanged { Created.Count: > 0 });
        while (!stoppingToken.IsCancellationRequested)
        {
            var taken = 0;
            try
            {
                taken = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPassFailed(exception);
            }

            // A full batch means more may be due: go on at once. Otherwise sleep until woken or the next poll.
            if (taken < options.Value.BatchSize)
            {
                await signal.WaitAsync(interval, time, stoppingToken);
            }
        }
    }

    /// <summary>One pass: takes up to a batch of due downloads, oldest first, and works through them. Returns how many it took.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Messages.AsNoTracking()
                .Where(m => m.MediaState == MediaState.Pending && (m.MediaNextAttemptAt == null || m.MediaNextAttemptAt <= now))
                .OrderBy(m => m.CreatedAt)
                .ThenBy(m => m.Id)
                .Select(m => m.Id)
                .Take(options.Value.BatchSize)
                .ToListAsync(cancellationToken);
        }

        foreach (var messageId in due)
        {
            await DownloadAsync(messageId, cancellationToken);
        }

        return due.Count;
    }

    /// <summary>The delay before the next try after <paramref name="attempts"/> failures: base, 2×base, 4×base, … at most an hour.</summary>
    public static TimeSpan BackoffAfter(int attempts, int baseDelaySeconds)
    {
        var seconds = baseDelaySeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return seconds >= MaxDelay.TotalSeconds ? MaxDelay : TimeSpan.FromSeconds(seconds);
    }

    private async Task DownloadAsync(long messageId, CancellationToken cancellationToken)
    {
        PendingMedia? work;
        Channel? channel = null;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            work = await db.Messages.AsNoTracking()
                .Where(m => m.Id == messageId && m.MediaState == MediaState.Pending)
                .Select(m => new PendingMedia(m.Id, m.ChannelId, m.MediaId, m.MediaMimeType, m.MediaSha256, m.MediaAttempts))
                .FirstOrDefaultAsync(cancellationToken);
            if (work is not null)
            {
                channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == work.ChannelId, cancellationToken);
            }
        }

        if (work is null)
        {
            return;
        }

        try
        {
            await DownloadAsync(work, channel, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogStorageFailed(exception, work.Id);
            await FailAttemptAsync(work, "The file could not be saved in the media folder (check free disk space and permissions).", cancellationToken);
        }
    }

    private async Task DownloadAsync(PendingMedia work, Channel? channel, CancellationToken cancellationToken)
    {
        if (channel is null)
        {
            await GiveUpAsync(work, "The channel this message came in on was deleted, so its media can no longer be downloaded.", cancellationToken);
            return;
        }

        if (string.IsNullOrWhiteSpace(work.MediaId))
        {
            await GiveUpAsync(work, "Meta sent this message without a media id, so there is nothing to download.", cancellationToken);
            return;
        }

        GraphConnection connection;
        try
        {
            connection = secrets.ConnectionOf(channel);
        }
        catch (CryptographicException)
        {
            await FailAttemptAsync(work, "The channel's access token cannot be read (the key ring changed). Reconnect the channel.", cancellationToken);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var graph = scope.ServiceProvider.GetRequiredService<GraphClient>();

        var info = await graph.GetMediaAsync(connection, work.MediaId, cancellationToken);
        if (!info.Succeeded)
        {
            await FailAttemptAsync(work, Describe(info.Error!), cancellationToken);
            return;
        }

        var media = info.Value!;
        var maxBytes = options.Value.MaxFileMegabytes * 1024L * 1024L;
        if (media.FileSize > maxBytes)
        {
            await GiveUpAsync(work, $"The file is {media.FileSize} bytes, more than the {options.Value.MaxFileMegabytes} MB this inbox accepts (Media:MaxFileMegabytes).", cancellationToken);
            return;
        }

        var temporary = store.NewTemporaryPath();
        try
        {
            GraphResult<long> downloaded;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                downloaded = await graph.DownloadMediaAsync(connection, media.Url, file, cancellationToken);
            }

            if (!downloaded.Succeeded)
            {
                await FailAttemptAsync(work, Describe(downloaded.Error!), cancellationToken);
                return;
            }

            string actual;
            await using (var file = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
            {
                actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
            }

            var expected = NormalizeSha256(media.Sha256) ?? NormalizeSha256(work.MediaSha256);
            if (expected is not null && expected != actual)
            {
                await GiveUpAsync(work, $"The downloaded file does not match the checksum Meta gave (sha256 {expected}, the file has {actual}), so it was not kept. Ask the customer to send it again.", cancellationToken);
                return;
            }

            var mimeType = work.MediaMimeType ?? media.MimeType;
            var relative = store.Commit(temporary, actual, mimeType);
            var size = downloaded.Value;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Messages
                .Where(m => m.Id == work.Id && m.MediaState == MediaState.Pending)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.MediaState, MediaState.Downloaded)
                        .SetProperty(m => m.MediaPath, relative)
                        .SetProperty(m => m.MediaSize, size)
                        .SetProperty(m => m.MediaMimeType, mimeType)
                        .SetProperty(m => m.MediaError, (string?)null)
                        .SetProperty(m => m.MediaNextAttemptAt, (DateTimeOffset?)null),
                    cancellationToken);
            LogDownloaded(work.Id, work.ChannelId, size);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Counts a failed attempt: try again later, or give up once the attempts are used.</summary>
    private async Task FailAttemptAsync(PendingMedia work, string reason, CancellationToken cancellationToken)
    {
        var attempts = work.Attempts + 1;
        if (attempts >= options.Value.MaxAttempts)
        {
            await SaveFailureAsync(work.Id, MediaState.Failed, attempts, null, reason, cancellationToken);
            LogGaveUp(work.Id, work.ChannelId, attempts);
            return;
        }

        var next = time.GetUtcNow() + BackoffAfter(attempts, options.Value.BaseDelaySeconds);
        await SaveFailureAsync(work.Id, MediaState.Pending, attempts, next, reason, cancellationToken);
        LogRetryScheduled(work.Id, work.ChannelId, attempts, next);
    }

    /// <summary>A failure that trying again cannot fix.</summary>
    private async Task GiveUpAsync(PendingMedia work, string reason, CancellationToken cancellationToken)
    {
        await SaveFailureAsync(work.Id, MediaState.Failed, work.Attempts + 1, null, reason, cancellationToken);
        LogGaveUp(work.Id, work.ChannelId, work.Attempts + 1);
    }

    private async Task SaveFailureAsync(
        long messageId,
        MediaState state,
        int attempts,
        DateTimeOffset? nextAttemptAt,
        string reason,
        CancellationToken cancellationToken)
    {
        var error = reason.Length > 1000 ? reason[..1000] : reason;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Messages
            .Where(m => m.Id == messageId && m.MediaState == MediaState.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.MediaState, state)
                    .SetProperty(m => m.MediaAttempts, attempts)
                    .SetProperty(m => m.MediaNextAttemptAt, nextAttemptAt)
                    .SetProperty(m => m.MediaError, error),
                cancellationToken);
    }

    /// <summary>The plain explanation and next step; Meta's code and trace only when Meta actually answered with one.</summary>
    private static string Describe(GraphError error) =>
        error.Code < 0 ? $"{error.Explanation} {error.NextStep}" : error.ForUser;

    /// <summary>Meta's sha256 as lowercase hex: given as hex (Graph) or, in some webhooks, base64.</summary>
    internal static string? NormalizeSha256(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 64 && trimmed.All(char.IsAsciiHexDigit))
        {
            return trimmed.ToLowerInvariant();
        }

        var bytes = new byte[48];
        return Convert.TryFromBase64String(trimmed, bytes, out var written) && written == 32
            ? Convert.ToHexStringLower(bytes.AsSpan(0, 32))
            : trimmed.ToLower(CultureInfo.InvariantCulture);
    }

    private sealed record PendingMedia(long Id, string ChannelId, string? MediaId, string? MediaMimeType, string? MediaSha256, int Attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Media of message {MessageId} (channel {ChannelId}) downloaded, {Size} bytes")]
    private partial void LogDownloaded(long messageId, string channelId, long size);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media of message {MessageId} (channel {ChannelId}) failed on attempt {Attempts}; next try at {NextAttemptAt:o}")]
    private partial void LogRetryScheduled(long messageId, string channelId, int attempts, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media of message {MessageId} (channel {ChannelId}) given up after {Attempts} attempt(s)")]
    private partial void LogGaveUp(long messageId, string channelId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Media of message {MessageId} could not be stored")]
    private partial void LogStorageFailed(Exception exception, long messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A media download pass failed; the next pass retries")]
    private partial void LogPassFailed(Exception exception);
}
