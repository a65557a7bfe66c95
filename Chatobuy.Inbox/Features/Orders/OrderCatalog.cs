using System.Globalization;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Interactive;
using Chatobuy.Inbox.Features.Store;

namespace Chatobuy.Inbox.Features.Orders;

/// <summary>
/// Where orders take their products from: the names of the retailer ids a cart carries, and the products an agent picks
/// from. Both come from the channel's synchronized copy of its catalog (<see cref="CatalogProducts"/>); what the copy
/// does not have yet (a product added since the last synchronization, a channel never synchronized) is read from the
/// catalog through the Graph API (<see cref="ProductNames"/> and <see cref="InteractiveCatalogs"/>, kept a few minutes).
/// </summary>
public sealed class OrderCatalog(CatalogProducts stored, ProductNames names, InteractiveCatalogs catalogs)
{
    /// <summary>At most this many products are offered to pick from.</summary>
    public const int PickLimit = 1000;

    /// <summary>The products' names by retailer id, as far as the catalog answers; ids it does not know are left out.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(string channelId, string catalogId, IReadOnlyCollection<string> retailerIds, CancellationToken cancellationToken)
    {
        var found = (await stored.FindAsync(channelId, retailerIds, cancellationToken))
            .Where(p => p.CatalogId == catalogId)
            .GroupBy(p => p.RetailerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var keys = retailerIds.Distinct().Where(id => !found.ContainsKey(id)).Select(id => new ProductKey(catalogId, id)).ToList();
        if (keys.Count == 0)
        {
            return found;
        }

        try
        {
            var known = await names.LookUpAsync(channelId, keys, cancellationToken);
            foreach (var (key, name) in known)
            {
                found[key.RetailerId] = name;
            }

            return found;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Names are a courtesy: the retailer id stands in.
            return found;
        }
    }

    /// <summary>The products of the channel's linked catalog, or why there are none to pick from.</summary>
    public async Task<(IReadOnlyList<OrderProduct> Products, string? Problem)> ProductsAsync(string channelId, CancellationToken cancellationToken)
    {
        var synchronized = await stored.SearchAsync(channelId, null, PickLimit, cancellationToken);
        if (synchronized.Count > 0)
        {
            return (synchronized.Select(p => new OrderProduct(p.RetailerId, p.Name, p.Price, p.Amount ?? ReadPrice(p.Price), p.Currency)).ToList(), null);
        }

        ChannelCatalog catalog;
        try
        {
            catalog = await catalogs.GetAsync(channelId, cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ([], "The catalog could not be read just now; try again in a moment.");
        }

        if (catalog.Error is { } error)
        {
            return ([], error);
        }

        if (!catalog.IsLinked)
        {
            return ([], "No catalog is linked to this channel's WhatsApp Business Account, so there are no products to pick. An Admin links one in Store Settings → Catalog.");
        }

        var products = catalog.Products
            .Select(p => new OrderProduct(p.RetailerId, p.Name, p.Price, ReadPrice(p.Price), null))
            .ToList();
        return (products, null);
    }

    /// <summary>
    /// The amount a display price stands for, when it plainly reads as one ("$5.99" → 5.99, "HK$1,200.00" → 1200,
    /// "Rp460.000" → 460000): a separator followed by one or two digits at the end is the decimal point; others group
    /// thousands. Null when there is no number. Agents see and can change the unit price before it is used.
    /// </summary>
    public static decimal? ReadPrice(string? displayPrice)
    {
        if (string.IsNullOrWhiteSpace(displayPrice))
        {
            return null;
        }

        var kept = new string(displayPrice.Where(c => char.IsAsciiDigit(c) || c is '.' or ',').ToArray()).Trim('.', ',');
        if (kept.Length == 0 || !kept.Any(char.IsAsciiDigit))
        {
            return null;
        }

        var last = kept.LastIndexOfAny(['.', ',']);
        string whole;
        var fraction = "";
        if (last >= 0 && kept.Length - last - 1 is 1 or 2)
        {
            whole = kept[..last];
            fraction = kept[(last + 1)..];
        }
        else
        {
            whole = kept;
        }

        whole = new string(whole.Where(char.IsAsciiDigit).ToArray());
        var text = fraction.Length == 0 ? whole : $"{(whole.Length == 0 ? "0" : whole)}.{fraction}";
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ? amount : null;
    }
}
