using System.Text.Json;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Media;
using Chatobuy.Inbox.Features.Outbound;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>
/// Saved interactive messages as one conversation sends them: only those of the conversation's channel, with the
/// placeholders filled for its contact (WhatsApp profile name, else the number; the number) and for the agent who
/// sends (their display name; an integration sends as the business, by its verified name). A media header's kept file
/// goes with it, to be uploaded when the outbox sends.
/// </summary>
public sealed class InteractiveSending(IDbContextFactory<InboxDbContext> dbFactory, MediaStore mediaStore)
{
    public const string ConversationNotFound = OutboundService.ConversationNotFound;

    /// <summary>How many interactive messages the conversation's channel has saved (none hides the composer's menu item).</summary>
    public async Task<int> CountAsync(long conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channelId = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId).Select(c => c.ChannelId).FirstOrDefaultAsync(cancellationToken);
        return channelId is null ? 0 : await db.InteractiveMessages.CountAsync(m => m.ChannelId == channelId, cancellationToken);
    }

    /// <summary>The channel the conversation is on; null when the conversation does not exist.</summary>
    public async Task<string?> ChannelOfAsync(long conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId).Select(c => c.ChannelId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The channel's saved messages by name, each as this contact would get it from <paramref name="agentUserId"/>.</summary>
    public async Task<IReadOnlyList<InteractiveChoice>> ChoicesAsync(long conversationId, string? agentUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await RecipientAsync(db, conversationId, agentUserId, cancellationToken) is not { } recipient)
        {
            return [];
        }

        var saved = await db.InteractiveMessages.AsNoTracking()
            .Where(m => m.ChannelId == recipient.ChannelId)
            .OrderBy(m => m.Name)
            .ToListAsync(cancellationToken);
        return saved
            .Select(m => Read(m.InteractiveJson) is { } interactive
                ? new InteractiveChoice(m.Id, m.Name, m.Type, InteractivePlaceholders.Fill(interactive, recipient.Values), m.UpdatedAt)
                {
                    HeaderMediaUrl = m.HeaderMediaPath is null ? null : InteractiveMediaController.UrlOf(m),
                }
                : null)
            .OfType<InteractiveChoice>()
            .ToList();
    }

    /// <summary>
    /// The saved message <paramref name="interactiveMessageId"/> ready to send in this conversation, or why not
    /// (<see cref="ConversationNotFound"/> when the conversation does not exist).
    /// </summary>
    public async Task<InteractiveResolution> ResolveAsync(long conversationId, long interactiveMessageId, string? agentUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await RecipientAsync(db, conversationId, agentUserId, cancellationToken) is not { } recipient)
        {
            return InteractiveResolution.Refused(ConversationNotFound);
        }

        var saved = await db.InteractiveMessages.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Id == interactiveMessageId && m.ChannelId == recipient.ChannelId, cancellationToken);
        if (saved is null)
        {
            return InteractiveResolution.Refused(
                $"Interactive message {interactiveMessageId} is not saved on this conversation's channel. List the channel's interactive messages for their ids.");
        }

        if (Read(saved.InteractiveJson) is not { } interactive)
        {
            return InteractiveResolution.Refused($"The saved interactive message \"{saved.Name}\" cannot be read. Open it in the library and save it again.");
        }

        OutboundMedia? headerFile = null;
        if (saved.HeaderMediaPath is { } path && interactive.Header?.Type is "image" or "video" or "document" && interactive.Header.Type is { } kind)
        {
            var file = mediaStore.FullPath(path);
            if (file is null || !File.Exists(file))
            {
                return InteractiveResolution.Refused($"The header file of \"{saved.Name}\" is no longer in the media folder. Choose the file again in the library.");
            }

            var content = await File.ReadAllBytesAsync(file, cancellationToken);
            headerFile = new OutboundMedia(kind, saved.HeaderMediaFileName ?? Path.GetFileName(file), saved.HeaderMediaMimeType ?? "application/octet-stream", content, null);
        }

        return InteractiveResolution.Ok(new OutboundInteractive(InteractivePlaceholders.Fill(interactive, recipient.Values), headerFile));
    }

    private static async Task<Recipient?> RecipientAsync(InboxDbContext db, long conversationId, string? agentUserId, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => new { c.ChannelId, c.Contact!.WaId, c.Contact.ProfileName })
            .FirstOrDefaultAsync(cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        var agent = string.IsNullOrEmpty(agentUserId)
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == agentUserId)
                .Select(u => u.DisplayName == "" ? u.Email : u.DisplayName)
                .FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(agent))
        {
            // No person sends (an integration): the business speaks, by the name WhatsApp shows for the number.
            agent = await db.Channels.AsNoTracking().Where(c => c.Id == conversation.ChannelId)
                .Select(c => c.VerifiedName == "" ? c.Title : c.VerifiedName)
                .FirstOrDefaultAsync(cancellationToken);
        }

        var phone = "+" + conversation.WaId;
        var name = string.IsNullOrWhiteSpace(conversation.ProfileName) ? phone : conversation.ProfileName;
        return new Recipient(conversation.ChannelId, new PlaceholderValues(name, phone, agent ?? ""));
    }

    private static InteractiveObject? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<InteractiveObject>(json, GraphJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Recipient(string ChannelId, PlaceholderValues Values);
}
