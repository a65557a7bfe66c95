using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Interactive;
using Chatobuy.Inbox.Features.Store;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Integration;

/// <summary>
/// Store Settings against the Sandbox on real Kestrel, through the same Graph client that talks to Meta: the business's
/// catalogs, linking the outlet catalog, synchronizing it over several pages, a product removed at Meta removed here,
/// and unlinking. Pages of 25 products, so the 60-product outlet takes three.
/// </summary>
public sealed class StoreCatalogEndToEndTests : IAsyncLifetime
{
    private readonly InboxApp _app = new();
    private Channel _channel = default!;

    public async Task InitializeAsync()
    {
        _app.Settings["Store:SyncPageSize"] = "25";
        await _app.InitializeAsync();
        _channel = await SandboxChannel.ConnectAsync(_app, "Shop");
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task LinkOutletCatalog_SyncOverPages_RemovedUpstreamRemovedHere_ThenUnlink()
    {
        await using var scope = _app.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<StoreCatalogService>();
        var sync = scope.ServiceProvider.GetRequiredService<CatalogSync>();
        var products = scope.ServiceProvider.GetRequiredService<CatalogProducts>();
        var builderCatalogs = scope.ServiceProvider.GetRequiredService<InteractiveCatalogs>();
        (await builderCatalogs.GetAsync(_channel.Id)).CatalogId.ShouldBe(SandboxCatalog.CatalogId);

        // What the Catalog tab shows first: both catalogs, the seeded shop linked, Meta's default commerce settings.
        var state = await store.LoadAsync(_channel.Id);
        state.CatalogsError.ShouldBeNull();
        state.Catalogs.Select(c => (c.Id, c.Name, c.ProductCount)).ShouldBe([
            (SandboxCatalog.CatalogId, "Chatobuy Sandbox Shop", 8),
            (SandboxOutletCatalog.CatalogId, "Chatobuy Sandbox Outlet HK", 60),
        ]);
        state.Linked!.Id.ShouldBe(SandboxCatalog.CatalogId);
        state.Settings.ShouldNotBeNull().IsCartEnabled.ShouldBeTrue();
        state.Settings.IsCatalogVisible.ShouldBeFalse();

        // A second catalog is refused while one is linked, in plain words.
        var refused = await store.LinkAsync(_channel.Id, SandboxOutletCatalog.CatalogId);
        refused.Succeeded.ShouldBeFalse();
        refused.Error.ShouldNotBeNull().ShouldContain("already has a catalog linked");
        refused.Error.ShouldContain("Unlink the current catalog first");

        (await store.UnlinkAsync(_channel.Id, SandboxCatalog.CatalogId)).Succeeded.ShouldBeTrue();
        (await store.LinkAsync(_channel.Id, SandboxOutletCatalog.CatalogId)).Succeeded.ShouldBeTrue();
        (await store.LoadAsync(_channel.Id)).Linked!.Id.ShouldBe(SandboxOutletCatalog.CatalogId);
        var builderCatalog = await builderCatalogs.GetAsync(_channel.Id);
        builderCatalog.CatalogId.ShouldBe(SandboxOutletCatalog.CatalogId);
        builderCatalog.Products.Count.ShouldBe(60);

        var first = await sync.SyncAsync(_channel.Id);

        first.Succeeded.ShouldBeTrue();
        first.Message.ShouldBe("60 products synchronized");
        (await products.CountAsync(_channel.Id)).ShouldBe(60);
        var scarf = (await products.FindAsync(_channel.Id, ["HK-SILK-SCARF-RUST", "MUG-BLUE"])).ShouldHaveSingleItem();
        scarf.Name.ShouldBe("Silk scarf (rust)");
        scarf.Price.ShouldBe("HK$300.00");
        scarf.Amount.ShouldBe(300m);
        scarf.Currency.ShouldBe("HKD");
        scarf.CatalogId.ShouldBe(SandboxOutletCatalog.CatalogId);
        scarf.ImageUrl.ShouldNotBeNull().ShouldEndWith("/sandbox/catalog/images/HK-SILK-SCARF-RUST.svg");
        (await products.SearchAsync(_channel.Id, "LINEN")).Select(p => p.RetailerId).ShouldBe(
            ["HK-LINEN-SHIRT-NAVY", "HK-LINEN-SHIRT-OLIVE", "HK-LINEN-SHIRT-RUST", "HK-LINEN-SHIRT-SAND", "HK-LINEN-SHIRT-STONE"]);

        // The shop deletes a product in Commerce Manager: the next synchronization removes it here.
        _app.Services.GetRequiredService<SandboxCatalogs>().RemoveProduct(SandboxOutletCatalog.CatalogId, "HK-SILK-SCARF-RUST").ShouldBeTrue();
        var second = await sync.SyncAsync(_channel.Id);

        second.Message.ShouldBe("59 products synchronized");
        (await products.FindAsync(_channel.Id, ["HK-SILK-SCARF-RUST"])).ShouldBeEmpty();
        (await products.CountAsync(_channel.Id)).ShouldBe(59);
        await using (var db = await _app.DbAsync())
        {
            var row = await db.ChannelStores.SingleAsync(s => s.ChannelId == _channel.Id);
            row.CatalogId.ShouldBe(SandboxOutletCatalog.CatalogId);
            row.CatalogName.ShouldBe("Chatobuy Sandbox Outlet HK");
            row.ProductCount.ShouldBe(59);
            row.LastSyncedAt.ShouldNotBeNull();
            row.LastError.ShouldBeNull();
        }

        // Unlinked: nothing to sell, so nothing is kept.
        (await store.UnlinkAsync(_channel.Id, SandboxOutletCatalog.CatalogId)).Succeeded.ShouldBeTrue();
        var third = await sync.SyncAsync(_channel.Id);

        third.Succeeded.ShouldBeTrue();
        third.CatalogId.ShouldBeNull();
        third.Message.ShouldStartWith("No catalog is linked");
        (await products.CountAsync(_channel.Id)).ShouldBe(0);
        (await store.LoadAsync(_channel.Id)).Linked.ShouldBeNull();
    }

    [Fact]
    public async Task CommerceSettings_SavedAtMeta_ReadBack()
    {
        await using var scope = _app.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<StoreCatalogService>();

        var saved = await store.SaveSettingsAsync(_channel.Id, isCartEnabled: false, isCatalogVisible: true);

        saved.Succeeded.ShouldBeTrue();
        var settings = (await store.LoadAsync(_channel.Id)).Settings.ShouldNotBeNull();
        settings.IsCartEnabled.ShouldBeFalse();
        settings.IsCatalogVisible.ShouldBeTrue();
    }

    [Fact]
    public async Task Link_ForeignCatalog_ExplainsTheCatalogManagementPermission()
    {
        await using var scope = _app.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<StoreCatalogService>();
        (await store.UnlinkAsync(_channel.Id, SandboxCatalog.CatalogId)).Succeeded.ShouldBeTrue();

        var refused = await store.LinkAsync(_channel.Id, SandboxCatalogs.ForeignCatalogId);

        refused.Succeeded.ShouldBeFalse();
        refused.Error.ShouldNotBeNull().ShouldContain("catalog_management");
        refused.Error.ShouldContain("Data sources → Catalogs");
        (await store.LinkAsync(_channel.Id, SandboxCatalog.CatalogId)).Succeeded.ShouldBeTrue();
    }
}
