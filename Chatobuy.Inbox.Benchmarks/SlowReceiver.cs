using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Chatobuy.Inbox.Benchmarks;

/// <summary>
/// An integrator's receiver that takes its time: a Kestrel endpoint in this process that reads each forwarded event,
/// waits a fixed delay and answers 200. It counts the events that carried the inbox's signature.
/// </summary>
public sealed class SlowReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _received;
    private long _unsigned;

    private SlowReceiver(WebApplication app) => _app = app;

    /// <summary>The receiver's URL, to set as a channel's forwarding webhook.</summary>
    public Uri Url { get; private set; } = default!;

    public long Received => Interlocked.Read(ref _received);

    public long Unsigned => Interlocked.Read(ref _unsigned);

    public static async Task<SlowReceiver> StartAsync(TimeSpan delay)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new SlowReceiver(app);
        app.MapPost("/events", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            await reader.ReadToEndAsync(context.RequestAborted);
            await Task.Delay(delay, context.RequestAborted);
            if (context.Request.Headers.ContainsKey("X-Chatobuy-Signature"))
            {
                Interlocked.Increment(ref receiver._received);
            }
            else
            {
                Interlocked.Increment(ref receiver._unsigned);
            }

            return Results.Ok();
        });
        await app.StartAsync();
        receiver.Url = new Uri(new Uri(app.Urls.First()), "/events");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
