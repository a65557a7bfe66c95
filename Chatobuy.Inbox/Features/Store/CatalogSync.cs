using System.Collections.Concurrent;
using System.Security.Cryptography;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Store;

/// <summary>
/// Copies a channel's linked catalog from Meta into <see cref="CatalogProduct"/> rows: the account's catalog
/// (<c>GET /{waba-id}/product_catalogs</c>), then every page of its products, inserted or updated by retailer id, and
/// the products gone from the catalog (or from a catalog no longer linked) removed. The outcome is recorded on the
/// channel's <see cref="ChannelStore"/> row. A failed read changes no product. One synchronization per channel at a time.
/// </summary>
public sealed partial class CatalogSync(
    IDbContextFactory<InboxDbContext> dbFactory,
    ChannelSecrets secrets,
    IServiceScopeFactory scopes,
    IOptions<StoreOptions> options,
    TimeProvider time,
    ILogger<CatalogSync> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _running = new(StringComparer.Ordinal);

    /// <summary>Raised after a synchronization finished (good or not), with the channel id.</summary>
    public event Action<string, CatalogSyncResult>? Synchronized;

    public async Task<CatalogSyncResult> SyncAsync(string channelId, CancellationToken cancellationToken = default)
    {
        var gate = _running.GetOrAdd(channelId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var result = await RunAsync(channelId, cancellationToken);
            Synchronized?.Invoke(channelId, result);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<CatalogSyncResult> RunAsync(string channelId, CancellationToken cancellationToken)
    {
        Channel? channel;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        }

        if (channel is null)
        {
            return new CatalogSyncResult(false, null, null, 0, time.GetUtcNow(), "This channel does not exist (any more).");
        }

        GraphConnection connection;
        try
        {
            connection = secrets.ConnectionOf(channel);
        }
        catch (CryptographicException)
        {
            return await FailAsync(channelId, "The channel's access token cannot be read; connect the channel again.", cancellationToken);
        }

        // The Graph client is scoped (one per circuit or request); a synchronization can run outside both.
        await using var scope = scopes.CreateAsyncScope();
        var graph = scope.ServiceProvider.GetRequiredService<GraphClient>();
        var linked = await graph.GetLinkedCatalogAsync(connection, channel.WabaId, cancellationToken);
        if (!linked.Succeeded)
        {
            LogFailed(channelId, linked.Error!.Code);
            return await FailAsync(channelId, linked.Error.ForUser, cancellationToken);
        }

        IReadOnlyList<CatalogProductData> products = [];
        if (linked.Value is { } catalog)
        {
            var read = await graph.ListCatalogProductsAsync(connection, catalog.Id, cancellationToken, options.Value.SyncPageSize);
            if (!read.Succeeded)
            {
                LogFailed(channelId, read.Error!.Code);
                return await FailAsync(channelId, read.Error.ForUser, cancellationToken);
            }

            products = read.Value!;
        }

        return await StoreAsync(channelId, linked.Value, products, cancellationToken);
    }

    private async Task<CatalogSyncResult> StoreAsync(
        string channelId,
        ProductCatalogData? catalog,
        IReadOnlyList<CatalogProductData> products,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var incoming = products
            .Where(p => !string.IsNullOrWhiteSpace(p.RetailerId))
            .DistinctBy(p => p.RetailerId, StringComparer.Ordinal)
            .ToDictionary(p => p.RetailerId!, StringComparer.Ordinal);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.Set<CatalogProduct>().Where(p => p.ChannelId == channelId).ToListAsync(cancellationToken);

        // Gone from the catalog, or from a catalog that is no longer the linked one.
        var removed = stored.Where(p => p.CatalogId != catalog?.Id || !incoming.ContainsKey(p.RetailerId)).ToList();
        db.RemoveRange(removed);

        var kept = stored.Except(removed).ToDictionary(p => p.RetailerId, StringComparer.Ordinal);
        foreach (var (retailerId, data) in incoming)
        {
            if (!kept.TryGetValue(retailerId, out var row))
            {
                row = new CatalogProduct { ChannelId = channelId, CatalogId = catalog!.Id, RetailerId = retailerId };
                db.Add(row);
            }

            row.MetaProductId = data.Id;
            row.Name = string.IsNullOrWhiteSpace(data.Name) ? retailerId : data.Name;
            row.Description = data.Description;
            row.Price = data.Price;
            row.Amount = DisplayPrices.Amount(data.Price);
            row.Currency = data.Currency;
            row.Availability = data.Availability;
            row.ImageUrl = data.ImageUrl;
            row.SyncedAt = now;
        }

        var store = await StoreRowAsync(db, channelId, cancellationToken);
        store.CatalogId = catalog?.Id;
        store.CatalogName = catalog?.Name;
        store.LastSyncedAt = now;
        store.LastAttemptAt = now;
        store.ProductCount = incoming.Count;
        store.LastError = null;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSynchronized(channelId, incoming.Count, removed.Count);
        return new CatalogSyncResult(true, catalog?.Id, catalog?.Name, incoming.Count, now);
    }

    private async Task<CatalogSyncResult> FailAsync(string channelId, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await StoreRowAsync(db, channelId, cancellationToken);
        store.LastAttemptAt = now;
        store.LastError = error;
        await db.SaveChangesAsync(cancellationToken);
        return new CatalogSyncResult(false, store.CatalogId, store.CatalogName, store.ProductCount, now, error);
    }

    private static async Task<ChannelStore> StoreRowAsync(InboxDbContext db, string channelId, CancellationToken cancellationToken)
    {
        var store = await db.Set<ChannelStore>().FirstOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
        if (store is null)
        {
            store = new ChannelStore { ChannelId = channelId };
            db.Add(store);
        }

        return store;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog of channel {ChannelId} synchronized: {Count} products, {Removed} removed")]
    private partial void LogSynchronized(string channelId, int count, int removed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog of channel {ChannelId} could not be synchronized (Graph error {Code})")]
    private partial void LogFailed(string channelId, int code);
}
