using System.Text.Json;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Templates;

/// <summary>
/// Pulls every page of a WhatsApp Business Account's templates from Meta and makes the stored rows match: new
/// ones added, changed ones updated, the ones Meta no longer lists removed. Templates belong to the account, so a
/// sync through any channel on it serves them all.
/// </summary>
public sealed partial class TemplateSync(
    IDbContextFactory<InboxDbContext> dbFactory,
    GraphClient graph,
    ChannelSecrets secrets,
    InboxEvents events,
    Microsoft.Extensions.Options.IOptions<TemplatesOptions> options,
    TimeProvider time,
    ILogger<TemplateSync> logger)
{
    public async Task<TemplateSyncResult> SyncChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        Channel? channel;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        }

        return channel is null
            ? new TemplateSyncResult(false, Error: GraphErrorExplainer.Explain(GraphErrorExplainer.UnexpectedAnswer, null, null, "This channel no longer exists.", null, null, GraphOperation.ListTemplates))
            : await SyncAsync(channel, cancellationToken);
    }

    public async Task<TemplateSyncResult> SyncAsync(Channel channel, CancellationToken cancellationToken)
    {
        // Rows created or changed here after this moment are newer than Meta's list: the sync leaves them alone.
        var listedAt = time.GetUtcNow();
        var listed = await graph.ListTemplatesAsync(secrets.ConnectionOf(channel), channel.WabaId, cancellationToken, pageSize: options.Value.SyncPageSize);
        if (!listed.Succeeded)
        {
            LogFailed(logger, LogMaskWaba(channel.WabaId), listed.Error!.Code, listed.Error.Subcode);
            return new TemplateSyncResult(false, Error: listed.Error);
        }

        var now = time.GetUtcNow();
        var changes = new List<TemplateEvent>();
        int added = 0, changed = 0, removed = 0;
        for (var attempt = 1; ; attempt++)
        {
            changes.Clear();
            added = changed = removed = 0;
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var stored = await db.MessageTemplates.Where(t => t.WabaId == channel.WabaId).ToListAsync(cancellationToken);
                var byMetaId = stored.GroupBy(t => t.MetaId).ToDictionary(g => g.Key, g => g.First());
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var data in listed.Value!.Where(d => !string.IsNullOrEmpty(d.Id) && d.Name is not null))
                {
                    if (!seen.Add(data.Id))
                    {
                        continue;
                    }

                    if (!byMetaId.TryGetValue(data.Id, out var row))
                    {
                        row = new MessageTemplate { WabaId = channel.WabaId, MetaId = data.Id };
                        db.MessageTemplates.Add(row);
                        Apply(row, data);
                        row.UpdatedAt = now;
                        added++;
                        changes.Add(TemplateEvent.Of(row));
                    }
                    else if (row.UpdatedAt <= listedAt && Apply(row, data))
                    {
                        row.UpdatedAt = now;
                        changed++;
                        changes.Add(TemplateEvent.Of(row));
                    }

                    row.SyncedAt = now;
                }

                foreach (var gone in stored.Where(t => !seen.Contains(t.MetaId) && t.UpdatedAt <= listedAt))
                {
                    db.MessageTemplates.Remove(gone);
                    removed++;
                    changes.Add(TemplateEvent.Of(gone, deleted: true));
                }

                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A template was created or changed here at the same moment: read the rows again.
            }
        }

        LogSynced(logger, LogMaskWaba(channel.WabaId), listed.Value!.Count, added, changed, removed);
        foreach (var change in changes)
        {
            events.Publish(change);
        }

        return new TemplateSyncResult(true, listed.Value!.Select(d => d.Id).Distinct().Count(), added, changed, removed);
    }

    /// <summary>Removes the stored templates of accounts that no channel serves any more; returns how many.</summary>
    public async Task<int> ForgetUnservedAccountsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MessageTemplates
            .Where(t => !db.Channels.Any(c => c.WabaId == t.WabaId))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Copies Meta's view onto the row; true when something the user sees changed.</summary>
    public static bool Apply(MessageTemplate row, TemplateData data)
    {
        var before = (row.Name, row.Language, row.Category, row.Status, row.RejectedReason, row.QualityScore, row.PreviousCategory, row.ParameterFormat, row.ComponentsJson);
        row.Name = data.Name ?? row.Name;
        row.Language = data.Language ?? row.Language;
        row.Category = data.Category ?? row.Category;
        row.Status = data.Status ?? row.Status;
        row.RejectedReason = data.RejectedReason is null or "NONE" ? null : data.RejectedReason;
        row.QualityScore = data.QualityScore?.Score ?? row.QualityScore;
        row.PreviousCategory = data.PreviousCategory ?? row.PreviousCategory;
        row.ParameterFormat = string.Equals(data.ParameterFormat, TemplateContent.Named, StringComparison.OrdinalIgnoreCase) ? TemplateContent.Named : TemplateContent.Positional;
        if (data.Components is { ValueKind: JsonValueKind.Array } components)
        {
            row.ComponentsJson = components.GetRawText();
        }

        return before != (row.Name, row.Language, row.Category, row.Status, row.RejectedReason, row.QualityScore, row.PreviousCategory, row.ParameterFormat, row.ComponentsJson);
    }

    private static string LogMaskWaba(string wabaId) => LogMask.Id(wabaId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Templates of account {WabaId} synced: {Total} at Meta, {Added} added, {Changed} changed, {Removed} removed")]
    private static partial void LogSynced(ILogger logger, string wabaId, int total, int added, int changed, int removed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Templates of account {WabaId} could not be synced: Graph error {Code}/{Subcode}")]
    private static partial void LogFailed(ILogger logger, string wabaId, int code, int? subcode);
}
