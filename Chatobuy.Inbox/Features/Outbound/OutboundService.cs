using System.Security.Cryptography;
using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Media;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// Accepts messages to send: checks them, then writes the outbound <see cref="Message"/> (pending) and its
/// <see cref="OutboxItem"/> in one transaction and wakes the <see cref="OutboundSender"/>. Nothing here calls Meta.
/// </summary>
public sealed partial class OutboundService(
    IDbContextFactory<InboxDbContext> dbFactory,
    MediaStore mediaStore,
    WakeSignal<OutboundSender> signal,
    InboxEvents events,
    TimeProvider time,
    SendRequestValidator validator,
    ILogger<OutboundService> logger)
{
    public const string ConversationNotFound = "Conversation not found";
    public const string MessageNotFound = "Message not found";

    public async Task<SendResult> SendAsync(SendRequest request, CancellationToken cancellationToken)
    {
        if (validator.Validate(request).Errors is [var problem, ..])
        {
            return SendResult.Refused(problem.ErrorMessage);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.Include(c => c.Contact)
            .FirstOrDefaultAsync(c => c.Id == request.ConversationId, cancellationToken);
        if (conversation is null)
        {
            return SendResult.Refused(ConversationNotFound);
        }

        var now = time.GetUtcNow();
        var (message, payload) = Compose(request, conversation, now);
        if (await ExistingAsync(db, conversation.ChannelId, request.ClientMessageId, cancellationToken) is { } existing)
        {
            return Replayed(existing, request, payload);
        }

        if (message.ReplyToWaMessageId is { } replyTo
            && !await db.Messages.AnyAsync(m => m.ConversationId == conversation.Id && m.WaMessageId == replyTo, cancellationToken))
        {
            return SendResult.Refused($"replyTo \"{replyTo}\" names no message in this conversation. Give the WhatsApp message id (wamid) of one of its messages.");
        }

        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversation.ChannelId, cancellationToken);
        if (channel is null)
        {
            return SendResult.Refused("This conversation's channel no longer exists, so nothing can be sent from it.");
        }

        if (request.Template is null && conversation.WindowRefusal(now) is { } closed)
        {
            // Templates may be sent at any time (reference §8.5); everything else needs the customer service window.
            return SendResult.Refused(closed);
        }

        string? uploadPath = null;
        var upload = UploadOf(request);
        if (upload is { } media)
        {
            uploadPath = await StoreFileAsync(media, cancellationToken);
            message.MediaMimeType = media.MimeType;
            message.MediaFileName = media.FileName;
            message.MediaSize = media.Content.LongLength;
            message.MediaPath = uploadPath;
            message.MediaState = MediaState.Downloaded;
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Messages.Add(message);
            await db.SaveChangesAsync(cancellationToken);
            db.OutboxItems.Add(new OutboxItem
            {
                MessageId = message.Id,
                ChannelId = conversation.ChannelId,
                PhoneNumberId = channel.PhoneNumberId,
                Recipient = conversation.Contact!.WaId,
                PayloadJson = payload.ToJson(),
                ClientMessageId = request.ClientMessageId,
                UploadPath = uploadPath,
                UploadMimeType = upload?.MimeType,
                UploadFileName = upload?.FileName,
                CreatedAt = now,
            });
            if (message.IsReaction)
            {
                // The business's own reaction shows on its target at once.
                await ReactionBoard.ApplyAsync(db, [new ReactionEvent(request.ReactionTargetWaMessageId!, Reaction.Business, request.ReactionEmoji ?? "", now)], cancellationToken);
            }

            conversation.RecordOutbound(message, channel.PendingAfterReply);

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // The same client message id committed by a concurrent request (double click, replay): answer with it.
            await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await ExistingAsync(again, conversation.ChannelId, request.ClientMessageId, cancellationToken) is { } winner)
            {
                return Replayed(winner, request, payload);
            }

            throw;
        }

        LogQueued(message.Id, conversation.Id, message.Type);
        signal.Notify();
        events.Publish(new MessageCreated(conversation.ChannelId, conversation.Id, message.Id));
        events.Publish(new ConversationUpdated(conversation.ChannelId, conversation.Id));
        if (request.SentByUserId is { Length: > 0 } agent && !message.IsReaction)
        {
            events.Publish(new AgentReplied(conversation.ChannelId, conversation.Id, message.Id, agent));
        }

        return SendResult.Ok(message.Id);
    }

    /// <summary>
    /// Sends a message again as a new attempt: allowed when it failed, or when it is unconfirmed and the user has
    /// confirmed (<paramref name="confirmUnconfirmed"/>) that sending it twice is acceptable.
    /// </summary>
    public async Task<SendResult> RetryAsync(long messageId, bool confirmUnconfirmed, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == messageId && m.Direction == MessageDirection.Outbound, cancellationToken);
        var last = await db.OutboxItems.Where(o => o.MessageId == messageId).OrderByDescending(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        if (message is null || last is null)
        {
            return SendResult.Refused(MessageNotFound);
        }

        var unconfirmed = last.State == OutboxState.Unconfirmed && message.Status != MessageStatus.Failed;
        if (unconfirmed && !confirmUnconfirmed)
        {
            return SendResult.Refused("This message may already have reached the customer. Confirm that sending it again is fine.");
        }

        if (!unconfirmed && (message.Status != MessageStatus.Failed || last.State is OutboxState.Queued or OutboxState.Sending))
        {
            return SendResult.Refused("Only a message that failed can be sent again.");
        }

        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == message.ConversationId, cancellationToken);
        var now = time.GetUtcNow();
        if (conversation is null)
        {
            return SendResult.Refused(ConversationNotFound);
        }

        if (message.Type != "template" && conversation.WindowRefusal(now) is { } closed)
        {
            return SendResult.Refused(closed);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (last.State == OutboxState.Unconfirmed)
            {
                last.State = OutboxState.Failed;
                last.LastError = "Replaced by a new attempt the user confirmed.";
            }

            db.OutboxItems.Add(new OutboxItem
            {
                MessageId = message.Id,
                ChannelId = last.ChannelId,
                PhoneNumberId = last.PhoneNumberId,
                Recipient = last.Recipient,
                PayloadJson = last.PayloadJson,
                UploadPath = last.UploadPath,
                UploadMimeType = last.UploadMimeType,
                UploadFileName = last.UploadFileName,
                UploadedMediaId = last.UploadedMediaId,
                CreatedAt = now,
            });
            message.Status = MessageStatus.Pending;
            message.StatusAt = null;
            message.WaMessageId = null;
            message.ErrorCode = null;
            message.ErrorTitle = null;
            message.ErrorDetails = null;
            message.BizOpaqueCallbackData = null;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        LogRetryQueued(message.Id);
        signal.Notify();
        events.Publish(new MessageUpdated(message.ChannelId, message.ConversationId, message.Id));
        return SendResult.Ok(message.Id);
    }

    /// <summary>The message already queued under this client message id on the channel, with what it was asked to send.</summary>
    private static async Task<SentBefore?> ExistingAsync(InboxDbContext db, string channelId, string clientMessageId, CancellationToken cancellationToken) =>
        await db.OutboxItems.AsNoTracking()
            .Where(o => o.ChannelId == channelId && o.ClientMessageId == clientMessageId)
            .Join(db.Messages, o => o.MessageId, m => m.Id, (o, m) => new SentBefore(o.MessageId, m.ConversationId, o.PayloadJson))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// A replay of the same request (double click, reconnect) answers with the message it made; the same client message id
    /// with a different message is a mistake the caller must hear about.
    /// </summary>
    private static SendResult Replayed(SentBefore existing, SendRequest request, MessageRequest payload) =>
        existing.ConversationId == request.ConversationId && MessageRequest.FromJson(existing.PayloadJson).ToJson() == payload.ToJson()
            ? SendResult.Ok(existing.MessageId)
            : SendResult.Conflicting(
                $"clientMessageId \"{request.ClientMessageId}\" was already used for a different message (id {existing.MessageId}), which was not changed. Use a new clientMessageId for a new message.");

    private sealed record SentBefore(long MessageId, long ConversationId, string PayloadJson);

    /// <summary>The message row and the Graph payload (without <c>to</c> and callback data, added at send time).</summary>
    private static (Message Message, MessageRequest Payload) Compose(SendRequest request, Conversation conversation, DateTimeOffset now)
    {
        var message = new Message
        {
            ConversationId = conversation.Id,
            ChannelId = conversation.ChannelId,
            Direction = MessageDirection.Outbound,
            Status = MessageStatus.Pending,
            Timestamp = now,
            CreatedAt = now,
            ReplyToWaMessageId = string.IsNullOrWhiteSpace(request.ReplyToWaMessageId) ? null : request.ReplyToWaMessageId,
        };

        MessageRequest payload;
        if (request.ReactionTargetWaMessageId is { } target)
        {
            message.Type = "reaction";
            message.Text = request.ReactionEmoji;
            message.ReplyToWaMessageId = null;
            payload = MessageRequest.ForReaction(target, request.ReactionEmoji!);
        }
        else if (request.Media is { } media)
        {
            message.Type = media.Kind;
            message.Text = media.Caption;
            payload = MessageRequest.ForMedia(media.Kind, null, null, media.Caption, media.FileName);
        }
        else if (request.Template is { } template)
        {
            // The bubble shows the filled-in template; Meta gets the template object alone.
            message.Type = "template";
            message.Text = template.Text;
            message.ReplyToWaMessageId = null;
            payload = MessageRequest.ForTemplate(template.Message);
            message.PayloadJson = TemplateDisplay.PayloadOf(template.Message, template.Display);
        }
        else if (request.Interactive is { } interactive)
        {
            // The chat shows Meta's object as sent (placeholders filled), so later edits of a saved message change nothing here.
            message.Type = "interactive";
            message.Text = interactive.Message.Summary;
            payload = MessageRequest.ForInteractive(interactive.ToSend());
        }
        else if (request.MediaLink is { } link)
        {
            message.Type = link.Kind;
            message.Text = link.Caption;
            message.MediaFileName = link.FileName;
            payload = MessageRequest.ForMedia(link.Kind, null, link.Link, link.Caption, link.FileName);
        }
        else
        {
            message.Type = "text";
            message.Text = request.Text;
            payload = MessageRequest.ForText(request.Text!, request.Text!.Contains("http", StringComparison.OrdinalIgnoreCase));
        }

        message.PayloadJson ??= payload.ContentJson();
        return (message, payload.ReplyingTo(message.ReplyToWaMessageId));
    }

    /// <summary>The file to upload before sending: the message's own, or a template's or interactive message's header.</summary>
    private static OutboundMedia? UploadOf(SendRequest request) =>
        request.Media ?? request.Template?.HeaderFile ?? request.Interactive?.HeaderFile;

    /// <summary>
    /// Keeps the file in the media folder by content hash: the chat shows it, the sender uploads it. Written from the
    /// bytes, so a send never depends on a file another feature keeps; the outbox deletes no file.
    /// </summary>
    private async Task<string> StoreFileAsync(OutboundMedia media, CancellationToken cancellationToken)
    {
        var temporary = mediaStore.NewTemporaryPath();
        await File.WriteAllBytesAsync(temporary, media.Content, cancellationToken);
        return mediaStore.Commit(temporary, Convert.ToHexStringLower(SHA256.HashData(media.Content)), media.MimeType);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbound {Type} message {MessageId} queued in conversation {ConversationId}")]
    private partial void LogQueued(long messageId, long conversationId, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbound message {MessageId} queued again at the user's request")]
    private partial void LogRetryQueued(long messageId);
}
