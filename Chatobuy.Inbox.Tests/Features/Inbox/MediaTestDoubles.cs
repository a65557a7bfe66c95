using System.Net;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>The media host Meta's download URLs point at: files by URL, optional failures first, requests recorded.</summary>
internal sealed class FakeMediaHost : HttpMessageHandler
{
    public Dictionary<string, byte[]> Files { get; } = [];

    /// <summary>Status codes answered, one per request, before files are served.</summary>
    public Queue<HttpStatusCode> Failures { get; } = new();

    /// <summary>When set, every request answers this status.</summary>
    public HttpStatusCode? AlwaysFail { get; set; }

    public List<string?> AuthorizationHeaders { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (AuthorizationHeaders)
        {
            AuthorizationHeaders.Add(request.Headers.Authorization?.ToString());
        }

        if (AlwaysFail is { } always || Failures.TryDequeue(out always))
        {
            return Task.FromResult(new HttpResponseMessage(always) { Content = new StringContent("gone") });
        }

        var url = request.RequestUri!.ToString();
        return Task.FromResult(Files.TryGetValue(url, out var bytes)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) }
            : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
