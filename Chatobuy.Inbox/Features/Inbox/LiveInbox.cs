using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Templates;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// A circuit's connection to <see cref="InboxHub"/>, as its signed-in user. Reconnects by itself and says so,
/// so panes can reload what they may have missed.
/// </summary>
public sealed class LiveInbox(
    AuthenticationStateProvider authentication,
    HubTokens tokens,
    GraphTargets targets,
    IHostApplicationLifetime lifetime,
    ILogger<LiveInbox> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HubConnection? _connection;
    private IReadOnlyList<string> _channels = [];
    private (string ChannelId, long Id)? _conversation;
    private DateTimeOffset _lastTyping;
    private CancellationTokenRegistration _stopping;

    public event Func<InboxMessageEvent, Task>? MessageCreated;

    public event Func<InboxMessageEvent, Task>? MessageUpdated;

    public event Func<InboxConversationEvent, Task>? ConversationUpdated;

    public event Func<PresenceEvent, Task>? PresenceChanged;

    public event Func<TemplateEvent, Task>? TemplateUpdated;

    /// <summary>Raised after a reconnect: events may have been missed, reload.</summary>
    public event Func<Task>? Reconnected;

    public bool IsConnected => _connection?.State == HubConnectionState.Connected;

    public async Task WatchChannelsAsync(IReadOnlyList<string> channelIds, CancellationToken cancellationToken = default)
    {
        _channels = channelIds;
        var connection = await ConnectAsync(cancellationToken);
        await connection.InvokeAsync(nameof(InboxHub.WatchChannels), channelIds, cancellationToken);
    }

    public async Task WatchConversationAsync(string channelId, long conversationId, CancellationToken cancellationToken = default)
    {
        var connection = await ConnectAsync(cancellationToken);
        if (_conversation is { } previous && previous.Id != conversationId)
        {
            await connection.InvokeAsync(nameof(InboxHub.UnwatchConversation), previous.Id, cancellationToken);
        }

        _conversation = (channelId, conversationId);
        await connection.InvokeAsync(nameof(InboxHub.WatchConversation), channelId, conversationId, cancellationToken);
    }

    /// <summary>Tells the other agents this one is typing; at most every three seconds.</summary>
    public async Task TypingAsync()
    {
        var now = DateTimeOffset.UtcNow;
        if (_connection is not { State: HubConnectionState.Connected } connection || now - _lastTyping < TimeSpan.FromSeconds(3))
        {
            return;
        }

        _lastTyping = now;
        await connection.InvokeAsync(nameof(InboxHub.Typing));
    }

    private async Task<HubConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not null)
            {
                return _connection;
            }

            var user = (await authentication.GetAuthenticationStateAsync()).User;
            var connection = new HubConnectionBuilder()
                .WithUrl(targets.LocalBaseUrl + InboxHub.Path, options => options.AccessTokenProvider = () => Task.FromResult<string?>(tokens.Issue(user)))
                .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)])
                .Build();
            connection.On<InboxMessageEvent>(nameof(IInboxClient.MessageCreated), e => RaiseAsync(MessageCreated, e));
            connection.On<InboxMessageEvent>(nameof(IInboxClient.MessageUpdated), e => RaiseAsync(MessageUpdated, e));
            connection.On<InboxConversationEvent>(nameof(IInboxClient.ConversationUpdated), e => RaiseAsync(ConversationUpdated, e));
            connection.On<PresenceEvent>(nameof(IInboxClient.Presence), e => RaiseAsync(PresenceChanged, e));
            connection.On<TemplateEvent>(nameof(IInboxClient.TemplateUpdated), e => RaiseAsync(TemplateUpdated, e));
            connection.Reconnected += async _ =>
            {
                // Groups belong to the old connection: join them again, then let panes refetch.
                await connection.InvokeAsync(nameof(InboxHub.WatchChannels), _channels);
                if (_conversation is { } current)
                {
                    await connection.InvokeAsync(nameof(InboxHub.WatchConversation), current.ChannelId, current.Id);
                }

                if (Reconnected is { } reconnected)
                {
                    await reconnected();
                }
            };
            await connection.StartAsync(cancellationToken);
            _connection = connection;

            // A circuit outlives its browser for a while; its connection to this server must not hold up shutdown.
            _stopping = lifetime.ApplicationStopping.Register(() => _ = connection.StopAsync());
            return connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RaiseAsync<T>(Func<T, Task>? handler, T value)
    {
        if (handler is null)
        {
            return;
        }

        try
        {
            await handler(value);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "A live inbox handler failed");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.DisposeAsync();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _gate.Dispose();
    }
}
