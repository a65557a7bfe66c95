using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.CloudApi.Templates;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Templates;

/// <summary>
/// Creates, edits and deletes templates at Meta through a channel, then stores what Meta answered. Nothing is
/// stored when Meta refuses. Reads come from the stored rows (kept current by sync and webhooks).
/// </summary>
public sealed class TemplateManager(
    IDbContextFactory<InboxDbContext> dbFactory,
    GraphClient graph,
    ResumableUploader uploader,
    ChannelSecrets secrets,
    GraphTargets targets,
    InboxEvents events,
    TimeProvider time)
{
    /// <summary>The largest example file accepted for a media header (Meta's video limit).</summary>
    public const long MaxHeaderExampleBytes = 16 * 1024 * 1024;

    /// <summary>Uploads a media header's example file with Meta's Resumable Upload; the value is the handle for <c>header_handle</c>.</summary>
    public async Task<GraphResult<string>> UploadHeaderExampleAsync(
        string channelId,
        string fileName,
        string mimeType,
        ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken = default)
    {
        if (await FindChannelAsync(channelId, cancellationToken) is not { } channel)
        {
            return GraphResult<string>.Fail(GraphErrorExplainer.Explain(GraphErrorExplainer.UnexpectedAnswer, null, null, "This channel no longer exists.", null, null, GraphOperation.CreateTemplate));
        }

        return await uploader.UploadAsync(secrets.ConnectionOf(channel), fileName, mimeType, content, cancellationToken);
    }

    public async Task<TemplateChannel?> GetChannelAsync(string channelId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        return channel is null
            ? null
            : new TemplateChannel(channel.Id, channel.Title, channel.WabaId, channel.WabaName, channel.DisplayPhoneNumber, targets.IsSandbox(channel.GraphBaseUrl));
    }

    /// <summary>The account's templates, by name then language.</summary>
    public async Task<IReadOnlyList<MessageTemplate>> ListAsync(string wabaId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MessageTemplates.AsNoTracking()
            .Where(t => t.WabaId == wabaId)
            .OrderBy(t => t.Name).ThenBy(t => t.Language)
            .ToListAsync(cancellationToken);
    }

    public async Task<MessageTemplate?> GetAsync(string wabaId, long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.WabaId == wabaId && t.Id == id, cancellationToken);
    }

    /// <summary>Submits a new template for review; stored as Meta answered (PENDING).</summary>
    public async Task<TemplateCommandResult> CreateAsync(string channelId, TemplateDraft draft, CancellationToken cancellationToken = default)
    {
        if (await FindChannelAsync(channelId, cancellationToken) is not { } channel)
        {
            return TemplateCommandResult.Fail("This channel no longer exists.");
        }

        var request = draft.ToCreateRequest();
        var created = await graph.CreateTemplateAsync(secrets.ConnectionOf(channel), channel.WabaId, request, cancellationToken);
        if (!created.Succeeded)
        {
            return TemplateCommandResult.Refused(created.Error!);
        }

        // Meta's own copy (it writes the texts of authentication templates itself); ours stands if it can't be read.
        var copy = await graph.GetTemplateAsync(secrets.ConnectionOf(channel), created.Value!.Id, cancellationToken);
        var now = time.GetUtcNow();
        MessageTemplate row;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

                // A webhook or sync may have stored it already (or does so meanwhile: then this runs again).
                var stored = await db.MessageTemplates.FirstOrDefaultAsync(t => t.WabaId == channel.WabaId && t.MetaId == created.Value.Id, cancellationToken);
                row = stored ?? db.MessageTemplates.Add(new MessageTemplate { WabaId = channel.WabaId, MetaId = created.Value.Id, Status = created.Value.Status ?? "PENDING" }).Entity;
                var storedStatus = (stored?.Status, stored?.RejectedReason);
                row.Name = draft.Name.Trim();
                row.Language = draft.Language;
                row.Category = created.Value.Category ?? draft.Category;
                row.ParameterFormat = request.ParameterFormat;
                row.ComponentsJson = TemplateComponents.ToJson(request.Components);
                row.UpdatedAt = now;
                row.SyncedAt = now;
                if (copy is { Succeeded: true, Value: { } meta })
                {
                    TemplateSync.Apply(row, meta);
                }

                // A status stored meanwhile (the review's webhook, a sync) is newer than the copy read just after creating.
                if (stored is not null)
                {
                    (row.Status, row.RejectedReason) = (storedStatus.Status!, storedStatus.RejectedReason);
                }

                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Stored by a sync at the same moment: read it and update it instead.
            }
        }

        events.Publish(TemplateEvent.Of(row));
        return new TemplateCommandResult(true, row);
    }

    /// <summary>Replaces the components (and category, when changed) of a template; it goes back to PENDING.</summary>
    public async Task<TemplateCommandResult> EditAsync(string channelId, long templateId, TemplateDraft draft, CancellationToken cancellationToken = default)
    {
        if (await FindChannelAsync(channelId, cancellationToken) is not { } channel)
        {
            return TemplateCommandResult.Fail("This channel no longer exists.");
        }

        if (await GetAsync(channel.WabaId, templateId, cancellationToken) is not { } existing)
        {
            return TemplateCommandResult.Fail("This template no longer exists. Sync to see what Meta has.");
        }

        var request = draft.ToEditRequest(existing.Category);
        var edited = await graph.EditTemplateAsync(secrets.ConnectionOf(channel), existing.MetaId, request, cancellationToken);
        if (!edited.Succeeded)
        {
            return TemplateCommandResult.Refused(edited.Error!);
        }

        MessageTemplate row;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            row = await db.MessageTemplates.FirstAsync(t => t.Id == templateId, cancellationToken);
            row.ComponentsJson = TemplateComponents.ToJson(request.Components);
            row.Category = draft.Category;
            row.Status = "PENDING";
            row.RejectedReason = null;
            row.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        events.Publish(TemplateEvent.Of(row));
        return new TemplateCommandResult(true, row);
    }

    /// <summary>Deletes one language of a template, or with <paramref name="allLanguages"/> every language of its name.</summary>
    public async Task<TemplateCommandResult> DeleteAsync(string channelId, long templateId, bool allLanguages, CancellationToken cancellationToken = default)
    {
        if (await FindChannelAsync(channelId, cancellationToken) is not { } channel)
        {
            return TemplateCommandResult.Fail("This channel no longer exists.");
        }

        if (await GetAsync(channel.WabaId, templateId, cancellationToken) is not { } existing)
        {
            return TemplateCommandResult.Fail("This template no longer exists. Sync to see what Meta has.");
        }

        var deleted = await graph.DeleteTemplateAsync(secrets.ConnectionOf(channel), channel.WabaId, existing.Name, allLanguages ? null : existing.MetaId, cancellationToken);
        if (!deleted.Succeeded)
        {
            return TemplateCommandResult.Refused(deleted.Error!);
        }

        List<MessageTemplate> gone;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            gone = allLanguages
                ? await db.MessageTemplates.Where(t => t.WabaId == channel.WabaId && t.Name == existing.Name).ToListAsync(cancellationToken)
                : await db.MessageTemplates.Where(t => t.Id == templateId).ToListAsync(cancellationToken);
            db.MessageTemplates.RemoveRange(gone);
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var template in gone)
        {
            events.Publish(TemplateEvent.Of(template, deleted: true));
        }

        return new TemplateCommandResult(true, existing);
    }

    private async Task<Channel?> FindChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
    }
}
