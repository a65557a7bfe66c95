using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>One webhook POST as the receiver got it: the exact bytes, the headers that matter, and what it answered.</summary>
public sealed record ReceivedWebhook(byte[] Body, string? Signature, string? ContentType, int AnsweredWith);

/// <summary>
/// A tiny webhook receiver on its own Kestrel port: answers Meta's verification GET with the challenge when the
/// verify token matches, 403 otherwise — what an integrator's endpoint does — and records every POST, answering 200
/// unless told to answer otherwise first.
/// </summary>
public sealed class CallbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Recorder _recorder;

    private CallbackServer(WebApplication app, Recorder recorder, string verifyToken)
    {
        _app = app;
        _recorder = recorder;
        VerifyToken = verifyToken;
    }

    public string VerifyToken { get; }

    public Uri Url => new(_app.Urls.First() + "/hook");

    /// <summary>Every POST so far, in arrival order (including the ones answered with an error).</summary>
    public IReadOnlyList<ReceivedWebhook> Received => _recorder.Snapshot();

    /// <summary>The POSTs answered 200.</summary>
    public IReadOnlyList<ReceivedWebhook> Accepted => Received.Where(r => r.AnsweredWith == StatusCodes.Status200OK).ToList();

    public static async Task<CallbackServer> StartAsync(string verifyToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var recorder = new Recorder();
        app.MapGet("/hook", (HttpRequest request) =>
            request.Query["hub.mode"] == "subscribe" && request.Query["hub.verify_token"] == verifyToken
                ? Results.Text(request.Query["hub.challenge"].ToString(), "text/plain")
                : Results.StatusCode(StatusCodes.Status403Forbidden));
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var status = recorder.NextStatus();
            recorder.Add(new ReceivedWebhook(buffer.ToArray(), request.Headers["X-Hub-Signature-256"], request.ContentType, status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return new CallbackServer(app, recorder, verifyToken);
    }

    /// <summary>The next POSTs get these statuses, in order; later ones get 200.</summary>
    public void AnswerNextWith(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _recorder.Statuses.Enqueue(status);
        }
    }

    /// <summary>Waits until the received POSTs satisfy <paramref name="done"/>; fails after <paramref name="timeout"/> (default 10 s).</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var received = Received;
            if (done(received))
            {
                return received;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The receiver got {received.Count} POST(s), not what the test waited for.");
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class Recorder
    {
        private readonly Lock _gate = new();
        private readonly List<ReceivedWebhook> _received = [];

        public ConcurrentQueue<int> Statuses { get; } = new();

        public int NextStatus() => Statuses.TryDequeue(out var status) ? status : StatusCodes.Status200OK;

        public void Add(ReceivedWebhook webhook)
        {
            lock (_gate)
            {
                _received.Add(webhook);
            }
        }

        public IReadOnlyList<ReceivedWebhook> Snapshot()
        {
            lock (_gate)
            {
                return _received.ToList();
            }
        }
    }
}
