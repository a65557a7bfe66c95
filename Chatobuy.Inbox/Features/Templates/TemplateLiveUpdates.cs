using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Templates;

/// <summary>
/// Applies Meta's template webhooks (reference §7.5) to the stored templates once the delivery is committed, and
/// pushes each change to the open pages: <c>message_template_status_update</c> (status and reason; DELETED removes
/// the row), <c>message_template_quality_update</c> (quality) and <c>template_category_update</c> (category). A
/// template we do not know yet (made in Meta's own screens) brings a sync of its account.
/// </summary>
public sealed partial class TemplateLiveUpdates(
    IDbContextFactory<InboxDbContext> dbFactory,
    IServiceScopeFactory scopes,
    InboxEvents events,
    TimeProvider time,
    ILogger<TemplateLiveUpdates> logger) : BackgroundService
{
    public const string StatusField = "message_template_status_update";
    public const string QualityField = "message_template_quality_update";
    public const string CategoryField = "template_category_update";

    private IDisposable? _stored;

    private readonly Channel<StoredChannelEvent> _pending = Channel.CreateUnbounded<StoredChannelEvent>(new UnboundedChannelOptions { SingleReader = true });

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribed before the first delivery can be committed; the delivery's own instance applies it.
        _stored = events.Subscribe<StoredChannelEvent>(stored =>
        {
            if (stored.Field is StatusField or QualityField or CategoryField)
            {
                _pending.Writer.TryWrite(stored);
            }

            return Task.CompletedTask;
        }, ownInstanceOnly: true);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _stored?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                while (_pending.Reader.TryRead(out var stored))
                {
                    try
                    {
                        await ApplyAsync(stored, stoppingToken);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        // The scheduled sync repairs whatever a failed update left behind.
                        LogFailed(logger, exception, stored.Field);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task ApplyAsync(StoredChannelEvent stored, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(stored.ValueJson);
        var value = document.RootElement;
        var metaId = Read(value, "message_template_id");
        var name = Read(value, "message_template_name");
        var language = Read(value, "message_template_language");
        if (metaId is null && name is null)
        {
            return;
        }

        TemplateEvent change;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.MessageTemplates.FirstOrDefaultAsync(t => t.WabaId == stored.WabaId && t.MetaId == metaId, cancellationToken)
                ?? await db.MessageTemplates.FirstOrDefaultAsync(t => t.WabaId == stored.WabaId && t.Name == name && t.Language == language, cancellationToken);
            if (row is null)
            {
                if (stored.ChannelId is not null && Read(value, "event") != "DELETED")
                {
                    await SyncAsync(stored.ChannelId, cancellationToken);
                }

                return;
            }

            switch (stored.Field)
            {
                case StatusField when Read(value, "event") is "DELETED":
                    db.MessageTemplates.Remove(row);
                    await db.SaveChangesAsync(cancellationToken);
                    events.Publish(TemplateEvent.Of(row, deleted: true));
                    return;
                case StatusField when Read(value, "event") is { } status:
                    var reason = Read(value, "reason");
                    row.Status = status;
                    row.RejectedReason = reason is null or "NONE" || status is "APPROVED" or "PENDING" or "REINSTATED" ? null : reason;
                    if (Read(value, "message_template_category") is { } category)
                    {
                        row.Category = category;
                    }

                    break;
                case QualityField when Read(value, "new_quality_score") is { } score:
                    row.QualityScore = score;
                    break;
                case CategoryField when Read(value, "new_category") is { } newCategory:
                    row.PreviousCategory = Read(value, "previous_category") ?? (row.Category != newCategory ? row.Category : row.PreviousCategory);
                    row.Category = newCategory;
                    break;
                default:
                    return;
            }

            row.UpdatedAt = stored.EventTime ?? time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            change = TemplateEvent.Of(row);
        }

        LogApplied(logger, stored.Field, change.Status);
        events.Publish(change);
    }

    private async Task SyncAsync(string channelId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TemplateSync>().SyncChannelAsync(channelId, cancellationToken);
    }

    /// <summary>A string or number property as text (Meta sends <c>message_template_id</c> as a number).</summary>
    private static string? Read(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var property)
            ? property.ValueKind switch
            {
                JsonValueKind.String => property.GetString(),
                JsonValueKind.Number => property.GetRawText().ToString(CultureInfo.InvariantCulture),
                _ => null,
            }
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Template webhook {Field} applied (status {Status})")]
    private static partial void LogApplied(ILogger logger, string field, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Template webhook {Field} could not be applied; the next sync will catch up")]
    private static partial void LogFailed(ILogger logger, Exception exception, string field);
}
