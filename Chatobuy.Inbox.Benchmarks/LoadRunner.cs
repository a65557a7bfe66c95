using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Chatobuy.Inbox.Benchmarks;

/// <summary>What one phase measured: every POST's time to the inbox's answer (the ack), and what went wrong.</summary>
public sealed record PhaseResult(
    string Name,
    int Batch,
    long Events,
    TimeSpan Elapsed,
    double[] LatenciesMs,
    int Non200,
    int TransportErrors,
    string? FirstProblem)
{
    /// <summary>What the flood of badly signed POSTs got while this phase ran; null for a phase without one.</summary>
    public FloodResult? Flood { get; init; }

    public double PerSecond => Events / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double Percentile(double p) => Latencies.Percentile(LatenciesMs, p);
}

public static class Latencies
{
    /// <summary>The nearest-rank percentile of latencies sorted ascending; 0 when there are none.</summary>
    public static double Percentile(double[] sortedMs, double p)
    {
        if (sortedMs.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p / 100 * sortedMs.Length) - 1;
        return sortedMs[Math.Clamp(rank, 0, sortedMs.Length - 1)];
    }
}

/// <summary>Posts a bounded number of signed bodies with a fixed number in flight, and times each answer.</summary>
public sealed class LoadRunner(HttpClient http, BenchmarkOptions options, WebhookPayloads payloads, TimeProvider time)
{
    /// <summary>Sends events <paramref name="first"/> … first+count−1, <paramref name="batch"/> per POST.</summary>
    public async Task<PhaseResult> RunAsync(
        string name,
        long first,
        long count,
        int batch,
        Func<long, int, DateTimeOffset, byte[]> buildBody,
        CancellationToken cancellationToken)
    {
        var posts = (count + batch - 1) / batch;
        var latencies = new double[posts];
        var next = -1L;
        var non200 = 0;
        var transportErrors = 0;
        string? firstProblem = null;
        var clock = Stopwatch.StartNew();

        async Task WorkAsync()
        {
            while (true)
            {
                var post = Interlocked.Increment(ref next);
                if (post >= posts || cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                var start = first + (post * batch);
                var size = (int)Math.Min(batch, first + count - start);
                var body = buildBody(start, size, time.GetUtcNow());
                using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add("X-Hub-Signature-256", payloads.Sign(body));
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request, cancellationToken);
                    latencies[post] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref non200);
                        Interlocked.CompareExchange(ref firstProblem, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null);
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException
                    || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    latencies[post] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    Interlocked.Increment(ref transportErrors);
                    Interlocked.CompareExchange(ref firstProblem, exception.GetBaseException().Message, null);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(WorkAsync, cancellationToken)));
        clock.Stop();
        var done = Math.Min(posts, next);
        var measured = latencies.AsSpan(0, (int)Math.Max(0, done)).ToArray();
        Array.Sort(measured);
        return new PhaseResult(name, batch, count, clock.Elapsed, measured, non200, transportErrors, firstProblem);
    }
}
