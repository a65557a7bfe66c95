using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Chatobuy.Inbox.Tests.Features.Forwarding;

/// <summary>
/// An integrator's forwarding endpoint on its own loopback Kestrel port: records every POST and answers 200, or what
/// <see cref="Answer"/> decides. It can be stopped and started again on the same port (a receiver that is down a while).
/// </summary>
public sealed class ForwardingReceiver : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedEvent> _received = [];
    private WebApplication? _app;

    private ForwardingReceiver(int port) => Port = port;

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    /// <summary>Decides the status code of each POST from its envelope (200 by default).</summary>
    public Func<JsonObject, int> Answer { get; set; } = _ => StatusCodes.Status200OK;

    public IReadOnlyList<ReceivedEvent> Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToList();
            }
        }
    }

    /// <summary>The POSTs answered 2xx, in arrival order.</summary>
    public IReadOnlyList<ReceivedEvent> Accepted => Received.Where(r => r.AnsweredWith is >= 200 and < 300).ToList();

    public static async Task<ForwardingReceiver> StartAsync()
    {
        var receiver = new ForwardingReceiver(0);
        await receiver.StartAgainAsync();
        return receiver;
    }

    /// <summary>Starts listening (again, on the same port once it has one).</summary>
    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var status = Answer(JsonNode.Parse(body)!.AsObject());
            lock (_gate)
            {
                _received.Add(new ReceivedEvent(body, request.Headers["X-Chatobuy-Signature"], request.Headers["X-Chatobuy-Event-Id"], status));
            }

            return Results.Text($"answer {status} from the test receiver", "text/plain", statusCode: status);
        });
        await app.StartAsync();
        Port = new Uri(app.Urls.First()).Port;
        _app = app;
    }

    /// <summary>Stops listening: connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Waits (up to 30 s) until the received POSTs satisfy <paramref name="done"/>.</summary>
    public async Task<IReadOnlyList<ReceivedEvent>> WaitForAsync(Func<IReadOnlyList<ReceivedEvent>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var received = Received;
            if (done(received))
            {
                return received;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The receiver got {received.Count} POST(s), not what the test waited for: {string.Join(", ", received.Select(r => r.Type))}.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
