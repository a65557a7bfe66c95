using Chatobuy.Inbox.Features.Conversations;

namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>Another conversation of the contact, on any channel, as the contact panel links to it.</summary>
public sealed record ContactConversationLink(long Id, string ChannelTitle, ConversationStatus Status, DateTimeOffset LastMessageAt, string? Preview);
