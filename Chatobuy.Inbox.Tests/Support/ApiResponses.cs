using System.Text.Json;

namespace Chatobuy.Inbox.Tests.Support;

internal static class ApiResponses
{
    /// <summary>The <c>error</c> message of an integration API JSON error body.</summary>
    public static async Task<string?> ErrorOfAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("error").GetString();
    }
}
