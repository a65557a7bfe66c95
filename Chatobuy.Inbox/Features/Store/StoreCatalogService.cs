using System.Security.Cryptography;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Interactive;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Store;

/// <summary>
/// Store Settings → Catalog at Meta, with the channel's token: the business's catalogs (commerce reference §1.1), the
/// account's linked catalog and linking or unlinking one (§1.2), and the number's commerce settings (§2). Nothing here
/// is stored locally; <see cref="CatalogSync"/> copies the linked catalog's products. After a link or unlink, the
/// interactive-message builder's kept catalogs are dropped so it shows the new one.
/// </summary>
public sealed partial class StoreCatalogService(
    IDbContextFactory<InboxDbContext> dbFactory,
    ChannelSecrets secrets,
    GraphClient graph,
    InteractiveCatalogs interactiveCatalogs,
    ILogger<StoreCatalogService> logger)
{
    public const string NotFoundMessage = "This channel no longer exists.";
    public const string TokenUnreadableMessage = "The channel's access token cannot be read; connect the channel again.";

    /// <summary>When the business has no catalog at all: what to do, in Commerce Manager.</summary>
    public const string NoCatalogsMessage = "This business has no catalogs yet. " + GraphErrorExplainer.CreateCatalogHint + " Then refresh this page.";

    public async Task<StoreCatalogState> LoadAsync(string channelId, CancellationToken cancellationToken = default)
    {
        var (channel, connection, error) = await ConnectAsync(channelId, cancellationToken);
        if (channel is null || connection is null)
        {
            return error == NotFoundMessage ? StoreCatalogState.NotFound : new StoreCatalogState([], error, null, error, null, error);
        }

        var catalogs = await graph.ListCatalogsAsync(connection, channel.BusinessId, cancellationToken);
        var linked = await graph.GetLinkedCatalogAsync(connection, channel.WabaId, cancellationToken);
        var settings = await graph.GetCommerceSettingsAsync(connection, channel.PhoneNumberId, cancellationToken);
        return new StoreCatalogState(
            catalogs.Value ?? [],
            catalogs.Error?.ForUser,
            linked.Value,
            linked.Error?.ForUser,
            settings.Value,
            settings.Error?.ForUser);
    }

    /// <summary>Links <paramref name="catalogId"/> to the channel's WhatsApp Business Account (every number of it shares it).</summary>
    public async Task<StoreResult> LinkAsync(string channelId, string catalogId, CancellationToken cancellationToken = default)
    {
        var (channel, connection, error) = await ConnectAsync(channelId, cancellationToken);
        if (channel is null || connection is null)
        {
            return new StoreResult(false, error);
        }

        var result = await graph.LinkCatalogAsync(connection, channel.WabaId, catalogId, cancellationToken);
        if (!result.Succeeded)
        {
            return new StoreResult(false, result.Error!.ForUser);
        }

        interactiveCatalogs.Forget();
        LogLinked(channel.Id, catalogId, channel.WabaId);
        return StoreResult.Ok;
    }

    /// <summary>Unlinks <paramref name="catalogId"/> from the channel's account: product messages stop working until another is linked.</summary>
    public async Task<StoreResult> UnlinkAsync(string channelId, string catalogId, CancellationToken cancellationToken = default)
    {
        var (channel, connection, error) = await ConnectAsync(channelId, cancellationToken);
        if (channel is null || connection is null)
        {
            return new StoreResult(false, error);
        }

        var result = await graph.UnlinkCatalogAsync(connection, channel.WabaId, catalogId, cancellationToken);
        if (!result.Succeeded)
        {
            return new StoreResult(false, result.Error!.ForUser);
        }

        interactiveCatalogs.Forget();
        LogUnlinked(channel.Id, catalogId, channel.WabaId);
        return StoreResult.Ok;
    }

    /// <summary>Saves the number's commerce settings at Meta (both values, as the switches show them).</summary>
    public async Task<StoreResult> SaveSettingsAsync(string channelId, bool isCartEnabled, bool isCatalogVisible, CancellationToken cancellationToken = default)
    {
        var (channel, connection, error) = await ConnectAsync(channelId, cancellationToken);
        if (channel is null || connection is null)
        {
            return new StoreResult(false, error);
        }

        var result = await graph.UpdateCommerceSettingsAsync(connection, channel.PhoneNumberId, isCartEnabled, isCatalogVisible, cancellationToken);
        return result.Succeeded ? StoreResult.Ok : new StoreResult(false, result.Error!.ForUser);
    }

    private async Task<(Channel? Channel, GraphConnection? Connection, string? Error)> ConnectAsync(string channelId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is null)
        {
            return (null, null, NotFoundMessage);
        }

        try
        {
            return (channel, secrets.ConnectionOf(channel), null);
        }
        catch (CryptographicException)
        {
            return (channel, null, TokenUnreadableMessage);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId} linked catalog {CatalogId} to WABA {WabaId}")]
    private partial void LogLinked(string channelId, string catalogId, string wabaId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId} unlinked catalog {CatalogId} from WABA {WabaId}")]
    private partial void LogUnlinked(string channelId, string catalogId, string wabaId);
}
