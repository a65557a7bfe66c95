using Chatobuy.Inbox.Features.Templates;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>What the hub pushes to live panes. Events carry ids; panes load what they show.</summary>
public interface IInboxClient
{
    Task MessageCreated(InboxMessageEvent message);

    Task MessageUpdated(InboxMessageEvent message);

    Task ConversationUpdated(InboxConversationEvent conversation);

    Task Presence(PresenceEvent presence);

    /// <summary>A message template of the channel's account changed (status, quality, category, content, deleted).</summary>
    Task TemplateUpdated(TemplateEvent template);
}
