using Chatobuy.Inbox.Data;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Store;

/// <summary>
/// The synchronized products of a channel's linked catalog, for other features (product names and unit prices of
/// orders, product pickers). Reads the local copy only, never Meta; <see cref="CatalogSync"/> keeps it current.
/// </summary>
public sealed class CatalogProducts(IDbContextFactory<InboxDbContext> dbFactory)
{
    public const int DefaultSearchLimit = 50;

    /// <summary>
    /// The channel's products with these retailer ids (SKUs), in no particular order; ids the catalog does not have
    /// are simply absent from the answer.
    /// </summary>
    public async Task<IReadOnlyList<StoreProduct>> FindAsync(string channelId, IReadOnlyCollection<string> retailerIds, CancellationToken cancellationToken = default)
    {
        if (retailerIds.Count == 0)
        {
            return [];
        }

        var ids = retailerIds.Distinct(StringComparer.Ordinal).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<CatalogProduct>().AsNoTracking()
            .Where(p => p.ChannelId == channelId && ids.Contains(p.RetailerId))
            .ToListAsync(cancellationToken);
        return rows.Select(StoreProduct.From).ToList();
    }

    /// <summary>
    /// The channel's products whose name, retailer id or description contains <paramref name="text"/> (any case),
    /// by name; every product (up to <paramref name="limit"/>) when the text is empty.
    /// </summary>
    public async Task<IReadOnlyList<StoreProduct>> SearchAsync(string channelId, string? text, int limit = DefaultSearchLimit, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Set<CatalogProduct>().AsNoTracking().Where(p => p.ChannelId == channelId);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{EscapeLike(text.Trim().ToLowerInvariant())}%";
            query = query.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern, "\\")
                || EF.Functions.Like(p.RetailerId.ToLower(), pattern, "\\")
                || (p.Description != null && EF.Functions.Like(p.Description.ToLower(), pattern, "\\")));
        }

        var rows = await query.OrderBy(p => p.Name).ThenBy(p => p.RetailerId).Take(Math.Max(1, limit)).ToListAsync(cancellationToken);
        return rows.Select(StoreProduct.From).ToList();
    }

    /// <summary>How many products the channel has stored.</summary>
    public async Task<int> CountAsync(string channelId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<CatalogProduct>().CountAsync(p => p.ChannelId == channelId, cancellationToken);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
