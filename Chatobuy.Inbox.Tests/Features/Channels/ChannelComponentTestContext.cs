using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Features.Channels;

/// <summary>Channel components with the real services over a temporary SQLite file and a fake Graph API.</summary>
public abstract class ChannelComponentTestContext : ComponentTestContext
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"chatobuy-bunit-{Guid.NewGuid():N}.db");
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"chatobuy-bunit-{Guid.NewGuid():N}");

    internal FakeGraphApi Graph { get; } = new();

    protected ChannelComponentTestContext()
    {
        Services.AddDbContextFactory<InboxDbContext>(o => o.UseSqlite($"Data Source={_databaseFile}"));
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddSingleton<IGraphApi>(Graph);
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton(Options.Create(new CloudApiOptions()));
        Services.AddSingleton(Options.Create(new InboxOptions()));
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sandbox:Enabled"] = "true" }).Build());
        Services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development });
        Services.AddSingleton<IServer>(new AddressOnlyServer("http://127.0.0.1:5999"));
        Services.AddSingleton<GraphTargets>();
        Services.AddSingleton<ChannelSecrets>();
        Services.AddSingleton<Chatobuy.Inbox.Events.InboxEvents>();
        Services.AddSingleton<ChannelDirectory>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(Options.Create(new Chatobuy.Inbox.Features.Webhooks.WebhookOptions { AppVerifyToken = "app-level-token" }));
        Services.AddSingleton(new DataPaths(_dataDirectory));
        Services.AddSingleton<Chatobuy.Inbox.Features.Webhooks.AppWebhookSettings>();
        Services.AddSingleton<Chatobuy.Inbox.Features.Webhooks.SignatureRefusals>();
        Services.AddHttpClient();
        Services.AddScoped<GraphClient>();
        Services.AddScoped<ChannelService>();
        Services.AddScoped<ChannelSetupService>();
        Services.AddScoped<ResumableUploader>();
        Services.AddSingleton<Chatobuy.Inbox.Features.Profile.ProfileSnapshots>();
        Services.AddScoped<Chatobuy.Inbox.Features.Profile.ProfileService>();
        AddAuthorization();
        AddServices(Services);

        using var db = Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContext();
        db.Database.Migrate();
    }

    /// <summary>Services a derived context adds, before any is resolved.</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    protected async Task<List<Channel>> StoredChannelsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        return await db.Channels.AsNoTracking().ToListAsync();
    }

    protected async Task<Channel> AddChannelAsync(string title, string phoneNumberId, bool isDefault, string wabaId = "111")
    {
        var channel = TestChannels.New(Services.GetRequiredService<ChannelSecrets>(), title, phoneNumberId, wabaId, isDefault);
        await using var db = await Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        return channel;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databaseFile);
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private sealed class AddressOnlyServer : IServer
    {
        public AddressOnlyServer(string address)
        {
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(addresses);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
