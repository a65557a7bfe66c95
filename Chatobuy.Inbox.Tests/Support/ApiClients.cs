using System.Net.Http.Headers;
using Chatobuy.Inbox.Features.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Support;

internal static class ApiClients
{
    /// <summary>A client of the app that sends a freshly created API key.</summary>
    public static async Task<HttpClient> WithNewKeyAsync(InboxApp app)
    {
        await using var scope = app.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("Integration test", "tests");
        var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Plaintext);
        return client;
    }
}
