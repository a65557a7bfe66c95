using System.Text.Json;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Webhooks;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>A product a message names: its catalog and retailer id (the SKU).</summary>
public readonly record struct ProductKey(string CatalogId, string RetailerId)
{
    /// <summary>The products orders and product questions in <paramref name="messages"/> name.</summary>
    public static IReadOnlyList<ProductKey> In(IEnumerable<Message> messages)
    {
        var keys = new HashSet<ProductKey>();
        foreach (var message in messages)
        {
            if (message.ReferredProductCatalogId is { } referredCatalog && message.ReferredProductRetailerId is { } referred)
            {
                keys.Add(new ProductKey(referredCatalog, referred));
            }

            if (message.Type == "order" && message.PayloadJson is { } json)
            {
                keys.UnionWith(InOrder(json));
            }
        }

        return keys.ToList();
    }

    private static IEnumerable<ProductKey> InOrder(string payloadJson)
    {
        using var document = JsonDocument.Parse(payloadJson);
        var order = document.RootElement;
        if (WebhookPayload.String(order, "catalog_id") is not { } catalogId
            || !order.TryGetProperty("product_items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return items.EnumerateArray()
            .Select(item => WebhookPayload.String(item, "product_retailer_id"))
            .OfType<string>()
            .Select(retailerId => new ProductKey(catalogId, retailerId))
            .ToList();
    }
}
