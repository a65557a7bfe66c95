using System.Text.Json.Serialization;

namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>
/// Reference §3.4: an interactive message. <see cref="Type"/> is one of <see cref="InteractiveTypes"/>; the
/// <see cref="Action"/> carries what the type needs (buttons, list sections, a product, a URL, a location request).
/// </summary>
public sealed record InteractiveObject(
    string Type,
    InteractiveAction Action,
    InteractiveText? Body = null,
    InteractiveHeader? Header = null,
    InteractiveText? Footer = null)
{
    /// <summary>The text shown in conversation lists and the chat for this message: the body, else the header text. Not sent to Meta.</summary>
    [JsonIgnore]
    public string Summary => Body?.Text ?? Header?.Text ?? Type switch
    {
        InteractiveTypes.Product => "Product",
        InteractiveTypes.ProductList => "Products",
        _ => "Interactive message",
    };
}
