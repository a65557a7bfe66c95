using System.Globalization;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.Customer;
using Chatobuy.Inbox.Sandbox.Delivery;
using Chatobuy.Inbox.Sandbox.Rules;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>
/// The business side of the emulated chats: keeps what the business sent (per number and customer), answers each
/// accepted send with status webhooks later — <c>sent</c> → <c>delivered</c> → <c>read</c>, or <c>failed</c> 131047
/// outside the 24-hour window (reference §3.2, §7.4, §8.5) — and records read receipts and typing indicators.
/// </summary>
public sealed partial class SandboxOutbox(
    SandboxCustomers customers,
    SandboxWebhookQueue queue,
    IOptions<SandboxOptions> options,
    TimeProvider time,
    ILogger<SandboxOutbox> logger) : IDisposable
{
    public static readonly TimeSpan CustomerServiceWindow = TimeSpan.FromHours(24);
    public static readonly TimeSpan TypingDuration = TimeSpan.FromSeconds(25);
    private const int MaxPerConversation = 500;

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<(string PhoneNumberId, string WaId), List<SandboxBusinessMessage>> _conversations = [];
    private readonly Dictionary<string, SandboxOutboundStatus> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<(string PhoneNumberId, string WaId), SandboxReadMark> _reads = [];

    /// <summary>Raised after a business message, a status, a read mark or a typing indicator changed (on the thread that changed it).</summary>
    public event Action? Changed;

    public IReadOnlyList<SandboxBusinessMessage> Conversation(string phoneNumberId, string waId)
    {
        lock (_gate)
        {
            return _conversations.TryGetValue((phoneNumberId, waId), out var list) ? list.ToList() : [];
        }
    }

    /// <summary>A message this number sent to this customer, by its wamid; null when there is none.</summary>
    public SandboxBusinessMessage? Find(string phoneNumberId, string waId, string id)
    {
        lock (_gate)
        {
            return _conversations.TryGetValue((phoneNumberId, waId), out var list) ? list.FirstOrDefault(m => m.Id == id) : null;
        }
    }

    public SandboxOutboundStatus? StatusOf(string id)
    {
        lock (_gate)
        {
            return _statuses.TryGetValue(id, out var status) ? status : null;
        }
    }

    /// <summary>The business's latest read receipt in this chat; null when it has read nothing.</summary>
    public SandboxReadMark? ReadMark(string phoneNumberId, string waId)
    {
        lock (_gate)
        {
            return _reads.GetValueOrDefault((phoneNumberId, waId));
        }
    }

    /// <summary>Whether the customer sees "typing…" right now (for 25 s, or until the business sends).</summary>
    public bool IsTyping(string phoneNumberId, string waId) =>
        ReadMark(phoneNumberId, waId)?.TypingUntil is { } until && until > time.GetUtcNow();

    /// <summary>Whether a free-form message may go to the customer: they wrote to this number in the last 24 hours.</summary>
    public bool IsWindowOpen(string phoneNumberId, string waId) =>
        customers.LastSeen(phoneNumberId, waId) is { } seen && time.GetUtcNow() - seen <= CustomerServiceWindow;

    /// <summary>Records an accepted send and starts its status webhooks; returns the message with its new wamid.</summary>
    public SandboxBusinessMessage Accept(string phoneNumberId, SandboxOutboundRequest request, SandboxRenderedTemplate? template = null)
    {
        var message = new SandboxBusinessMessage(
            SandboxCustomers.NewWamid(),
            phoneNumberId,
            request.WaId,
            request.Type,
            template is null ? Summarize(request.Type, request.Content) : SandboxTemplateSends.Summarize(template),
            time.GetUtcNow(),
            request.ReplyToId,
            request.CallbackData,
            request.Content,
            template);

        // Templates may open a conversation; everything else needs the customer service window.
        var windowOpen = request.Type == "template" || IsWindowOpen(phoneNumberId, request.WaId);
        lock (_gate)
        {
            if (!_conversations.TryGetValue((phoneNumberId, request.WaId), out var list))
            {
                _conversations[(phoneNumberId, request.WaId)] = list = [];
            }

            list.Add(message);
            if (list.Count > MaxPerConversation)
            {
                _statuses.Remove(list[0].Id);
                list.RemoveAt(0);
            }

            _statuses[message.Id] = SandboxOutboundStatus.Accepted;

            // A reply ends the typing indicator.
            if (_reads.TryGetValue((phoneNumberId, request.WaId), out var mark) && mark.TypingUntil is not null)
            {
                _reads[(phoneNumberId, request.WaId)] = mark with { TypingUntil = null };
            }
        }

        LogAccepted(request.Type, phoneNumberId, windowOpen);
        Changed?.Invoke();
        _ = RunStatusesAsync(message, windowOpen, _stopping.Token);
        return message;
    }

    /// <summary>
    /// The business marks an inbound message read, optionally with the typing indicator (reference §3.6). False when
    /// the number never received that message.
    /// </summary>
    public bool MarkRead(string phoneNumberId, string messageId, bool typing)
    {
        if (customers.FindMessage(phoneNumberId, messageId) is not { } inbound)
        {
            return false;
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            var key = (phoneNumberId, inbound.WaId);
            var previous = _reads.GetValueOrDefault(key);

            // Reading one message reads the earlier ones too; an older receipt does not move the mark back.
            var mark = previous is not null && previous.MessageAt > inbound.At
                ? previous with { MarkedAt = now }
                : new SandboxReadMark(inbound.Id, inbound.At, now, previous?.TypingUntil);
            _reads[key] = typing ? mark with { TypingUntil = now + TypingDuration } : mark;
        }

        LogMarkedRead(phoneNumberId, typing);
        Changed?.Invoke();
        return true;
    }

    /// <summary>The customer reads a business message on the phone page: a <c>read</c> status unless it was read or failed already.</summary>
    public bool ReadByCustomer(string id)
    {
        SandboxBusinessMessage? message;
        lock (_gate)
        {
            message = _conversations.Values.SelectMany(l => l).FirstOrDefault(m => m.Id == id);
        }

        return message is not null && Emit(message, SandboxOutboundStatus.Read);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    /// <summary>The three delays of <see cref="SandboxOptions.StatusDelaysMilliseconds"/>, from the send.</summary>
    private int[] Delays()
    {
        var parts = options.Value.StatusDelaysMilliseconds.Split(',', StringSplitOptions.TrimEntries);
        var delays = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : -1).ToArray();
        return delays.Length == 3 && delays.All(d => d >= 0) ? delays : [100, 300, 600];
    }

    private async Task RunStatusesAsync(SandboxBusinessMessage message, bool windowOpen, CancellationToken cancellationToken)
    {
        try
        {
            var delays = Delays();
            if (!windowOpen)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(delays[0]), time, cancellationToken);
                Emit(message, SandboxOutboundStatus.Failed);
                return;
            }

            var steps = options.Value.AutoRead
                ? new[] { SandboxOutboundStatus.Sent, SandboxOutboundStatus.Delivered, SandboxOutboundStatus.Read }
                : [SandboxOutboundStatus.Sent, SandboxOutboundStatus.Delivered];
            var elapsed = 0;
            for (var i = 0; i < steps.Length; i++)
            {
                var wait = Math.Max(0, delays[i] - elapsed);
                elapsed = Math.Max(elapsed, delays[i]);
                await Task.Delay(TimeSpan.FromMilliseconds(wait), time, cancellationToken);
                Emit(message, steps[i]);
            }
        }
        catch (OperationCanceledException)
        {
            // The app is stopping; Meta would go on, the Sandbox does not.
        }
        catch (ObjectDisposedException)
        {
            // Disposed while waiting.
        }
    }

    /// <summary>Moves the message forward to <paramref name="status"/> and queues its webhook; never backwards, never twice.</summary>
    private bool Emit(SandboxBusinessMessage message, SandboxOutboundStatus status)
    {
        lock (_gate)
        {
            if (!_statuses.TryGetValue(message.Id, out var current) || current >= status || current == SandboxOutboundStatus.Failed)
            {
                return false;
            }

            _statuses[message.Id] = status;
        }

        var name = status.ToString().ToLowerInvariant();
        var item = new JsonObject
        {
            ["id"] = message.Id,
            ["status"] = name,
            ["timestamp"] = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["recipient_id"] = message.WaId,
        };
        if (message.CallbackData is not null)
        {
            item["biz_opaque_callback_data"] = message.CallbackData;
        }

        if (status == SandboxOutboundStatus.Failed)
        {
            item["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = 131047,
                ["title"] = "Re-engagement message",
                ["message"] = "Re-engagement message",
                ["error_data"] = new JsonObject
                {
                    ["details"] = "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
                },
                ["href"] = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
            });
        }
        else
        {
            // Per-message pricing (reference §8.5): marketing and authentication templates are charged; utility
            // templates are free inside the customer service window; free-form (service) messages are free.
            var category = message.Template?.Category.ToLowerInvariant() ?? "service";
            var charged = category is "marketing" or "authentication"
                || (category == "utility" && !IsWindowOpen(message.PhoneNumberId, message.WaId));
            item["pricing"] = new JsonObject
            {
                ["billable"] = charged,
                ["pricing_model"] = "PMP",
                ["category"] = category,
                ["type"] = charged ? "regular" : "free_customer_service",
            };
        }

        queue.Enqueue(new SandboxWebhookUpdate(SandboxUpdateKind.Status, message.PhoneNumberId, $"{message.Id}:{name}", item, null));
        LogStatus(name, message.PhoneNumberId);
        Changed?.Invoke();
        return true;
    }

    /// <summary>A line for the phone page: the text, or what kind of message it is.</summary>
    public static string Summarize(string type, JsonNode content)
    {
        string? Text(JsonNode? node) => SandboxMessageRules.Str(node);
        var caption = content is JsonObject withCaption ? Text(withCaption["caption"]) : null;
        return type switch
        {
            "text" => Text(content["body"]) ?? "",
            "image" => caption is null ? "📷 Photo" : $"📷 {caption}",
            "video" => caption is null ? "🎬 Video" : $"🎬 {caption}",
            "audio" => "🎵 Audio",
            "document" => $"📄 {Text(content["filename"]) ?? "Document"}" + (caption is null ? "" : $" — {caption}"),
            "sticker" => "Sticker",
            "location" => $"📍 {Text(content["name"]) ?? $"{content["latitude"]}, {content["longitude"]}"}",
            "contacts" => $"👤 {Text(content[0]?["name"]?["formatted_name"]) ?? "Contact"}",
            "reaction" => Text(content["emoji"]) is { Length: > 0 } emoji ? $"Reacted {emoji}" : "Removed a reaction",
            "template" => $"📝 Template {Text(content["name"])} ({Text(content["language"]?["code"])})",
            "interactive" => SummarizeInteractive(content),
            _ => $"[{type}]",
        };
    }

    private static string SummarizeInteractive(JsonNode content)
    {
        var body = SandboxMessageRules.Str(content["body"]?["text"]) ?? "";
        var action = content["action"];
        var choices = SandboxMessageRules.Str(content["type"]) switch
        {
            "button" => (action?["buttons"] as JsonArray ?? []).Select(b => SandboxMessageRules.Str(b?["reply"]?["title"])),
            "list" => [SandboxMessageRules.Str(action?["button"])],
            "cta_url" => [SandboxMessageRules.Str(action?["parameters"]?["display_text"])],
            "location_request_message" => ["Send location"],
            "product" => [$"🛍 {ProductName(SandboxMessageRules.Str(action?["product_retailer_id"]))}"],
            "product_list" => ["View items"],
            _ => [],
        };
        var buttons = string.Join(" ", choices.OfType<string>().Select(c => $"[{c}]"));
        return buttons.Length == 0 ? body : $"{body} {buttons}".Trim();
    }

    private static string ProductName(string? retailerId) =>
        retailerId is null ? "Product" : SandboxCatalogs.FindSeededProduct(retailerId)?.Name ?? retailerId;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox accepted a business {Type} message from phone number {PhoneNumberId} (window open: {WindowOpen})")]
    private partial void LogAccepted(string type, string phoneNumberId, bool windowOpen);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox business phone number {PhoneNumberId} marked a message read (typing: {Typing})")]
    private partial void LogMarkedRead(string phoneNumberId, bool typing);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox queued a {Status} status of a business message of phone number {PhoneNumberId}")]
    private partial void LogStatus(string status, string phoneNumberId);
}
