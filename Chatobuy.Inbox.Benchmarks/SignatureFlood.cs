using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace Chatobuy.Inbox.Benchmarks;

/// <summary>What the badly signed POSTs got while a genuine phase ran: answers by status code, and how fast they came.</summary>
public sealed record FloodResult(
    int Connections,
    TimeSpan Elapsed,
    IReadOnlyDictionary<int, long> StatusCodes,
    long WrongSignature,
    long Unsigned,
    long TransportErrors,
    double[] LatenciesMs,
    string? FirstProblem)
{
    /// <summary>Every POST the flood finished during the phase, answered or not.</summary>
    public long Posts => WrongSignature + Unsigned;

    public long Refused => StatusCodes.GetValueOrDefault(401);

    /// <summary>POSTs not answered 401: any other status, or no answer at all.</summary>
    public long NotRefused => Posts - Refused;

    public double PerSecond(long count) => count / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double Percentile(double p) => Latencies.Percentile(LatenciesMs, p);

    /// <summary>"401 ×n", and any other status or transport error with its count.</summary>
    public string Answers()
    {
        var parts = StatusCodes.OrderBy(pair => pair.Key)
            .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} ×{pair.Value:N0}"))
            .ToList();
        if (TransportErrors > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"no answer ×{TransportErrors:N0}"));
        }

        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}

/// <summary>
/// While a genuine phase runs, keeps a number of extra connections POSTing message bodies to the same URL with a
/// wrong <c>X-Hub-Signature-256</c> (every other one with none), each sending again as soon as it is answered.
/// Only the answers that come while the phase runs are counted.
/// </summary>
public sealed class SignatureFlood(HttpClient http, BenchmarkOptions options, WebhookPayloads payloads, TimeProvider time)
{
    // A small set of distinct bodies, built once: the flood should load the inbox, not the load generator.
    private const int DistinctBodies = 64;

    /// <summary>Starts the flood, waits until every flooding connection has had an answer, runs <paramref name="phase"/>, stops the flood.</summary>
    public async Task<(PhaseResult Phase, FloodResult Flood)> RunDuringAsync(
        int batch,
        Func<Task<PhaseResult>> phase,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var bodies = Enumerable.Range(0, DistinctBodies).Select(i => payloads.ForgedMessages((long)i * batch, batch, now)).ToArray();
        var signatures = bodies.Select(payloads.SignWrongly).ToArray();
        var run = new FloodRun(http, options, bodies, signatures);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loops = Enumerable.Range(0, options.Flood).Select(loop => Task.Run(() => run.LoopAsync(loop, stop.Token), CancellationToken.None)).ToArray();
        PhaseResult result;
        TimeSpan elapsed;
        try
        {
            try
            {
                await run.AllAnswered.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped before the flood was up: the phase sees the same token and ends at once.
            }

            run.Counting = true;
            var clock = Stopwatch.StartNew();
            result = await phase();
            run.Counting = false;
            elapsed = clock.Elapsed;
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(loops);
        }

        return (result, run.Result(elapsed));
    }

    private sealed class FloodRun(HttpClient http, BenchmarkOptions options, byte[][] bodies, string[] signatures)
    {
        private readonly TaskCompletionSource _allAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Tally[] _tallies = [.. Enumerable.Range(0, options.Flood).Select(_ => new Tally())];
        private int _waiting = options.Flood;
        private volatile bool _counting;

        /// <summary>Done once every flooding connection has had its first answer (or failure): the flood is at full strength.</summary>
        public Task AllAnswered => _allAnswered.Task;

        public bool Counting
        {
            get => _counting;
            set => _counting = value;
        }

        public async Task LoopAsync(int loop, CancellationToken stop)
        {
            var tally = _tallies[loop];
            var first = true;
            for (var post = loop; !stop.IsCancellationRequested; post += options.Flood)
            {
                var index = post % bodies.Length;

                // Every connection alternates, so half the POSTs are unsigned even when one kind is answered faster.
                var unsigned = (post / options.Flood) % 2 != loop % 2;
                using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new ByteArrayContent(bodies[index]) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                if (!unsigned)
                {
                    request.Headers.Add("X-Hub-Signature-256", signatures[index]);
                }

                var sent = Stopwatch.GetTimestamp();
                int? status = null;
                string? problem = null;
                try
                {
                    using var response = await http.SendAsync(request, stop);
                    status = (int)response.StatusCode;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    problem = exception.GetBaseException().Message;
                }

                if (_counting)
                {
                    tally.Add(status, unsigned, Stopwatch.GetElapsedTime(sent).TotalMilliseconds, problem);
                }

                if (first)
                {
                    first = false;
                    if (Interlocked.Decrement(ref _waiting) == 0)
                    {
                        _allAnswered.TrySetResult();
                    }
                }
            }
        }

        /// <summary>The tallies of every connection; read only after all loops have ended.</summary>
        public FloodResult Result(TimeSpan elapsed)
        {
            var codes = new SortedDictionary<int, long>();
            foreach (var (code, count) in _tallies.SelectMany(tally => tally.StatusCodes))
            {
                codes[code] = codes.GetValueOrDefault(code) + count;
            }

            var latencies = _tallies.SelectMany(tally => tally.LatenciesMs).ToArray();
            Array.Sort(latencies);
            return new FloodResult(
                options.Flood,
                elapsed,
                codes,
                _tallies.Sum(tally => tally.WrongSignature),
                _tallies.Sum(tally => tally.Unsigned),
                _tallies.Sum(tally => tally.TransportErrors),
                latencies,
                _tallies.Select(tally => tally.FirstProblem).FirstOrDefault(problem => problem is not null));
        }
    }

    /// <summary>One connection's counts; written only by its own loop.</summary>
    private sealed class Tally
    {
        public Dictionary<int, long> StatusCodes { get; } = [];

        public List<double> LatenciesMs { get; } = [];

        public long WrongSignature { get; private set; }

        public long Unsigned { get; private set; }

        public long TransportErrors { get; private set; }

        public string? FirstProblem { get; private set; }

        public void Add(int? status, bool unsigned, double latencyMs, string? problem)
        {
            if (unsigned)
            {
                Unsigned++;
            }
            else
            {
                WrongSignature++;
            }

            LatenciesMs.Add(latencyMs);
            if (status is { } code)
            {
                StatusCodes[code] = StatusCodes.GetValueOrDefault(code) + 1;
                if (code != 401)
                {
                    FirstProblem ??= string.Create(CultureInfo.InvariantCulture, $"HTTP {code} to a {(unsigned ? "unsigned" : "wrongly signed")} POST");
                }
            }
            else
            {
                TransportErrors++;
                FirstProblem ??= problem;
            }
        }
    }
}
