using System.Security.Claims;
using Bunit.TestDoubles;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Store;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Features.Channels;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Features.Store;

/// <summary>The Store Settings tabs on bUnit: a SQLite database with one channel, and an in-memory Graph API.</summary>
public abstract class StoreTabsTestContext : ComponentTestContext
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"chatobuy-store-{Guid.NewGuid():N}");

    protected StoreTabsTestContext()
    {
        Directory.CreateDirectory(_dataDirectory);
        Services.AddDbContextFactory<InboxDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_dataDirectory, "inbox.db")}"));
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddSingleton<ChannelSecrets>();
        Services.AddSingleton<IGraphApi>(Graph);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddHttpClient();
        Services.AddScoped<GraphClient>();
        Services.AddSingleton(Options.Create(new StoreOptions()));
        Services.AddSingleton<Chatobuy.Inbox.Features.Interactive.InteractiveCatalogs>();
        Services.AddScoped<StoreCatalogService>();
        Services.AddSingleton<CatalogSync>();
        Services.AddSingleton<CatalogProducts>();
        Services.AddSingleton<ChannelStoreStatus>();
        var auth = AddAuthorization();
        auth.SetAuthorized("Ada");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "ada"));
        auth.SetPolicies(Policies.Admin);

        using var db = Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContext();
        db.Database.Migrate();
        Channel = TestChannels.New(Services.GetRequiredService<ChannelSecrets>(), "Shop", "1001", wabaId: "111");
        db.Channels.Add(Channel);
        db.SaveChanges();
    }

    private protected FakeGraphApi Graph { get; } = new();

    protected Channel Channel { get; }

    protected async Task<InboxDbContext> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();

    protected override void Dispose(bool disposing)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The folder is under the temp directory anyway.
        }
    }
}
