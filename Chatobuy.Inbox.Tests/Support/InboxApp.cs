using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chatobuy.Inbox.Tests.Support;

/// <summary>
/// The whole app on real Kestrel (a free loopback port), with its own temporary data folder and the Sandbox on.
/// Tests talk to it, and it talks to its own Sandbox, over real HTTP.
/// </summary>
public sealed class InboxApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "chatobuy-inbox-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Extra settings a test class wants, applied like command-line values.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>Extra services a test class wants (fault injection and the like), added after the app's own.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The hosting environment; Development unless a test class wants to see Production's behaviour.</summary>
    public string EnvironmentName { get; init; } = Environments.Development;

    /// <summary>Forces the Sandbox on (the default here) or off; <c>null</c> leaves the app's own rule (on in Development only).</summary>
    public bool? SandboxEnabled { get; init; } = true;

    public Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("127.0.0.1", "localhost"));
        ClientOptions.BaseAddress = BaseAddress;
        return Task.CompletedTask;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file may still be held for a moment; the folder is under the temp directory anyway.
        }
    }

    /// <summary>A client of the running server that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = BaseAddress,
        };

    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        if (SandboxEnabled is { } enabled)
        {
            builder.UseSetting("Sandbox:Enabled", enabled ? "true" : "false");
        }
        // Every test client signs in from the same loopback address: the per-client sign-in limit would
        // otherwise refuse a busy test class. The tests of that limit set their own.
        builder.UseSetting("SignInLimit:PermitLimit", "10000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (ConfigureServices is { } configure)
        {
            builder.ConfigureServices(configure);
        }
    }
}
