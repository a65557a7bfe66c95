using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Chatobuy.Inbox.Benchmarks;

/// <summary>Sets or clears a channel's forwarding webhook URL through the inbox's integration API.</summary>
public static class ChannelForwarding
{
    /// <summary>The channel id in a channel's webhook URL (<c>/webhooks/whatsapp/{channelId}</c>), or null for the app-level one.</summary>
    public static string? ChannelIdOf(Uri webhookUrl)
    {
        var segments = webhookUrl.AbsolutePath.Trim('/').Split('/');
        return segments.Length == 3 && segments[0] == "webhooks" && segments[1] == "whatsapp" ? segments[2] : null;
    }

    public static async Task SetAsync(Uri webhookUrl, string apiKey, Uri? forwardTo, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(webhookUrl.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var response = await http.PatchAsJsonAsync(
            $"/api/v1/channels/{ChannelIdOf(webhookUrl)}",
            new Dictionary<string, string?> { ["forwardingWebhookUrl"] = forwardTo?.ToString() },
            cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Setting the forwarding URL answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
