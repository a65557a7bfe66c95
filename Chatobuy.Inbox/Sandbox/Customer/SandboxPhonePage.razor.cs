using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chatobuy.Inbox.Sandbox.Delivery;
using Chatobuy.Inbox.Sandbox.Rules;
using Chatobuy.Inbox.Sandbox.State;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;

namespace Chatobuy.Inbox.Sandbox.Customer;

/// <summary>The customer's side of a WhatsApp chat with a Sandbox business number.</summary>
public sealed partial class SandboxPhonePage
{
    private static readonly string[] Emojis = ["👍", "❤️", "😂", "😮", "🙏"];

    private SandboxState? _state;
    private SandboxCustomers? _customers;
    private SandboxMediaStore? _media;
    private SandboxDeliveryLog? _deliveries;
    private SandboxOutbox? _outbox;
    private SandboxProfiles? _profiles;
    private SandboxCatalogs? _catalogs;
    private TimeProvider _time = TimeProvider.System;
    private ITimer? _typingTimer;

    private string? _phoneNumberId;
    private string _customerName = SandboxCustomers.DefaultName;
    private string _customerWaId = SandboxCustomers.DefaultWaId;
    private IReadOnlyList<SandboxCustomerMessage> _messages = [];
    private IReadOnlyList<SandboxBusinessMessage> _businessMessages = [];
    private IReadOnlyList<ChatItem> _timeline = [];
    private SandboxReadMark? _readMark;
    private bool _typing;
    private ChatItem? _replyTo;
    private ComposerMode _mode = ComposerMode.Text;
    private string? _error;
    private bool _busy;

    private string? _text;
    private string _fileKind = "image";
    private string? _caption;
    private double _latitude = SandboxCustomerReplies.SamplePlace.Latitude;
    private double _longitude = SandboxCustomerReplies.SamplePlace.Longitude;
    private string? _placeName = SandboxCustomerReplies.SamplePlace.Name;
    private string? _placeAddress = SandboxCustomerReplies.SamplePlace.Address;
    private string? _contactName;
    private string? _contactPhone;
    private string? _orderText;
    private readonly Dictionary<string, int> _quantities = [];

    /// <summary>The customer's cart in this chat (WhatsApp keeps it in the thread until it is sent): quantity by retailer id.</summary>
    private readonly Dictionary<string, int> _cart = [];
    private PhoneSheet? _sheet;

    private enum ComposerMode
    {
        Text,
        File,
        Location,
        Contact,
        Order,
    }

    /// <summary>
    /// One bubble: a customer message or a business message (business reactions are chips, not bubbles), with what the
    /// phone shows of an interactive one.
    /// </summary>
    private sealed record ChatItem(
        string Id,
        DateTimeOffset At,
        string Summary,
        SandboxCustomerMessage? Customer,
        SandboxBusinessMessage? Business,
        SandboxInteractiveView? Interactive = null);

    /// <summary>The sheet open over the chat: a list, a location request or products of this business message.</summary>
    private sealed record PhoneSheet(SandboxBusinessMessage Message, SandboxInteractiveView View);

    /// <summary>A reaction on a bubble, and who reacted.</summary>
    private sealed record ReactionChip(string Emoji, string By);

    private SandboxPhoneNumber? SelectedPhone => _phoneNumberId is null ? null : _state?.FindPhoneNumber(_phoneNumberId);

    private string CallbackDescription
    {
        get
        {
            if (_state is null || _phoneNumberId is null)
            {
                return "";
            }

            var url = _state.CallbackUrlFor(_phoneNumberId);
            return url is null
                ? "Webhooks of this number are not sent: the app is not subscribed to its WhatsApp Business Account, or no callback URL is set."
                : $"Webhooks go to {url}";
        }
    }

