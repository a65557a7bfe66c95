using System.Security.Claims;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>The live inbox: conversation list on the left, the chat on the right, both updated from <see cref="InboxEvents"/>.</summary>
public sealed partial class InboxPage
{
    private readonly CancellationTokenSource _cts = new();
    private readonly List<IDisposable> _subscriptions = [];

    /// <summary>This page's place in <see cref="PresenceTracker"/> (one per open inbox tab).</summary>
    private readonly string _viewerId = Guid.NewGuid().ToString("N");
    private HashSet<string> _channelIds = [];
    private DateTimeOffset _lastTyping;
    private InboxFilter _filter = new();
    private string? _search;
    private IReadOnlyList<ConversationRow> _conversations = [];
    private IReadOnlyList<ChannelView> _channels = [];
    private IReadOnlyList<AgentOption> _agents = [];
    private ConversationRow? _selected;
    private ChatMessages? _chat;
    private DateTimeOffset _now;
    private string _userId = "";
    private bool _loaded;
    private int _reloadPending;
    private int _selectedChanged;
    private string _userName = "";
    private readonly Dictionary<long, PresenceEvent> _presence = [];
    private IReadOnlyDictionary<ProductKey, string> _productNames = new Dictionary<ProductKey, string>();
    private readonly Dictionary<long, DateTimeOffset> _typingIndicatorAt = [];
    private static readonly TimeSpan TypingIndicatorEvery = TimeSpan.FromSeconds(20);

    [Parameter]
    public long? ConversationId { get; set; }

    [Inject]
    private InboxService Inbox { get; set; } = default!;

    [Inject]
    private ChannelService Channels { get; set; } = default!;

    [Inject]
    private InboxEvents Events { get; set; } = default!;

    [Inject]
    private PresenceTracker Presence { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<InboxPage> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private static readonly string[] ReactionChoices = ["👍", "❤️", "😂", "😮", "🙏"];

    private long? _selectedMessageId;
    private Message? _replyTo;

    [Inject]
    private Outbound.OutboundService Outbound { get; set; } = default!;

    [Inject]
    private ReadReceipts Receipts { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private Components.Shared.People People { get; set; } = default!;

    [Inject]
    private ProductNames Products { get; set; } = default!;

    private bool WindowOpen => _selected?.WindowClosesAt is { } closes && closes > _now;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        _userName = (await People.OfAsync(user, _cts.Token)).Name;
        _now = Inbox.Now;
        _channels = await Channels.ListAsync(_cts.Token);
        _channelIds = _channels.Select(c => c.Id).ToHashSet();
        _agents = await Inbox.AgentsAsync(_cts.Token);
        await LoadListAsync();

        if (RendererInfo.IsInteractive)
        {
            _subscriptions.Add(Events.Subscribe<MessageCreated>(e => OnChangeAsync(e.ChannelId, e.ConversationId)));
            _subscriptions.Add(Events.Subscribe<MessageUpdated>(e => OnChangeAsync(e.ChannelId, e.ConversationId)));
            _subscriptions.Add(Events.Subscribe<ConversationUpdated>(e => OnChangeAsync(e.ChannelId, e.ConversationId)));
            _subscriptions.Add(Events.Subscribe<PresenceEvent>(OnPresenceAsync));
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        await LoadSelectedAsync(markSeen: true);
        if (_selected is { } selected && RendererInfo.IsInteractive)
        {
            Presence.View(_viewerId, _userName, selected.ChannelId, selected.Id);
        }
    }

    private async Task LoadListAsync()
    {
        _now = Inbox.Now;
        _conversations = await Inbox.ListConversationsAsync(_filter with { Search = _search }, _userId, _cts.Token);
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
            await SendReceiptAsync(() => Receipts.ConversationOpenedAsync(id, _cts.Token));
        }

        _selected = await Inbox.GetConversationAsync(id, _cts.Token);
        _chat = _selected is null ? null : await Inbox.GetMessagesAsync(id, cancellationToken: _cts.Token);
        _loaded = true;
        LookUpProductNames();
    }

    /// <summary>Shows the product names already known at once; asks the catalog for the rest without waiting for it.</summary>
    private void LookUpProductNames()
    {
        if (_selected is not { } conversation || _chat is null)
        {
            return;
        }

        var products = ProductKey.In(_chat.Messages);
        _productNames = Products.Known(conversation.ChannelId, products);
        if (products.Count > 0 && !Products.AllAnswered(conversation.ChannelId, products))
        {
            _ = LookUpProductNamesAsync(conversation.ChannelId, conversation.Id, products);
        }
    }

    private async Task LookUpProductNamesAsync(string channelId, long conversationId, IReadOnlyList<ProductKey> products)
    {
        try
        {
            var names = await Products.LookUpAsync(channelId, products, _cts.Token);
            await InvokeAsync(() =>
            {
                if (_selected?.Id == conversationId)
                {
                    _productNames = names;
                    StateHasChanged();
                }
            });
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Names are a courtesy: the ids stay on screen.
            Logger.LogInformation(exception, "Product names could not be looked up");
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }

    private void OpenAsync(long id)
    {
        _selectedMessageId = null;
        _replyTo = null;
        Navigation.NavigateTo($"/inbox/{id}");
    }

    private void SelectMessage(long messageId) => _selectedMessageId = _selectedMessageId == messageId ? null : messageId;

    private void StartReply(Message message)
    {
        _replyTo = message;
        _selectedMessageId = null;
    }

    private async Task ReactAsync(Message message, string emoji)
    {
        var result = await Outbound.SendAsync(
            new Outbound.SendRequest(message.ConversationId, Guid.NewGuid().ToString("N"), null, ReactionTargetWaMessageId: message.WaMessageId, ReactionEmoji: emoji, SentByUserId: _userId),
            _cts.Token);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Error!, Severity.Warning);
        }

        _selectedMessageId = null;
        await LoadSelectedAsync(markSeen: false);
    }

