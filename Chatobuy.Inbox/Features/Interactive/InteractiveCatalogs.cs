using System.Collections.Concurrent;
using System.Security.Cryptography;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>
/// The catalog each channel can send products from: the one linked to its WhatsApp Business Account
/// (<c>GET /{waba-id}/product_catalogs</c>) and every product of it (<c>GET /{catalog-id}/products</c>), kept
/// five minutes per channel. A catalog that could not be read is asked again next time.
/// </summary>
public sealed partial class InteractiveCatalogs(
    IDbContextFactory<InboxDbContext> dbFactory,
    ChannelSecrets secrets,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<InteractiveCatalogs> logger)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (ChannelCatalog Catalog, DateTimeOffset Until)> _cache = new();

    /// <summary>The channel's catalog and products; <paramref name="refresh"/> asks Meta again even when one is kept.</summary>
    public async Task<ChannelCatalog> GetAsync(string channelId, bool refresh = false, CancellationToken cancellationToken = default)
    {
        if (!refresh && _cache.TryGetValue(channelId, out var kept) && kept.Until > time.GetUtcNow())
        {
            return kept.Catalog;
        }

        var catalog = await ReadAsync(channelId, cancellationToken);
        if (catalog.Error is null)
        {
            _cache[channelId] = (catalog, time.GetUtcNow() + KeepFor);
        }

        return catalog;
    }

    /// <summary>
    /// Drops every kept catalog (Store Settings linked or unlinked one: every channel of the account sees the change),
    /// so the next <see cref="GetAsync"/> asks Meta again.
    /// </summary>
    public void Forget() => _cache.Clear();

    private async Task<ChannelCatalog> ReadAsync(string channelId, CancellationToken cancellationToken)
    {
        Channel? channel;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        }

        if (channel is null)
        {
            return ChannelCatalog.None with { Error = "This channel does not exist (any more)." };
        }

        GraphConnection connection;
        try
        {
            connection = secrets.ConnectionOf(channel);
        }
        catch (CryptographicException)
        {
            return ChannelCatalog.None with { Error = "The channel's access token cannot be read; connect the channel again." };
        }

        // The Graph client is scoped (one per circuit or request); this cache outlives them.
        await using var scope = scopes.CreateAsyncScope();
        var graph = scope.ServiceProvider.GetRequiredService<GraphClient>();
        var linked = await graph.GetLinkedCatalogAsync(connection, channel.WabaId, cancellationToken);
        if (!linked.Succeeded)
        {
            LogUnreadable(channelId, linked.Error!.Code);
            return ChannelCatalog.None with { Error = linked.Error.ForUser };
        }

        if (linked.Value is not { } catalog)
        {
            return ChannelCatalog.None;
        }

        var products = await graph.ListCatalogProductsAsync(connection, catalog.Id, cancellationToken);
        if (!products.Succeeded)
        {
            LogUnreadable(channelId, products.Error!.Code);
            return new ChannelCatalog(catalog.Id, catalog.Name, [], products.Error.ForUser);
        }

        var cards = products.Value!
            .Where(p => !string.IsNullOrWhiteSpace(p.RetailerId))
            .Select(p => new ProductCard(p.RetailerId!, string.IsNullOrWhiteSpace(p.Name) ? p.RetailerId! : p.Name, p.Price, p.ImageUrl))
            .ToList();
        return new ChannelCatalog(catalog.Id, catalog.Name, cards);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The catalog of channel {ChannelId} could not be read (Graph error {Code})")]
    private partial void LogUnreadable(string channelId, int code);
}
