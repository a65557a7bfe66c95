using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Chatobuy.Inbox.Sandbox.Delivery;

/// <summary>
/// Meta's callback verification (reference §7.1): <c>GET &lt;uri&gt;?hub.mode=subscribe&amp;hub.challenge=…&amp;hub.verify_token=…</c>
/// must answer 200 with exactly the challenge. Failures are described the way Meta's (#2200) error does.
/// </summary>
public sealed class SandboxWebhookVerifier(IHttpClientFactory httpClientFactory, ILogger<SandboxWebhookVerifier> logger)
{
    public const string HttpClientName = "Chatobuy.Sandbox.WebhookVerification";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private const int MaxBodyChars = 1024;

    /// <summary>Null when the callback echoed the challenge; otherwise what went wrong, in Meta's words.</summary>
    public async Task<string?> VerifyAsync(Uri callback, string verifyToken, CancellationToken cancellationToken)
    {
        var challenge = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var url = QueryHelpers.AddQueryString(callback.ToString(), new Dictionary<string, string?>
        {
            ["hub.mode"] = "subscribe",
            ["hub.challenge"] = challenge,
            ["hub.verify_token"] = verifyToken,
        });

        var client = httpClientFactory.CreateClient(HttpClientName);
        string? failure;
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? ReasonPhrases.GetReasonPhrase(status) : response.ReasonPhrase;
            var head = $"curl_errno = 0; curl_error = ; HTTP Status Code = {status}; HTTP Message = {reason}";
            if (status != StatusCodes.Status200OK)
            {
                failure = head;
            }
            else
            {
                var body = await ReadStartAsync(response, cancellationToken);
                failure = body == challenge
                    ? null
                    : $"{head}; Response does not match challenge, expected value=\"{challenge}\", received=\"{body}\"";
            }
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = $"curl_errno = 28; curl_error = Operation timed out after {Timeout.TotalMilliseconds:0} milliseconds; HTTP Status Code = 0; HTTP Message = ";
        }
        catch (HttpRequestException exception)
        {
            failure = Describe(exception, callback);
        }

        if (failure is null)
        {
            logger.LogInformation("Sandbox callback verification of {Host} succeeded", callback.Authority);
        }
        else
        {
            logger.LogInformation("Sandbox callback verification of {Host} failed: {Failure}", callback.Authority, failure);
        }

        return failure;
    }

    private static string Describe(HttpRequestException exception, Uri callback)
    {
        var (errno, text) = exception.InnerException switch
        {
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }
                => (6, $"Could not resolve host: {callback.Host}"),
            SocketException socket => (7, $"Failed to connect to {callback.Host} port {callback.Port}: {socket.Message}"),
            AuthenticationException tls => (60, $"SSL certificate problem: {tls.Message}"),
            _ => (56, $"Failure when receiving data from the peer: {exception.Message}"),
        };
        return $"curl_errno = {errno}; curl_error = {text}; HTTP Status Code = 0; HTTP Message = ";
    }

    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[MaxBodyChars];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return new string(buffer, 0, read);
    }
}
