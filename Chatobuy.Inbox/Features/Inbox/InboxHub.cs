using Chatobuy.Inbox.Components.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// The inbox's events for integrators and other processes at <c>/hubs/inbox</c>: <see cref="InboxHubForwarder"/>
/// sends what is published to <see cref="Events.InboxEvents"/> to the groups <c>channel:{id}</c> and
/// <c>conversation:{id}</c>. For an API key (<c>Authorization: Bearer</c>) or a signed-in user. The app's own pages hear the events in process.
/// </summary>
[Authorize(AuthenticationSchemes = InboxExtensions.CookieOrApiKeyScheme)]
public sealed class InboxHub(PresenceTracker presence, People people) : Hub<IInboxClient>
{
    public const string Path = "/hubs/inbox";

    public static string ChannelGroup(string channelId) => $"channel:{channelId}";

    public static string ConversationGroup(long conversationId) => $"conversation:{conversationId}";

    /// <summary>Receive every event of these channels (the conversation list).</summary>
    public async Task WatchChannels(IReadOnlyList<string> channelIds)
    {
        foreach (var id in channelIds.Take(200))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, ChannelGroup(id));
        }
    }

    /// <summary>Receive this conversation's events, and be shown to other agents as viewing it.</summary>
    public async Task WatchConversation(string channelId, long conversationId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, ConversationGroup(conversationId));
        // Other agents see the name given at Setup, not the e-mail the agent signs in with.
        var name = Context.User is { } user ? (await people.OfAsync(user, Context.ConnectionAborted)).Name : "";
        presence.View(Context.ConnectionId, name, channelId, conversationId);
    }

    public async Task UnwatchConversation(long conversationId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ConversationGroup(conversationId));
        presence.Leave(Context.ConnectionId);
    }

    /// <summary>The agent is typing a reply in the conversation they view (shown for a few seconds).</summary>
    public void Typing() => presence.Typing(Context.ConnectionId);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Leave(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }
}
