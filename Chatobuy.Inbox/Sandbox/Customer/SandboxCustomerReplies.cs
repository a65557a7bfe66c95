using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.State;

namespace Chatobuy.Inbox.Sandbox.Customer;

/// <summary>
/// What the customer's taps on a business's interactive message send (reference §7.3, commerce reference §4.1): a
/// reply button → <c>interactive.button_reply</c> <c>{id, title}</c>, a list row → <c>list_reply</c>
/// <c>{id, title, description}</c>, both quoting the message (<c>context.id</c>); "Send location" → a <c>location</c>
/// quoting the request; a cart of the catalog's products → an <c>order</c>. Each answer is the part of a
/// <see cref="SandboxCustomers.Send"/> request after the number and the name, or why the tap cannot be made.
/// </summary>
public static class SandboxCustomerReplies
{
    /// <summary>The place "Send location" offers before the customer edits it.</summary>
    public static readonly SandboxPlace SamplePlace = new(-23.5614, -46.6559, "Chatobuy Store", "Av. Paulista 1000, São Paulo");

    /// <summary>The customer never got a message that failed (for instance outside the 24-hour window): nothing on it can be tapped.</summary>
    public static string? CannotTap(SandboxBusinessMessage message, SandboxOutboundStatus? status) =>
        status == SandboxOutboundStatus.Failed
            ? $"(#100) Message {message.Id} failed to reach the customer, so nothing on it can be tapped"
            : message.Type != "interactive"
                ? $"(#100) Message {message.Id} is a {message.Type} message, not an interactive one"
                : null;

    /// <summary>A tap on the reply button or list row with callback id <paramref name="id"/>.</summary>
    public static (JsonObject? Fields, string? Error) Choose(SandboxBusinessMessage message, string id)
    {
        var view = SandboxInteractiveView.Parse(message.Content);
        if (view.Type is not ("button" or "list") || view.Choice(id) is not { } choice)
        {
            return (null, $"(#100) Message {message.Id} has no reply button or list row with id {id}");
        }

        var kind = view.Type == "button" ? "button_reply" : "list_reply";
        var reply = new JsonObject { ["id"] = choice.Id, ["title"] = choice.Title };
        if (kind == "list_reply" && choice.Description is { Length: > 0 } description)
        {
            reply["description"] = description;
        }

        return (new JsonObject
        {
            ["type"] = "interactive",
            ["interactive"] = new JsonObject { ["type"] = kind, [kind] = reply },
            ["context"] = new JsonObject { ["id"] = message.Id },
        }, null);
    }

    /// <summary>"Send location" under a location request: the place, quoting the request.</summary>
    public static (JsonObject? Fields, string? Error) ShareLocation(SandboxBusinessMessage message, SandboxPlace place)
    {
        if (SandboxInteractiveView.Parse(message.Content).Type != "location_request_message")
        {
            return (null, $"(#100) Message {message.Id} does not ask for a location");
        }

        if (Math.Abs(place.Latitude) > 90 || Math.Abs(place.Longitude) > 180)
        {
            return (null, "(#100) The latitude must be between -90 and 90 and the longitude between -180 and 180");
        }

        var location = new JsonObject { ["latitude"] = place.Latitude, ["longitude"] = place.Longitude };
        if (!string.IsNullOrWhiteSpace(place.Name))
        {
            location["name"] = place.Name.Trim();
        }

        if (!string.IsNullOrWhiteSpace(place.Address))
        {
            location["address"] = place.Address.Trim();
        }

        return (new JsonObject
        {
            ["type"] = "location",
            ["location"] = location,
            ["context"] = new JsonObject { ["id"] = message.Id },
        }, null);
    }

    /// <summary>
    /// "Send cart": an <c>order</c> of the catalog's products with their quantities, each at the catalog's price as a
    /// number in major units (<c>12.5</c>, as Meta writes it) and its currency, and the customer's note when there is one.
    /// <paramref name="linked"/> is the catalog linked to the business number's account (null when none is), and a
    /// number whose cart is turned off (commerce reference §2) takes no cart.
    /// </summary>
    public static (JsonObject? Fields, string? Error) Order(
        SandboxCatalogInfo? linked,
        SandboxCommerceSettings settings,
        string catalogId,
        IEnumerable<KeyValuePair<string, int>> cart,
        string? text)
    {
        if (!settings.IsCartEnabled)
        {
            return (null, "(#100) This business has turned the cart off (is_cart_enabled is false), so WhatsApp shows no cart to send");
        }

        if (linked is null || catalogId != linked.Id)
        {
            return (null, linked is null
                ? "(#100) This business has no catalog linked to its WhatsApp Business Account"
                : $"(#100) Catalog {catalogId} is not the catalog linked to this business ({linked.Id})");
        }

        var items = new JsonArray();
        foreach (var (retailerId, quantity) in cart)
        {
            if (quantity <= 0)
            {
                continue;
            }

            if (linked.Find(retailerId) is not { } product)
            {
                return (null, $"(#100) Product {retailerId} is not in catalog {catalogId}");
            }

            if (quantity > 99)
            {
                return (null, $"(#100) At most 99 of {product.Name} fit in a cart");
            }

            items.Add(new JsonObject
            {
                ["product_retailer_id"] = product.RetailerId,
                ["quantity"] = quantity,
                ["item_price"] = (double)product.Price,
                ["currency"] = product.Currency,
            });
        }

        if (items.Count == 0)
        {
            return (null, "(#100) The cart is empty");
        }

        var order = new JsonObject { ["catalog_id"] = catalogId };
        if (!string.IsNullOrWhiteSpace(text))
        {
            order["text"] = text.Trim();
        }

        order["product_items"] = items;
        return (new JsonObject { ["type"] = "order", ["order"] = order }, null);
    }
}
