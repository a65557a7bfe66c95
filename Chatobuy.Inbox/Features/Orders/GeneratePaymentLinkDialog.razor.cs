using Chatobuy.Inbox.Components.Shared;
using Chatobuy.Inbox.Features.Payments;
using Chatobuy.Inbox.Features.Templates.Sending;
using Chatobuy.Inbox.Features.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Chatobuy.Inbox.Features.Orders;

/// <summary>
/// Generate Payment Link: the products (from the customer's latest waiting order, or picked from the catalog) with
/// their quantities and prices, the total, and the message; <b>Send</b> makes the order when it is new (opened by the
/// agent), its link with the channel's partner, and sends the message through the outbox. Without a partner it explains
/// and leads Admins to Store Settings; outside the 24-hour window it sends an approved template that carries the link,
/// or explains why it cannot. Closes with the sent message's id.
/// </summary>
public sealed partial class GeneratePaymentLinkDialog
{
    private static readonly NewOrderValidator Validator = new();

    private readonly List<PaymentLinkLine> _lines = [];
    private PaymentSetup? _setup;
    private Order? _startedFrom;
    private string _currency = "USD";
    private IReadOnlyList<OrderProduct> _products = [];
    private string? _productsProblem;
    private string _pick = "";
    private IReadOnlyList<TemplateOption> _templates = [];
    private long? _templateId;
    private string _message = PaymentSettings.DefaultLinkMessage;
    private bool _windowOpen;
    private bool _isAdmin;
    private bool _loaded;
    private bool _sending;
    private bool _tried;
    private string? _error;
    private string? _linesError;
    private Dictionary<string, string> _lineErrors = [];

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The conversation the link is sent to.</summary>
    [Parameter, EditorRequired]
    public long ConversationId { get; set; }

    /// <summary>The order to start from; the conversation's latest order waiting for payment when not given.</summary>
    [Parameter]
    public long? OrderId { get; set; }

    /// <summary>The agent who sends it.</summary>
    [Parameter]
    public string? UserId { get; set; }

    [Inject]
    private OrderQueries Orders { get; set; } = default!;

    [Inject]
    private OrderService OrderService { get; set; } = default!;

    [Inject]
    private OrderCatalog Catalog { get; set; } = default!;

    [Inject]
    private PaymentLinkSender Sender { get; set; } = default!;

    [Inject]
    private People People { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private decimal Total => _lines.Sum(l => l.Subtotal);

    private bool CanSend => _lines.Count > 0 && (_windowOpen || _templates.Count > 0);

    private string? MessageError => _windowOpen && !_message.Contains(PaymentText.PaymentLink, StringComparison.Ordinal) ? PaymentLinkSender.MessageNeedsLink : null;

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _isAdmin = (await AuthenticationState).User.IsInRole(Roles.Admin);
        }

        _setup = await Orders.PaymentSetupAsync(ConversationId, CancellationToken.None);
        if (_setup is null || _setup.Partner == PaymentPartnerKind.None)
        {
            _loaded = true;
            return;
        }

        var settings = await Sender.SettingsAsync(_setup.ChannelId, CancellationToken.None);
        _message = settings.LinkMessage;
        _currency = settings.Currency;
        _windowOpen = Chatobuy.Inbox.Features.Conversations.CustomerServiceWindow.IsOpen(_setup.LastInboundAt, Time.GetUtcNow());

        _startedFrom = OrderId is { } orderId
            ? (await Orders.GetAsync(orderId, CancellationToken.None))?.Order
            : await Orders.StartingPointAsync(ConversationId, CancellationToken.None);
        if (_startedFrom is { } order)
        {
            _currency = order.Currency;
            _lines.AddRange(order.Items.OrderBy(i => i.Id).Select(PaymentLinkLine.Of));
        }

        if (!_windowOpen)
        {
            _templates = await Sender.TemplatesAsync(_setup.ChannelId, CancellationToken.None);
            _templateId = _templates.FirstOrDefault()?.Id;
        }

