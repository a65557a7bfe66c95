namespace Chatobuy.Inbox.Features.Forwarding;

/// <summary>The envelope's <c>type</c>: what happened. Meta's events carry Meta's object untouched in <c>value</c>.</summary>
public static class ForwardingEventTypes
{
    /// <summary>A customer's message was stored; <c>value</c> is Meta's message object.</summary>
    public const string MessageReceived = "message.received";

    /// <summary>Meta reported a status of a message (sent, delivered, read, failed, …); <c>value</c> is Meta's status object.</summary>
    public const string MessageStatus = "message.status";

    /// <summary>A customer reacted to a message (or took the reaction back); <c>value</c> is Meta's message object of type reaction.</summary>
    public const string MessageReaction = "message.reaction";

    /// <summary>An agent (or the API) sent a message; <c>data</c> holds our message as stored.</summary>
    public const string MessageSent = "message.sent";

    /// <summary>A conversation was assigned or unassigned; <c>data.assigneeUserId</c> is null when unassigned.</summary>
    public const string ConversationAssigned = "conversation.assigned";

    /// <summary>A conversation was resolved.</summary>
    public const string ConversationResolved = "conversation.resolved";

    /// <summary>A template's status, quality or category changed; <c>value</c> is Meta's change value.</summary>
    public const string TemplateUpdated = "template.updated";

    /// <summary>Any other account-level webhook (account, phone number quality and name, capability, review); <c>value</c> is Meta's change value.</summary>
    public const string AccountUpdated = "account.updated";

    /// <summary>An order was created or changed status; <c>data</c> holds the order id and status.</summary>
    public const string OrderUpdated = "order.updated";

    /// <summary>Sent with <b>Send test event</b> from the channel's Forwarding section.</summary>
    public const string Test = "test";

    /// <summary>Every type, for documentation and filters.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        MessageReceived, MessageStatus, MessageReaction, MessageSent, ConversationAssigned, ConversationResolved,
        TemplateUpdated, AccountUpdated, OrderUpdated, Test,
    ];

    /// <summary>Meta's template webhooks; every other non-message field is an account update.</summary>
    public static string ForField(string field) =>
        field is "message_template_status_update" or "message_template_quality_update" or "message_template_components_update" or "template_category_update"
            ? TemplateUpdated
            : AccountUpdated;
}
