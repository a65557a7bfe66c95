using Chatobuy.Inbox.CloudApi;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Channels;

/// <summary>
/// Where a channel's Graph calls go: Meta, or the built-in Sandbox, which this app serves itself and reaches over
/// HTTP like any other Graph host. Also knows the public address Meta should deliver webhooks to.
/// </summary>
public sealed class GraphTargets(
    IOptions<CloudApiOptions> cloudApi,
    IOptions<InboxOptions> inbox,
    IConfiguration configuration,
    IHostEnvironment environment,
    IServer server)
{
    public const string SandboxPath = "/sandbox/graph";

    public string MetaBaseUrl => cloudApi.Value.DefaultBaseUrl.TrimEnd('/');

    public string DefaultVersion => cloudApi.Value.DefaultVersion;

    /// <summary>The Sandbox is on when configured so, and by default in Development.</summary>
    public bool SandboxAvailable => configuration.GetValue<bool?>("Sandbox:Enabled") ?? environment.IsDevelopment();

    /// <summary>The Sandbox's Graph root as this server reaches itself (its own listening address).</summary>
    public string SandboxBaseUrl => LocalBaseUrl + SandboxPath;

    /// <summary>How this server reaches itself: its own listening address (e.g. http://localhost:5080).</summary>
    public string LocalBaseUrl => LocalAddress();

    /// <summary>The address Meta should call back: the configured public URL, else the address the user is on.</summary>
    public string PublicBaseUrl(string currentBaseUri)
    {
        var configured = inbox.Value.PublicBaseUrl;
        return (string.IsNullOrWhiteSpace(configured) ? currentBaseUri : configured).TrimEnd('/');
    }

    public bool IsSandbox(string graphBaseUrl) =>
        graphBaseUrl.TrimEnd('/').EndsWith(SandboxPath, StringComparison.OrdinalIgnoreCase);

    private string LocalAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? "http://localhost:5080";
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
