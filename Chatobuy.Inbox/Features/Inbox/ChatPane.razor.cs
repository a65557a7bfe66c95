using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Components.Shared;
using Chatobuy.Inbox.Features.Interactive;
using Chatobuy.Inbox.Features.Outbound;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// The open conversation: its header, the messages by day with what can be done with the one selected (reply, react,
/// retry), and the composer given as <see cref="ChildContent"/>. Product names in orders appear once the catalog answers.
/// </summary>
public sealed partial class ChatPane : IDisposable
{
    private static readonly string[] ReactionChoices = ["👍", "❤️", "😂", "😮", "🙏"];

    private readonly CancellationTokenSource _cts = new();
    private long? _selectedMessageId;
    private long _conversationShown;
    private ChatMessages? _chatNamed;
    private IReadOnlyDictionary<ProductKey, string> _productNames = new Dictionary<ProductKey, string>();
    private IReadOnlyDictionary<ProductKey, ProductCard> _productCards = new Dictionary<ProductKey, ProductCard>();

    [Parameter, EditorRequired]
    public ConversationRow Conversation { get; set; } = default!;

    [Parameter, EditorRequired]
    public ChatMessages Chat { get; set; } = default!;

    [Parameter]
    public IReadOnlyList<AgentOption> Agents { get; set; } = [];

    [Parameter, EditorRequired]
    public DateTimeOffset Now { get; set; }

    /// <summary>Why the conversation's channel is disconnected (sending waits), or null while it is connected.</summary>
    [Parameter]
    public string? ChannelDisconnectedReason { get; set; }

    /// <summary>The signed-in agent, who sends the reactions and retries.</summary>
    [Parameter]
    public string? UserId { get; set; }

    [Parameter]
    public EventCallback<string?> OnAssign { get; set; }

    [Parameter]
    public EventCallback<ConversationStatus> OnStatus { get; set; }

    /// <summary>The 24-hour window closed while the chat was open.</summary>
    [Parameter]
    public EventCallback OnWindowClosed { get; set; }

    /// <summary>The agent chose to reply to a message (the composer quotes it).</summary>
    [Parameter]
    public EventCallback<Message> OnReply { get; set; }

    /// <summary>A reaction or a retry was sent (or refused, as a snackbar says): the chat is worth reading again.</summary>
    [Parameter]
    public EventCallback OnSent { get; set; }

    /// <summary>The composer.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    /// <summary>More in the header, before the window chip (the customer's orders).</summary>
    [Parameter]
    public RenderFragment? HeaderContent { get; set; }

    /// <summary>The order each cart became, by the cart message's id: its bubble links to it.</summary>
    [Parameter]
    public IReadOnlyDictionary<long, Chatobuy.Inbox.Features.Orders.OrderBadge>? Orders { get; set; }

    /// <summary>Other agents on this conversation.</summary>
    [Parameter]
    public PresenceEvent? Presence { get; set; }

    [Inject]
    private OutboundService Outbound { get; set; } = default!;

    [Inject]
    private ProductNames Products { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<ChatPane> Logger { get; set; } = default!;

    private bool WindowOpen => Conversation.WindowClosesAt is { } closes && closes > Now;

    protected override void OnParametersSet()
    {
        if (Conversation.Id != _conversationShown)
        {
            _conversationShown = Conversation.Id;
            _selectedMessageId = null;
        }

        if (!ReferenceEquals(Chat, _chatNamed))
        {
            _chatNamed = Chat;
            LookUpProductNames();
        }
    }

    private void Select(long messageId) => _selectedMessageId = _selectedMessageId == messageId ? null : messageId;

    private Task ReplyAsync(Message message)
    {
        _selectedMessageId = null;
        return OnReply.InvokeAsync(message);
    }

    private async Task ReactAsync(Message message, string emoji)
    {
        var result = await Outbound.SendAsync(
            new SendRequest(message.ConversationId, Guid.NewGuid().ToString("N"), null, ReactionTargetWaMessageId: message.WaMessageId, ReactionEmoji: emoji, SentByUserId: UserId),
            _cts.Token);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Error!, Severity.Warning);
        }

        _selectedMessageId = null;
        await OnSent.InvokeAsync();
    }

    private async Task RetryAsync(Message message)
    {
        var result = await Outbound.RetryAsync(message.Id, confirmUnconfirmed: true, _cts.Token);
        Snackbar.Add(result.Succeeded ? "Sending again." : result.Error!, result.Succeeded ? Severity.Info : Severity.Warning);
        _selectedMessageId = null;
        await OnSent.InvokeAsync();
    }

    /// <summary>Shows the product names already known at once; asks the catalog for the rest without waiting for it.</summary>
    private void LookUpProductNames()
    {
        var products = ProductKey.In(Chat.Messages);
        _productNames = Products.Known(Conversation.ChannelId, products);
        _productCards = Products.KnownCards(Conversation.ChannelId, products);
        if (products.Count > 0 && !Products.AllAnswered(Conversation.ChannelId, products))
        {
            _ = LookUpProductNamesAsync(Conversation.ChannelId, Conversation.Id, products);
        }
    }

    private async Task LookUpProductNamesAsync(string channelId, long conversationId, IReadOnlyList<ProductKey> products)
    {
        try
        {
            var names = await Products.LookUpAsync(channelId, products, _cts.Token);
            await InvokeAsync(() =>
            {
                if (Conversation.Id == conversationId)
                {
                    _productNames = names;
                    _productCards = Products.KnownCards(channelId, products);
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
            // The chat was closed.
        }
    }

    /// <summary>The e-mail of an agent shown by name, for the tooltip.</summary>
    private string? EmailOf(string name) => Agents.FirstOrDefault(a => a.Name == name)?.Email is { Length: > 0 } email ? email : null;

    private string DayLabel(DateOnly day) => Dates.Day(day, Now, TimeZoneInfo.Local);

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