    protected override void OnInitialized()
    {
        // The page is routable even when the Sandbox is off (nothing registered): it then says so.
        _state = Services.GetService<SandboxState>();
        _customers = Services.GetService<SandboxCustomers>();
        _media = Services.GetService<SandboxMediaStore>();
        _deliveries = Services.GetService<SandboxDeliveryLog>();
        _outbox = Services.GetService<SandboxOutbox>();
        _profiles = Services.GetService<SandboxProfiles>();
        _catalogs = Services.GetService<SandboxCatalogs>();
        _time = Services.GetService<TimeProvider>() ?? TimeProvider.System;
        if (_state is null || _customers is null)
        {
            return;
        }

        _phoneNumberId = _state.PhoneNumbers[0].Id;
        Reload();
        _customers.MessageRecorded += OnMessageRecorded;
        if (_deliveries is not null)
        {
            _deliveries.Changed += OnChanged;
        }

        if (_outbox is not null)
        {
            _outbox.Changed += OnChanged;
        }

        if (_profiles is not null)
        {
            _profiles.Changed += OnProfileChanged;
        }
    }

    private SandboxProfile? SelectedProfile => _phoneNumberId is null ? null : _profiles?.Get(_phoneNumberId);

    private void OnProfileChanged(string phoneNumberId) => OnChanged();

    private void OnPhoneChanged(string phoneNumberId)
    {
        _phoneNumberId = phoneNumberId;
        LeaveChat();
        Reload();
    }

    private void OnCustomerChanged(string waId)
    {
        _customerWaId = waId?.Trim() ?? "";
        LeaveChat();
        Reload();
    }

    /// <summary>Another chat: the pending reply, the open sheet and the cart belong to the one left.</summary>
    private void LeaveChat()
    {
        _replyTo = null;
        _sheet = null;
        _cart.Clear();
    }

