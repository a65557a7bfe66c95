using System.Text.Json;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Webhooks;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>A product a message names: its catalog and retailer id (the SKU).</summary>
public readonly record struct ProductKey(string CatalogId, string RetailerId)
{
    /// <summary>The products orders, product questions and sent product messages in <paramref name="messages"/> name.</summary>
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

            if (message.Type == "interactive" && message.Direction == MessageDirection.Outbound && message.PayloadJson is { } sent)
            {
                keys.UnionWith(InProductMessage(sent));
            }
        }

        return keys.ToList();
    }

    /// <summary>The products of a single- or multi-product message as stored (Meta's interactive object); none for other messages.</summary>
    public static IReadOnlyList<ProductKey> InProductMessage(string payloadJson)
    {
        try
        {
            return JsonSerializer.Deserialize<InteractiveObject>(payloadJson, GraphJson.Options) is { } interactive ? InProductMessage(interactive) : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The products of a single- or multi-product message (reference §3.4: the action's catalog and retailer ids).</summary>
    public static IReadOnlyList<ProductKey> InProductMessage(InteractiveObject interactive)
    {
        if (interactive.Action?.CatalogId is not { } catalogId)
        {
            return [];
        }

        return new[] { interactive.Action.ProductRetailerId }
            .Concat((interactive.Action.Sections ?? []).SelectMany(s => s?.ProductItems ?? []).Select(p => p?.ProductRetailerId))
            .OfType<string>()
            .Distinct()
            .Select(id => new ProductKey(catalogId, id))
            .ToList();
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
