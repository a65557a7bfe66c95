using System.Security.Claims;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Orders;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>The live inbox: conversation list on the left, the chat on the right, both updated from <see cref="InboxEvents"/>.</summary>
public sealed partial class InboxPage
{
    private static readonly InboxScope[] ScopeTabs = [InboxScope.Mine, InboxScope.Unassigned, InboxScope.All];

    private readonly CancellationTokenSource _cts = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Dictionary<long, PresenceEvent> _presence = [];
    private HashSet<string> _channelIds = [];
    private InboxFilter _filter = new();
    private string? _search;
    private IReadOnlyList<ConversationRow> _conversations = [];
    private InboxCounts _counts = new(0, 0, 0);
    private IReadOnlyList<ChannelView> _channels = [];
    private IReadOnlyList<AgentOption> _agents = [];
    private ConversationRow? _selected;
    private ChatMessages? _chat;
    private Message? _replyTo;
    private DateTimeOffset _now;
    private string _userId = "";
    private bool _loaded;
    private IReadOnlyDictionary<long, OrderBadge> _orderBadges = new Dictionary<long, OrderBadge>();

    [Parameter]
    public long? ConversationId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The reason the channel is disconnected, or null while it is connected.</summary>
    private string? DisconnectedReason(string channelId) =>
        _channels.FirstOrDefault(c => c.Id == channelId) is { Status: ChannelStatus.Disconnected } channel
            ? channel.StatusReason ?? "Meta no longer accepts this channel."
            : null;

    private bool WindowOpen => _selected?.WindowClosesAt is { } closes && closes > _now;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        _channels = await Channels.ListAsync(_cts.Token);
        _channelIds = _channels.Select(c => c.Id).ToHashSet();
        _agents = await Inbox.AgentsAsync(_cts.Token);
        await LoadLabelsAsync();
        await LoadListAsync();

        if (RendererInfo.IsInteractive)
        {
            _subscriptions.Add(WatchLabels());
            _subscriptions.Add(new LiveReload(Events, _channelIds.Contains, () => ConversationId, InvokeAsync, ReloadAsync));
            _subscriptions.Add(Events.Subscribe<ChannelStatusChanged>(
                _ => InvokeAsync(async () =>
                {
                    _channels = await Channels.ListAsync(_cts.Token);
                    StateHasChanged();
                }),
                filter: change => _channelIds.Contains(change.ChannelId)));
            _subscriptions.Add(await Presence.WatchAsync(user, _channelIds.Contains, e => InvokeAsync(() =>
            {
                _presence[e.ConversationId] = e;
                StateHasChanged();
            }), _cts.Token));
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        await LoadSelectedAsync(markSeen: true);
        if (_selected is { } selected && RendererInfo.IsInteractive)
        {
            Presence.View(selected.ChannelId, selected.Id);
            // What the bell says about this conversation has now been seen.
            await Notifications.MarkConversationReadAsync(_userId, selected.Id, _cts.Token);
        }
    }

    private async Task LoadListAsync()
    {
        _now = Inbox.Now;
        _conversations = await Inbox.ListConversationsAsync(_filter with { Search = _search }, _userId, _cts.Token);
        _counts = await Inbox.CountAsync(_filter with { Search = _search }, _userId, _cts.Token);
    }

    private async Task LoadSelectedAsync(bool markSeen)
    {
        if (ConversationId is not { } id)
        {
            _selected = null;
            _chat = null;
            return;
        }

        if (markSeen && await Inbox.MarkSeenAsync(id, _cts.Token))
        {
            await Receipts.ConversationOpenedAsync(id, _cts.Token);
        }

        _selected = await Inbox.GetConversationAsync(id, _cts.Token);
        _chat = _selected is null ? null : await Inbox.GetMessagesAsync(id, cancellationToken: _cts.Token);
        _loaded = true;
    }

    /// <summary>What <see cref="LiveReload"/> asks for after a burst of events.</summary>
    private async Task ReloadAsync(bool selectedChanged)
    {
        await LoadListAsync();
        if (selectedChanged)
        {
            await LoadSelectedAsync(markSeen: true);
        }

        StateHasChanged();
    }

    private void Open(long id)
    {
        _replyTo = null;
        Navigation.NavigateTo($"/inbox/{id}");
    }

    /// <summary>The open conversation's orders: each cart's bubble links to its order.</summary>
    private void ShowOrders(IReadOnlyList<OrderRow> orders) =>
        _orderBadges = orders.Where(o => o.SourceMessageId is not null).ToDictionary(o => o.SourceMessageId!.Value, o => new OrderBadge(o.Id, o.Number, o.Status));

    private async Task OnSentAsync()
    {
        _replyTo = null;
        if (ConversationId is { } id)
        {
            await Receipts.AgentRepliedAsync(id, _cts.Token);
        }

        await LoadSelectedAsync(markSeen: false);
        await LoadListAsync();
    }

    private Task SearchAsync(string? search)
    {
        _search = search;
        return LoadListAsync();
    }

    private Task FilterAsync(InboxFilter filter)
    {
        _filter = filter;
        return LoadListAsync();
    }

    private Task AssignAsync(string? userId) => ChangeAsync(id => Inbox.AssignAsync(id, userId, _cts.Token, byUserId: _userId));

    private Task SetStatusAsync(ConversationStatus status) => ChangeAsync(id => Inbox.SetStatusAsync(id, status, _cts.Token));

    private Task SnoozeAsync(DateTimeOffset? until) => ChangeAsync(id => Inbox.SnoozeAsync(id, until, _cts.Token));

    /// <summary>Marks the open conversation unread and closes it: opened, it would be read again at once.</summary>
    private async Task MarkUnreadAsync()
    {
        if (ConversationId is { } id && await Inbox.MarkUnreadAsync(id, _cts.Token) is { } error)
        {
            Snackbar.Add(error, Severity.Warning);
            return;
        }

        Navigation.NavigateTo("/inbox");
    }

    /// <summary>Changes the open conversation; a refusal is told in a snackbar.</summary>
    private async Task ChangeAsync(Func<long, Task<string?>> change)
    {
        if (ConversationId is { } id && await change(id) is { } error)
        {
            Snackbar.Add(error, Severity.Warning);
        }

        await LoadSelectedAsync(markSeen: false);
        await LoadListAsync();
    }

    private void Typing()
    {
        if (_selected is { } conversation && WindowOpen)
        {
            // Never awaited: a slow answer from Meta must not hold up the keyboard.
            _ = CustomerTyping.AgentTypedAsync(conversation.Id, _cts.Token);
        }

        Presence.Typing();
    }

    public async ValueTask DisposeAsync()
    {
        _subscriptions.ForEach(s => s.Dispose());
        await _cts.CancelAsync();
        _cts.Dispose();
    }
}