    private void Reload()
    {
        _messages = _customers is not null && _phoneNumberId is not null ? _customers.Conversation(_phoneNumberId, _customerWaId) : [];
        _businessMessages = _outbox is not null && _phoneNumberId is not null ? _outbox.Conversation(_phoneNumberId, _customerWaId) : [];
        _timeline = _messages.Select(m => new ChatItem(m.Id, m.At, m.Summary, m, null))
            .Concat(_businessMessages.Where(m => m.Type != "reaction").Select(m =>
                new ChatItem(m.Id, m.At, m.Summary, null, m, m.Type == "interactive" ? SandboxInteractiveView.Parse(m.Content) : null)))
            .OrderBy(i => i.At)
            .ToList();
        _readMark = _outbox is not null && _phoneNumberId is not null ? _outbox.ReadMark(_phoneNumberId, _customerWaId) : null;
        _typing = _outbox is not null && _phoneNumberId is not null && _outbox.IsTyping(_phoneNumberId, _customerWaId);

        // "typing…" goes away by itself after 25 s: look again then.
        _typingTimer?.Dispose();
        _typingTimer = null;
        if (_typing && _readMark?.TypingUntil is { } until)
        {
            var wait = until - _time.GetUtcNow() + TimeSpan.FromMilliseconds(50);
            _typingTimer = _time.CreateTimer(_ => OnChanged(), null, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The latest reaction of each side to a message (an empty emoji removes it).</summary>
    private IReadOnlyList<ReactionChip> ReactionsTo(string wamid)
    {
        var fromCustomer = _messages.LastOrDefault(m => m.Type == "reaction" && SandboxMessageRules.Str(m.Message["reaction"]?["message_id"]) == wamid);
        var fromBusiness = _businessMessages.LastOrDefault(m => m.Type == "reaction" && SandboxMessageRules.Str(m.Content["message_id"]) == wamid);
        var chips = new List<ReactionChip>();
        if (SandboxMessageRules.Str(fromCustomer?.Message["reaction"]?["emoji"]) is { Length: > 0 } customerEmoji)
        {
            chips.Add(new ReactionChip(customerEmoji, "Customer"));
        }

        if (SandboxMessageRules.Str(fromBusiness?.Content["emoji"]) is { Length: > 0 } businessEmoji)
        {
            chips.Add(new ReactionChip(businessEmoji, "Business"));
        }

        return chips;
    }

    private bool IsReadByBusiness(SandboxCustomerMessage message) => _readMark is { } mark && message.At <= mark.MessageAt;

    private static string DescribeTicks(SandboxOutboundStatus status) => status switch
    {
        SandboxOutboundStatus.Accepted => "🕓",
        SandboxOutboundStatus.Sent => "✓",
        SandboxOutboundStatus.Delivered => "✓✓",
        SandboxOutboundStatus.Read => "✓✓ read",
        _ => "⚠ failed",
    };

    private void ReadBusinessMessage(string wamid)
    {
        _outbox?.ReadByCustomer(wamid);
        Reload();
    }

    private void OnMessageRecorded(SandboxCustomerMessage message) => OnChanged();

    private void OnChanged() =>
        _ = InvokeAsync(() =>
        {
            Reload();
            StateHasChanged();
        });

    private SandboxItemDelivery DeliveryOf(SandboxCustomerMessage message) =>
        _deliveries?.StateOf(message.Id) ?? new SandboxItemDelivery(SandboxDeliveryState.Queued, 0, null);

    private static string DescribeDelivery(SandboxItemDelivery delivery) => delivery.State switch
    {
        SandboxDeliveryState.Queued or SandboxDeliveryState.Sending => "queued",
        SandboxDeliveryState.Delivered => "delivered",
        SandboxDeliveryState.Retrying => $"retrying ({delivery.Attempts})",
        SandboxDeliveryState.Failed => "failed",
        _ => "not sent",
    };

    private string QuoteOf(string wamid) =>
        _messages.FirstOrDefault(m => m.Id == wamid)?.Summary ?? _businessMessages.FirstOrDefault(m => m.Id == wamid)?.Summary ?? "a message";

    private static bool IsValidWaId(string? waId) => waId is not null && WaIdPattern().IsMatch(waId);

    /// <summary>
    /// The catalog linked to the business number's account (what its customers browse and order from); null when none
    /// is. A host without the Sandbox's catalog state shows the seeded shop.
    /// </summary>
    private SandboxCatalogInfo? PhoneCatalog =>
        _catalogs is null ? SandboxCatalogs.Shop : _phoneNumberId is null ? null : _catalogs.LinkedToPhone(_phoneNumberId);

    private SandboxCommerceSettings PhoneCommerceSettings =>
        _catalogs is null || _phoneNumberId is null ? SandboxCommerceSettings.Default : _catalogs.CommerceSettings(_phoneNumberId);

    private int QuantityOf(SandboxProduct product) => _quantities.GetValueOrDefault(product.RetailerId);

    private static string AcceptFor(string kind) =>
        string.Join(",", SandboxMediaRules.Kinds.FirstOrDefault(k => k.Name == kind)?.MimeTypes ?? []);

    private static string RuleFor(string kind) =>
        SandboxMediaRules.Kinds.FirstOrDefault(k => k.Name == kind) is { } rule
            ? $"{string.Join(", ", rule.MimeTypes)} · up to {SandboxMediaRules.Describe(rule.MaxBytes)}"
            : "";

    private async Task OnTextKeyUpAsync(KeyboardEventArgs args)
    {
        if (args.Key == "Enter" && !args.ShiftKey)
        {
            await SendTextAsync();
        }
    }

    private Task SendTextAsync()
    {
        if (string.IsNullOrWhiteSpace(_text))
        {
            return Task.CompletedTask;
        }

        if (Send("text", new JsonObject { ["text"] = new JsonObject { ["body"] = _text.Trim() } }))
        {
            _text = null;
        }

        return Task.CompletedTask;
    }

    private async Task SendFileAsync(IBrowserFile? file)
    {
        if (file is null || _media is null)
        {
            return;
        }

        var mimeType = string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType;
        if (SandboxMediaRules.Check(mimeType, file.Size, _fileKind) is { } refusal)
        {
            _error = $"WhatsApp would not take this file: {refusal}";
            return;
        }

        _busy = true;
        try
        {
            await using var content = file.OpenReadStream(SandboxMediaRules.MaxBytes);
            var stored = await _media.SaveAsync(content, mimeType, file.Name, null, CancellationToken.None);
            var extra = new JsonObject { ["media_id"] = stored.Id };
            if (!string.IsNullOrWhiteSpace(_caption) && _fileKind is not ("audio" or "sticker"))
            {
                extra["caption"] = _caption.Trim();
            }

            if (_fileKind == "document")
            {
                extra["filename"] = file.Name;
            }

            if (Send(_fileKind, extra))
            {
                _caption = null;
            }
        }
        catch (IOException exception)
        {
            _error = $"The file could not be read: {exception.Message}";
        }
        finally
        {
            _busy = false;
        }
    }

    private Task SendLocationAsync()
    {
        var location = new JsonObject { ["latitude"] = _latitude, ["longitude"] = _longitude };
        if (!string.IsNullOrWhiteSpace(_placeName))
        {
            location["name"] = _placeName.Trim();
        }

        if (!string.IsNullOrWhiteSpace(_placeAddress))
        {
            location["address"] = _placeAddress.Trim();
        }

        Send("location", new JsonObject { ["location"] = location });
        return Task.CompletedTask;
    }

    private Task SendContactAsync()
    {
        var name = _contactName?.Trim() ?? "";
        var phone = _contactPhone?.Trim() ?? "";
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        var parts = name.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var card = new JsonObject
        {
            ["name"] = new JsonObject
            {
                ["formatted_name"] = name,
                ["first_name"] = parts.ElementAtOrDefault(0) ?? name,
            },
            ["phones"] = new JsonArray(new JsonObject { ["phone"] = phone, ["wa_id"] = digits, ["type"] = "CELL" }),
        };
        if (parts.Length > 1)
        {
            card["name"]!["last_name"] = parts[1];
        }

        if (Send("contacts", new JsonObject { ["contacts"] = new JsonArray(card) }))
        {
            _contactName = null;
            _contactPhone = null;
        }

        return Task.CompletedTask;
    }

    private Task SendOrderAsync()
    {
        if (SendReply(SandboxCustomerReplies.Order(PhoneCatalog, PhoneCommerceSettings, PhoneCatalog?.Id ?? "", _quantities, _orderText)))
        {
            _quantities.Clear();
            _orderText = null;
        }

        return Task.CompletedTask;
    }

    /// <summary>Where the browser gets an interactive message's media header: the uploaded file (by signed URL) or its link.</summary>
    private string? HeaderMediaUrl(SandboxInteractiveView view) =>
        view.Header is not { IsMedia: true } header
            ? null
            : header.MediaId is { } mediaId
                ? _media?.Find(mediaId) is null ? null : $"{SandboxCustomerEndpoints.PhoneMediaPath}/{Uri.EscapeDataString(mediaId)}?{_media.ViewQuery(mediaId)}"
                : header.Link;

    private void OpenSheet(SandboxBusinessMessage message, SandboxInteractiveView view)
    {
        _error = SandboxCustomerReplies.CannotTap(message, _outbox?.StatusOf(message.Id));
        _sheet = _error is null ? new PhoneSheet(message, view) : null;
    }

    /// <summary>The newest product message of the chat: where "View cart" opens.</summary>
    private PhoneSheet? LastProductMessage() =>
        _timeline.LastOrDefault(i => i.Interactive is { IsProducts: true } && _outbox?.StatusOf(i.Id) != SandboxOutboundStatus.Failed) is { } item
            ? new PhoneSheet(item.Business!, item.Interactive!)
            : null;

    /// <summary>A reply button or a list row: <c>button_reply</c> / <c>list_reply</c> quoting the message.</summary>
    private void Choose(SandboxBusinessMessage message, string id)
    {
        if (Tappable(message) && SendReply(SandboxCustomerReplies.Choose(message, id)))
        {
            _sheet = null;
        }
    }

    private void ShareLocation(SandboxBusinessMessage message, SandboxPlace place)
    {
        if (Tappable(message) && SendReply(SandboxCustomerReplies.ShareLocation(message, place)))
        {
            _sheet = null;
        }
    }

    private void SetQuantity(KeyValuePair<string, int> line)
    {
        if (line.Value <= 0)
        {
            _cart.Remove(line.Key);
        }
        else
        {
            _cart[line.Key] = Math.Min(line.Value, 99);
        }
    }

    /// <summary>"Send cart": the whole cart as an <c>order</c> of the message's catalog; the cart empties once it is sent.</summary>
    private void SendCart(SandboxInteractiveView view, string? note)
    {
        if (SendReply(SandboxCustomerReplies.Order(PhoneCatalog, PhoneCommerceSettings, view.CatalogId ?? "", _cart, note)))
        {
            _cart.Clear();
            _sheet = null;
        }
    }

    private bool Tappable(SandboxBusinessMessage message)
    {
        _error = SandboxCustomerReplies.CannotTap(message, _outbox?.StatusOf(message.Id));
        return _error is null;
    }

    /// <summary>Sends what a tap built (its <c>type</c>, payload and <c>context</c>), or shows why it cannot be sent.</summary>
    private bool SendReply((JsonObject? Fields, string? Error) reply)
    {
        if (reply.Fields is not { } fields)
        {
            _error = reply.Error;
            return false;
        }

        var type = SandboxMessageRules.Str(fields["type"])!;
        fields.Remove("type");
        return Send(type, fields, asReply: false);
    }

    /// <summary>
    /// The customer taps a quick-reply button of a template: Meta sends <c>type: "button"</c> with the button's
    /// payload and text, and <c>context.id</c> = the template message's wamid (reference §7.3).
    /// </summary>
    private void TapQuickReply(SandboxBusinessMessage template, SandboxTemplateButton button) =>
        Send(
            "button",
            new JsonObject
            {
                ["button"] = new JsonObject { ["payload"] = button.Payload ?? button.Text, ["text"] = button.Text },
                ["context"] = new JsonObject { ["id"] = template.Id },
            },
            asReply: false);

    private Task ReactAsync(string wamid, string emoji)
    {
        Send("reaction", new JsonObject { ["reaction"] = new JsonObject { ["message_id"] = wamid, ["emoji"] = emoji } }, asReply: false);
        return Task.CompletedTask;
    }

    /// <summary>Sends as the customer; a pending reply adds <c>context</c>. False (and a message shown) when refused.</summary>
    private bool Send(string type, JsonObject fields, bool asReply = true)
    {
        if (_customers is null || _phoneNumberId is null)
        {
            return false;
        }

        if (!IsValidWaId(_customerWaId))
        {
            _error = "The customer number must be 6 to 20 digits, country code first (e.g. 15551234567).";
            return false;
        }

        var request = new JsonObject
        {
            ["phone_number_id"] = _phoneNumberId,
            ["name"] = string.IsNullOrWhiteSpace(_customerName) ? SandboxCustomers.DefaultName : _customerName.Trim(),
            ["type"] = type,
        };
        foreach (var (key, value) in fields.ToList())
        {
            fields.Remove(key);
            request[key] = value;
        }

        if (asReply && _replyTo is { } replyTo)
        {
            request["context"] = new JsonObject { ["id"] = replyTo.Id };
        }

        var result = _customers.Send(_customerWaId, request);
        if (!result.Succeeded)
        {
            _error = result.Error;
            return false;
        }

        _error = null;
        _replyTo = null;
        Reload();
        return true;
    }

    [GeneratedRegex("^[0-9]{6,20}$")]
    private static partial Regex WaIdPattern();

    public void Dispose()
    {
        if (_customers is not null)
        {
            _customers.MessageRecorded -= OnMessageRecorded;
        }

        if (_deliveries is not null)
        {
            _deliveries.Changed -= OnChanged;
        }

        if (_outbox is not null)
        {
            _outbox.Changed -= OnChanged;
        }

        if (_profiles is not null)
        {
            _profiles.Changed -= OnProfileChanged;
        }

        _typingTimer?.Dispose();
    }
}