        _loaded = true;
        StateHasChanged();
        (_products, _productsProblem) = await Catalog.ProductsAsync(_setup.ChannelId, CancellationToken.None);
    }

    private void SetQuantity(PaymentLinkLine line, int quantity)
    {
        line.Quantity = quantity;
        Revalidate();
    }

    private void SetPrice(PaymentLinkLine line, decimal price)
    {
        line.UnitPrice = price;
        Revalidate();
    }

    private void Remove(PaymentLinkLine line)
    {
        _lines.Remove(line);
        Revalidate();
    }

    private void Add()
    {
        if (_products.FirstOrDefault(p => p.RetailerId == _pick) is not { } product)
        {
            return;
        }

        if (_lines.FirstOrDefault(l => l.RetailerId == product.RetailerId) is { } existing)
        {
            existing.Quantity++;
        }
        else
        {
            _lines.Add(new PaymentLinkLine { RetailerId = product.RetailerId, Name = product.Name, Quantity = 1, UnitPrice = product.UnitPrice ?? 0 });
        }

        _pick = "";
        Revalidate();
    }

    private string? LineError(int index, string field) => _lineErrors.GetValueOrDefault($"{nameof(NewOrder.Items)}[{index}].{field}");

    private NewOrder Draft() => new()
    {
        ConversationId = ConversationId,
        Currency = _currency,
        Items = _lines.Select(l => new NewOrderLine { RetailerId = l.RetailerId, Name = l.Name, Quantity = l.Quantity, UnitPrice = l.UnitPrice }).ToList(),
    };

    /// <summary>The order's checks, shown next to the quantities and prices once the agent tried to send.</summary>
    private bool Revalidate()
    {
        var result = Validator.Validate(Draft());
        if (!_tried)
        {
            return result.IsValid;
        }

        _lineErrors = result.Errors.Where(e => e.PropertyName.StartsWith(nameof(NewOrder.Items) + "[", StringComparison.Ordinal))
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.First().ErrorMessage);
        _linesError = result.Errors.FirstOrDefault(e => e.PropertyName == nameof(NewOrder.Items))?.ErrorMessage
            ?? (Total <= 0 && _lines.Count > 0 ? "The total is zero: there is nothing to pay." : null);
        return result.IsValid && _linesError is null;
    }

    /// <summary>Whether the lines are still those of the order started from (then that order gets the link).</summary>
    private bool Unchanged(Order order) =>
        order.Items.Count == _lines.Count
        && order.Items.OrderBy(i => i.Id).Zip(_lines).All(p => p.First.RetailerId == p.Second.RetailerId && p.First.Quantity == p.Second.Quantity && p.First.UnitPrice == p.Second.UnitPrice);

    private async Task SendAsync()
    {
        if (_sending || _setup is null)
        {
            return;
        }

        _error = null;
        _tried = true;
        if (!Revalidate() || MessageError is not null)
        {
            return;
        }

        _sending = true;
        try
        {
            var actor = (await People.FindAsync(UserId))?.Name is { Length: > 0 } name ? name : await SignedInNameAsync();
            if (_startedFrom is not { } order || !Unchanged(order) || order.Status is not (OrderStatus.PendingPayment or OrderStatus.Failed or OrderStatus.Expired))
            {
                var created = await OrderService.CreateAsync(Draft(), actor, CancellationToken.None);
                if (!created.Succeeded)
                {
                    _error = created.Error;
                    return;
                }

                // A retry after a refused send uses this order rather than making another.
                order = created.Order!;
                _startedFrom = order;
            }

            var result = await Sender.CreateAsync(order.Id, actor, Navigation.BaseUri, new PaymentLinkSend(_windowOpen ? _message : null, UserId, _windowOpen ? null : _templateId), CancellationToken.None);
            if (!result.Succeeded || result.SendError is not null)
            {
                _error = result.Error ?? result.SendError;
                return;
            }

            Dialog.Close(DialogResult.Ok(result.MessageId ?? 0));
        }
        finally
        {
            _sending = false;
        }
    }

    private async Task<string> SignedInNameAsync() =>
        AuthenticationState is null ? "Agent" : (await People.OfAsync((await AuthenticationState).User)).Name is { Length: > 0 } name ? name : "Agent";

    private void Cancel() => Dialog.Cancel();
}
