using System.Net.Http.Headers;

namespace Chatobuy.Inbox.CloudApi;

/// <summary>Rewrites each Refit request onto its connection's Graph root and adds the Bearer token.</summary>
public sealed class GraphConnectionHandler : DelegatingHandler
{
    /// <summary>Refit needs a base address; every request is moved off it onto the connection's root.</summary>
    public static readonly Uri Placeholder = new("http://graph.placeholder/");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(new HttpRequestOptionsKey<GraphConnection>(GraphConnection.OptionKey), out var connection))
        {
            throw new InvalidOperationException("A Graph request needs a GraphConnection.");
        }

        var relative = request.RequestUri!.PathAndQuery.TrimStart('/');
        request.RequestUri = new Uri(connection.Root, relative);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", connection.AccessToken);
        return base.SendAsync(request, cancellationToken);
    }
}
