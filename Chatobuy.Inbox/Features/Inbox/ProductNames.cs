using System.Collections.Concurrent;
using System.Security.Cryptography;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Interactive;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// Product names (and display prices) for the retailer ids orders and product messages carry, looked up in the catalog
/// the channel sees (commerce reference §1.3) and kept a few minutes per channel and catalog. Nothing waits for Meta: what is not known yet is shown by its
/// id, and the page renders again once the names arrive. A catalog that cannot be read is asked again a minute later.
/// </summary>
public sealed partial class ProductNames(
    IDbContextFactory<InboxDbContext> dbFactory,
    ChannelSecrets secrets,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<ProductNames> logger)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(string ChannelId, ProductKey Product), Entry> _cache = new();

    /// <summary>The names already known (and still fresh) for these products on this channel.</summary>
    public IReadOnlyDictionary<ProductKey, string> Known(string channelId, IEnumerable<ProductKey> products)
    {
        var now = time.GetUtcNow();
        var known = new Dictionary<ProductKey, string>();
        foreach (var product in products)
        {
            if (_cache.TryGetValue((channelId, product), out var entry) && entry.Until > now && entry.Name is { } name)
            {
                known[product] = name;
            }
        }

        return known;
    }

    /// <summary>What a product message shows of these products, as far as known (and still fresh): name and display price.</summary>
    public IReadOnlyDictionary<ProductKey, ProductCard> KnownCards(string channelId, IEnumerable<ProductKey> products)
    {
        var now = time.GetUtcNow();
        var known = new Dictionary<ProductKey, ProductCard>();
        foreach (var product in products)
        {
            if (_cache.TryGetValue((channelId, product), out var entry) && entry.Until > now && entry.Name is { } name)
            {
                known[product] = new ProductCard(product.RetailerId, name, entry.Price, entry.ImageUrl);
            }
        }

        return known;
    }

    /// <summary>True when every product has a fresh answer (a name, or "not in the catalog").</summary>
    public bool AllAnswered(string channelId, IEnumerable<ProductKey> products)
    {
        var now = time.GetUtcNow();
        return products.All(p => _cache.TryGetValue((channelId, p), out var entry) && entry.Until > now);
    }

    /// <summary>Asks the channel's catalog for the names not known yet; returns every name known afterwards.</summary>
    public async Task<IReadOnlyDictionary<ProductKey, string>> LookUpAsync(string channelId, IReadOnlyCollection<ProductKey> products, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var missing = products.Distinct().Where(p => !(_cache.TryGetValue((channelId, p), out var entry) && entry.Until > now)).ToList();
        foreach (var catalog in missing.GroupBy(p => p.CatalogId))
        {
            var found = await FetchAsync(channelId, catalog.Key, catalog.Select(p => p.RetailerId).ToList(), cancellationToken);
            var until = time.GetUtcNow() + (found is null ? RetryAfter : KeepFor);
            foreach (var product in catalog)
            {
                var data = found?.GetValueOrDefault(product.RetailerId);
                _cache[(channelId, product)] = new Entry(data?.Name, data?.Price, data?.ImageUrl, until);
            }
        }

        Prune();
        return Known(channelId, products);
    }

    /// <summary>Named products by retailer id; null when the catalog could not be read.</summary>
    private async Task<Dictionary<string, CatalogProductData>?> FetchAsync(string channelId, string catalogId, IReadOnlyCollection<string> retailerIds, CancellationToken cancellationToken)
    {
        Channel? channel;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        }

        if (channel is null)
        {
            return null;
        }

        GraphConnection connection;
        try
        {
            connection = secrets.ConnectionOf(channel);
        }
        catch (CryptographicException)
        {
            return null;
        }

        // The Graph client is scoped (one per circuit or request); the cache outlives them all.
        await using var scope = scopes.CreateAsyncScope();
        var graph = scope.ServiceProvider.GetRequiredService<GraphClient>();
        var result = await graph.FindCatalogProductsAsync(connection, catalogId, retailerIds, cancellationToken);
        if (!result.Succeeded)
        {
            LogCatalogUnreadable(channelId, catalogId, result.Error!.Code);
            return null;
        }

        return result.Value!
            .Where(p => p.RetailerId is not null && !string.IsNullOrWhiteSpace(p.Name))
            .DistinctBy(p => p.RetailerId)
            .ToDictionary(p => p.RetailerId!, StringComparer.Ordinal);
    }

    private void Prune()
    {
        if (_cache.Count <= MaxEntries)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var (key, entry) in _cache)
        {
            if (entry.Until <= now)
            {
                _cache.TryRemove(key, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Product names of catalog {CatalogId} could not be read for channel {ChannelId} (Graph error {Code}); ids are shown")]
    private partial void LogCatalogUnreadable(string channelId, string catalogId, int code);

    private sealed record Entry(string? Name, string? Price, string? ImageUrl, DateTimeOffset Until);
}
