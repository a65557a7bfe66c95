using Chatobuy.Inbox.Features.Conversations;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>What the conversation list is narrowed to: a status, whose, a channel, words or digits to look for, and a label; and its order.</summary>
public sealed record InboxFilter(
    ConversationStatus Status = ConversationStatus.Open,
    InboxScope Scope = InboxScope.All,
    string? ChannelId = null,
    string? Search = null,
    InboxSort Sort = InboxSort.Newest,
    long? LabelId = null);