    private async Task RetryAsync(Message message)
    {
        var result = await Outbound.RetryAsync(message.Id, confirmUnconfirmed: true, _cts.Token);
        Snackbar.Add(result.Succeeded ? "Sending again." : result.Error!, result.Succeeded ? Severity.Info : Severity.Warning);
        _selectedMessageId = null;
        await LoadSelectedAsync(markSeen: false);
    }

    private async Task OnSentAsync(long messageId)
    {
        _replyTo = null;
        if (ConversationId is { } id)
        {
            await SendReceiptAsync(() => Receipts.AgentRepliedAsync(id, _cts.Token));
        }

        await LoadSelectedAsync(markSeen: false);
        await LoadListAsync();
    }

    private async Task SearchAsync(string? search)
    {
        _search = search;
        await LoadListAsync();
    }

    private async Task FilterAsync(InboxFilter filter)
    {
        _filter = filter;
        await LoadListAsync();
    }

    private async Task AssignAsync(string? userId)
    {
        if (ConversationId is { } id && await Inbox.AssignAsync(id, userId, _cts.Token) is { } error)
        {
            Snackbar.Add(error, Severity.Warning);
        }

        await LoadSelectedAsync(markSeen: false);
        await LoadListAsync();
    }

    private async Task SetStatusAsync(ConversationStatus status)
    {
        if (ConversationId is { } id && await Inbox.SetStatusAsync(id, status, _cts.Token) is { } error)
        {
            Snackbar.Add(error, Severity.Warning);
        }

        await LoadSelectedAsync(markSeen: false);
        await LoadListAsync();
    }

    /// <summary>Events of the channels listed, or of the open conversation.</summary>
    private Task OnChangeAsync(string channelId, long conversationId) =>
        _channelIds.Contains(channelId) || conversationId == ConversationId ? ReloadAsync(conversationId) : Task.CompletedTask;

    /// <summary>Other agents viewing or typing; this agent is left out of what is shown.</summary>
    private Task OnPresenceAsync(PresenceEvent e) => !_channelIds.Contains(e.ChannelId) ? Task.CompletedTask : InvokeAsync(() =>
    {
        _presence[e.ConversationId] = e with
        {
            Viewers = e.Viewers.Where(v => v != _userName).ToList(),
            Typing = e.Typing.Where(v => v != _userName).ToList(),
        };
        StateHasChanged();
    });

    private PresenceEvent? PresenceOf(long conversationId) => _presence.GetValueOrDefault(conversationId);

    private void Typing()
    {
        if (_selected is { } conversation && WindowOpen && Time.GetUtcNow() - _typingIndicatorAt.GetValueOrDefault(conversation.Id) > TypingIndicatorEvery)
        {
            // The customer's indicator lasts up to 25 s at Meta; once per 20 s keeps it on while the agent types.
            // Never awaited here: a slow answer from Meta must not hold up the keyboard.
            _typingIndicatorAt[conversation.Id] = Time.GetUtcNow();
            _ = ShowCustomerTypingAsync(conversation.Id);
        }

        // Other agents see "typing" for a few seconds; telling them every three seconds keeps it on.
        if (Time.GetUtcNow() - _lastTyping >= TimeSpan.FromSeconds(3))
        {
            _lastTyping = Time.GetUtcNow();
            Presence.Typing(_viewerId);
        }
    }

    private async Task ShowCustomerTypingAsync(long conversationId)
    {
        try
        {
            await Receipts.AgentTypingAsync(conversationId, _cts.Token);
        }
        catch (Exception exception)
        {
            Logger.LogDebug(exception, "Typing indicator not sent");
        }
    }

    /// <summary>Coalesces bursts of events into one reload of what is on screen.</summary>
    private async Task ReloadAsync(long conversationId)
    {
        // The open chat is reloaded only when one of the coalesced events was about it.
        if (conversationId == ConversationId)
        {
            Interlocked.Exchange(ref _selectedChanged, 1);
        }

        if (Interlocked.Exchange(ref _reloadPending, 1) == 1)
        {
            return;
        }

        await InvokeAsync(async () =>
        {
            Interlocked.Exchange(ref _reloadPending, 0);
            await LoadListAsync();
            if (Interlocked.Exchange(ref _selectedChanged, 0) == 1)
            {
                await LoadSelectedAsync(markSeen: true);
            }

            StateHasChanged();
        });
    }

    /// <summary>A refused or failed receipt must not disturb the agent: it is logged and the chat goes on.</summary>
    private async Task SendReceiptAsync(Func<Task<bool>> send)
    {
        try
        {
            await send();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Logger.LogWarning(exception, "Read receipt could not be sent");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscriptions.ForEach(s => s.Dispose());
        Presence.Leave(_viewerId);
        await _cts.CancelAsync();
        _cts.Dispose();
    }
}
