using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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

    /// <summary>The loopback port to listen on; 0 (the default) takes a free one. A restarted app reuses its port.</summary>
    public int Port { get; init; }

    /// <summary>Every Error and Critical the app logged; the host fails on dispose when one was not expected.</summary>
    public LoggedErrors Errors { get; } = new();

    /// <summary>The hosting environment; Development unless a test class wants to see Production's behaviour.</summary>
    public string EnvironmentName { get; init; } = Environments.Development;

    /// <summary>Forces the Sandbox on (the default here) or off; <c>null</c> leaves the app's own rule (on in Development only).</summary>
    public bool? SandboxEnabled { get; init; } = true;

    public Task InitializeAsync()
    {
        UseKestrel(Port);
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

        if (Errors.Unexpected is { Count: > 0 } unexpected)
        {
            throw new InvalidOperationException(
                $"The app logged {unexpected.Count} error(s) no test expected (declare one with ExpectErrors when a test provokes it on purpose):"
                + Environment.NewLine + string.Join(
                    Environment.NewLine,
                    unexpected.GroupBy(e => e.ToString()).Select(g => g.Count() == 1 ? g.Key : $"({g.Count()} times) {g.Key}")));
        }
    }

    /// <summary>
    /// Declares errors a test class provokes on purpose (a fault it injects, a refusal it checks): an Error or Critical
    /// log whose category, message or exception contains one of the fragments does not fail the host.
    /// </summary>
    public InboxApp ExpectErrors(params string[] fragments)
    {
        Errors.Expect(fragments);
        return this;
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
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
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
