using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Interactive;
using Chatobuy.Inbox.Tests.Features.Channels;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Chatobuy.Inbox.Tests.Features.Interactive;

/// <summary>The catalog a channel's builder picks products from: the account's linked one, every page of it, kept a few minutes.</summary>
public sealed class InteractiveCatalogsTests : IAsyncLifetime
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"chatobuy-catalogs-{Guid.NewGuid():N}.db");
    private readonly FakeGraphApi _graph = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = default!;
    private string _channelId = "";

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddDbContextFactory<InboxDbContext>(o => o.UseSqlite($"Data Source={_databaseFile}"));
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<ChannelSecrets>();
        services.AddSingleton<IGraphApi>(_graph);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddHttpClient();
        services.AddScoped<GraphClient>();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<InteractiveCatalogs>();
        _services = services.BuildServiceProvider();

        await using var db = await _services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        var channel = TestChannels.New(_services.GetRequiredService<ChannelSecrets>(), "Shop", "1001", wabaId: "111");
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        _channelId = channel.Id;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databaseFile);
    }

    private InteractiveCatalogs Catalogs => _services.GetRequiredService<InteractiveCatalogs>();

    [Fact]
    public async Task Get_NoCatalogLinked_SaysSo()
    {
        var catalog = await Catalogs.GetAsync(_channelId);

        catalog.IsLinked.ShouldBeFalse();
        catalog.Error.ShouldBeNull();
        catalog.Products.ShouldBeEmpty();
        _graph.Calls.ShouldContain("product_catalogs:111");
    }

    [Fact]
    public async Task Get_LinkedCatalog_ReadsEveryPageOfProducts()
    {
        _graph.LinkedCatalog = new ProductCatalogData("771", "Shop HK");
        for (var i = 1; i <= 5; i++)
        {
            _graph.CatalogProducts.Add(new CatalogProductData($"9{i}", $"SKU-{i}", $"Product {i}", $"${i}.00", "USD", ImageUrl: $"https://cdn.example.com/{i}.png"));
        }

        var catalog = await Catalogs.GetAsync(_channelId);

        catalog.CatalogId.ShouldBe("771");
        catalog.CatalogName.ShouldBe("Shop HK");
        catalog.Products.Select(p => p.RetailerId).ShouldBe(["SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5"]);
        catalog.Cards["SKU-3"].ShouldBe(new ProductCard("SKU-3", "Product 3", "$3.00", "https://cdn.example.com/3.png"));
        _graph.Calls.Count(c => c.StartsWith("catalog_products:771", StringComparison.Ordinal)).ShouldBe(3);
    }

    [Fact]
    public async Task Get_Again_UsesTheKeptCatalogForFiveMinutes()
    {
        _graph.LinkedCatalog = new ProductCatalogData("771", "Shop HK");
        await Catalogs.GetAsync(_channelId);
        await Catalogs.GetAsync(_channelId);
        _graph.Calls.Count(c => c.StartsWith("product_catalogs", StringComparison.Ordinal)).ShouldBe(1);

        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await Catalogs.GetAsync(_channelId);
        await Catalogs.GetAsync(_channelId, refresh: true);

        _graph.Calls.Count(c => c.StartsWith("product_catalogs", StringComparison.Ordinal)).ShouldBe(3);
    }

    [Fact]
    public async Task Get_MetaRefuses_ExplainsAndAsksAgainNextTime()
    {
        _graph.FailWithErrorJson = """{"error":{"message":"(#200) Permissions error","type":"OAuthException","code":200,"fbtrace_id":"Atrace"}}""";
        _graph.FailStatus = 403;

        var catalog = await Catalogs.GetAsync(_channelId);

        catalog.IsLinked.ShouldBeFalse();
        catalog.Error.ShouldNotBeNull();
        catalog.Error.ShouldContain("catalog_management");
        _graph.FailWithErrorJson = null;
        (await Catalogs.GetAsync(_channelId)).Error.ShouldBeNull();
    }
}
