using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Chatobuy.Inbox.Benchmarks;

/// <summary>
/// The reference for ingest figures: a minimal Kestrel receiver in this process that does only what any receiver must
/// (reads the body, checks its HMAC against the App Secret, parses the JSON down to every message and status) and
/// stores nothing. What it reaches on this machine is the limit for any receiver here.
/// </summary>
public sealed class BareReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The receiver's webhook URL.</summary>
    public Uri Url { get; }

    public static async Task<BareReceiver> StartAsync(string appSecret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var secret = Encoding.UTF8.GetBytes(appSecret);
        app.MapPost("/webhooks/whatsapp", (HttpContext context) => ReceiveAsync(context, secret));
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        return new BareReceiver(app, new Uri(address, "/webhooks/whatsapp"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task ReceiveAsync(HttpContext context, byte[] secret)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);

        var header = context.Request.Headers["X-Hub-Signature-256"].ToString();
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(secret, body, expected);
        Span<byte> given = stackalloc byte[32];
        if (!header.StartsWith("sha256=", StringComparison.Ordinal)
            || header.Length != 7 + 64
            || Convert.FromHexString(header.AsSpan(7), given, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != 32
            || !CryptographicOperations.FixedTimeEquals(expected, given))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        var events = 0;
        foreach (var entry in document.RootElement.GetProperty("entry").EnumerateArray())
        {
            foreach (var change in entry.GetProperty("changes").EnumerateArray())
            {
                var value = change.GetProperty("value");
                foreach (var name in (ReadOnlySpan<string>)["messages", "statuses"])
                {
                    if (value.TryGetProperty(name, out var list))
                    {
                        foreach (var item in list.EnumerateArray())
                        {
                            events += item.GetProperty("id").GetString()!.Length > 0 ? 1 : 0;
                        }
                    }
                }
            }
        }

        context.Response.StatusCode = events > 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
    }
}
