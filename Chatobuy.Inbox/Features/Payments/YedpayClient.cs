using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// Yedpay's online-payment API (commerce reference §6.2–6.3): form-encoded requests with
/// <c>Authorization: API-KEY &lt;key&gt;</c>. The base is Yedpay's production or staging root, or the Sandbox's emulator.
/// </summary>
public sealed class YedpayClient(HttpClient http)
{
    public const string HttpClientName = "Yedpay";

    /// <summary><c>POST {base}/v1/online-payment</c>: the hosted checkout link is <c>data.checkout_url</c>.</summary>
    public async Task<YedpayAnswer> CreateOnlinePaymentAsync(string apiBase, string apiKey, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{apiBase.TrimEnd('/')}/v1/online-payment")
        {
            Content = new FormUrlEncodedContent(fields),
        };
        return await SendAsync(request, apiKey, cancellationToken);
    }

    /// <summary><c>GET {base}/v1/online-payment/query?custom_id=</c>: the transaction of a link.</summary>
    public async Task<YedpayAnswer> QueryAsync(string apiBase, string apiKey, string customId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{apiBase.TrimEnd('/')}/v1/online-payment/query?custom_id={Uri.EscapeDataString(customId)}");
        return await SendAsync(request, apiKey, cancellationToken);
    }

    private async Task<YedpayAnswer> SendAsync(HttpRequestMessage request, string apiKey, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("API-KEY", apiKey.Trim());
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        return new YedpayAnswer((int)response.StatusCode, body);
    }
}
