using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Notes;

/// <summary>
/// Private notes: stored in the conversation as a <see cref="Message"/> marked <see cref="Message.IsPrivate"/>, with no
/// outbox row, so nothing of a note is ever sent to WhatsApp, and without touching what the customer side counts (last
/// message, unread, the 24-hour window). Each agent the note <c>@mentions</c> is told with <see cref="AgentMentioned"/>.
/// </summary>
public sealed partial class NoteService(
    IDbContextFactory<InboxDbContext> dbFactory,
    InboxEvents events,
    TimeProvider time,
    ILogger<NoteService> logger)
{
    public const int MaxLength = 4096;
    public const int ExcerptLength = 140;

    /// <summary>The active agents a note can mention, by name.</summary>
    public async Task<IReadOnlyList<Mentionable>> MentionableAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new Mentionable(u.Id, u.DisplayName == "" ? u.Email! : u.DisplayName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds <paramref name="text"/> as a private note by <paramref name="authorUserId"/>, and tells each agent it mentions (not the author).</summary>
    public async Task<NoteResult> AddAsync(long conversationId, string authorUserId, string text, CancellationToken cancellationToken = default)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return NoteResult.Refused("Write the note first.");
        }

        if (text.Length > MaxLength)
        {
            return NoteResult.Refused($"A note can be at most {MaxLength} characters.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId)
            .Select(c => new { c.Id, c.ChannelId }).FirstOrDefaultAsync(cancellationToken);
        if (conversation is null)
        {
            return NoteResult.Refused("This conversation no longer exists.");
        }

        var author = await db.Users.AsNoTracking().Where(u => u.Id == authorUserId && u.IsActive)
            .Select(u => u.DisplayName == "" ? u.Email : u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        if (author is null)
        {
            return NoteResult.Refused("Only a signed-in agent can leave a note.");
        }

        var now = time.GetUtcNow();
        var note = new Message
        {
            ConversationId = conversation.Id,
            ChannelId = conversation.ChannelId,
            Direction = MessageDirection.Outbound,
            Type = Message.NoteType,
            IsPrivate = true,
            AuthorUserId = authorUserId,
            AuthorName = author,
            Text = text,
            Timestamp = now,
            CreatedAt = now,
        };
        db.Messages.Add(note);
        await db.SaveChangesAsync(cancellationToken);

        var mentioned = Mentions.Find(text, await MentionableAsync(cancellationToken)).Where(a => a.UserId != authorUserId).ToList();
        LogAdded(note.Id, conversation.Id, mentioned.Count);
        events.Publish(new ConversationUpdated(conversation.ChannelId, conversation.Id));
        foreach (var agent in mentioned)
        {
            events.Publish(new AgentMentioned(agent.UserId, authorUserId, author, conversation.ChannelId, conversation.Id, note.Id, Excerpt(text)));
        }

        return NoteResult.Ok(note.Id, mentioned);
    }

    /// <summary>The start of the note on one line, for a notification.</summary>
    public static string Excerpt(string text)
    {
        var line = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= ExcerptLength ? line : line[..(ExcerptLength - 1)] + "…";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Private note {NoteId} added in conversation {ConversationId}, mentioning {Mentioned} agent(s)")]
    private partial void LogAdded(long noteId, long conversationId, int mentioned);
}
