using System.Globalization;
using System.Net;
using Chatobuy.Inbox.Benchmarks;

if (args.Length > 0 && args[0] == "hub-latency")
{
    return await HubLatency.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "in-process")
{
    return await InProcessLatency.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "setup")
{
    return await SandboxSetup.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "circuits")
{
    return await CircuitMemory.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "outbound")
{
    return await OutboundRate.RunAsync(args[1..]);
}

var (options, error) = BenchmarkOptions.Parse(args);
if (options is null)
{
    if (!string.IsNullOrEmpty(error))
    {
        Console.Error.WriteLine(error);
        Console.Error.WriteLine();
    }

    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return string.IsNullOrEmpty(error) ? 0 : 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

using var http = Client(options.Concurrency);

// The flood has connections of its own, so it never takes one from the genuine POSTs.
using var floodHttp = options.Flood > 0 ? Client(options.Flood) : null;

var payloads = new WebhookPayloads(options);
var runner = new LoadRunner(http, options, payloads, TimeProvider.System);

// The reference: the same load, on connections of its own, against a receiver that stores nothing.
await using var bare = options.Bare ? await BareReceiver.StartAsync(options.AppSecret) : null;
using var bareHttp = bare is null ? null : Client(options.Concurrency);
var bareRunner = bare is null ? null : new LoadRunner(bareHttp!, options with { Url = bare.Url }, payloads, TimeProvider.System);
if (bareRunner is not null)
{
    // Unmeasured: the receiver's first requests pay for its start (JIT, connections), which the inbox paid long ago.
    await bareRunner.RunAsync("bare warm-up", 0, Math.Min(options.Messages, 20_000), 1, payloads.Messages, cancel.Token);
}
var flood = floodHttp is null ? null : new SignatureFlood(floodHttp, options, payloads, TimeProvider.System);

// An integrator's slow receiver for the forwarding webhook; the channel forwards to it only during the +forward phases.
await using var slow = options.ForwardDelayMilliseconds >= 0 ? await SlowReceiver.StartAsync(TimeSpan.FromMilliseconds(options.ForwardDelayMilliseconds)) : null;
var results = new List<PhaseResult>();

Console.WriteLine($"Run {options.RunId}: {options.Messages} per phase, batches {string.Join(",", options.BatchSizes)}, concurrency {options.Concurrency}, target {options.Url}"
    + (flood is null ? "" : $", flood of bad signatures on {options.Flood} connections")
    + (slow is null ? "" : $", forwarding to a receiver that answers after {options.ForwardDelayMilliseconds} ms"));
for (var phase = 0; phase < options.BatchSizes.Count && !cancel.IsCancellationRequested; phase++)
{
    var batch = options.BatchSizes[phase];
    long firstMessage = (long)phase * options.Messages;
    if (!options.Statuses || !options.RunIdGiven)
    {
        if (bareRunner is not null)
        {
            results.Add(await bareRunner.RunAsync("bare messages", firstMessage, options.Messages, batch, payloads.Messages, cancel.Token));
            Print(results[^1]);
        }

        results.Add(await runner.RunAsync("messages", firstMessage, options.Messages, batch, payloads.Messages, cancel.Token));
        Print(results[^1]);
    }

    if (flood is not null && !cancel.IsCancellationRequested)
    {
        // The same phase again under the flood, on wamids after every reference message of the run, so none is a
        // replay and the reference messages keep their numbers (the ones --statuses --run-id looks for).
        long floodedFirst = (long)(options.BatchSizes.Count + phase) * options.Messages;
        var (flooded, refusals) = await flood.RunDuringAsync(
            batch,
            () => runner.RunAsync("messages+flood", floodedFirst, options.Messages, batch, payloads.Messages, cancel.Token),
            cancel.Token);
        results.Add(flooded with { Flood = refusals });
        Print(results[^1]);
    }

    if (slow is not null && !cancel.IsCancellationRequested && (!options.Statuses || !options.RunIdGiven))
    {
        // The same phase again with forwarding on, on wamids after every other phase's.
        long forwardedFirst = (long)(2 * options.BatchSizes.Count + phase) * options.Messages;
        var before = slow.Received;
        await ChannelForwarding.SetAsync(options.Url, options.ApiKey!, slow.Url, cancel.Token);
        try
        {
            results.Add(await runner.RunAsync("messages+forward", forwardedFirst, options.Messages, batch, payloads.Messages, cancel.Token));
        }
        finally
        {
            await ChannelForwarding.SetAsync(options.Url, options.ApiKey!, null, CancellationToken.None);
        }

        Print(results[^1]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    forwarded while it ran: {slow.Received - before:N0} signed events reached the slow receiver ({slow.Unsigned:N0} unsigned)"));
    }

    if (options.Statuses && !cancel.IsCancellationRequested)
    {
        // Three events per message: sent, delivered, read.
        if (bareRunner is not null)
        {
            results.Add(await bareRunner.RunAsync("bare statuses", firstMessage * 3, options.Messages * 3L, batch, payloads.Statuses, cancel.Token));
            Print(results[^1]);
        }

        results.Add(await runner.RunAsync("statuses", firstMessage * 3, options.Messages * 3L, batch, payloads.Statuses, cancel.Token));
        Print(results[^1]);
    }
}

var nameWidth = flood is null ? (slow is not null ? 16 : bare is null ? 9 : 13) : 16;
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"phase".PadRight(nameWidth)} {"batch",5} {"events",9} {"elapsed s",10} {"events/s",10} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"non-200",8} {"errors",7}")
    + (flood is null ? "" : $" {"flood 401/s",11} {"not 401",8}"));
foreach (var result in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{result.Name.PadRight(nameWidth)} {result.Batch,5} {result.Events,9} {result.Elapsed.TotalSeconds,10:F2} {result.PerSecond,10:F1} {result.Percentile(50),8:F1} {result.Percentile(95),8:F1} {result.Percentile(99),8:F1} {result.Percentile(100),8:F1} {result.Non200,8} {result.TransportErrors,7}")
        + (result.Flood is not { } refusals ? "" : string.Create(CultureInfo.InvariantCulture, $" {refusals.PerSecond(refusals.Refused),11:F1} {refusals.NotRefused,8}")));
}

if (flood is not null)
{
    Console.WriteLine();
    for (var i = 1; i < results.Count; i++)
    {
        if (results[i].Flood is not { } refusals)
        {
            continue;
        }

        var reference = results.Take(i).Last(r => r.Name == "messages" && r.Batch == results[i].Batch);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"×{results[i].Batch}/POST under the flood: {results[i].PerSecond:F1} genuine events/s against {reference.PerSecond:F1} alone ({results[i].PerSecond / Math.Max(reference.PerSecond, 1e-9):P0}), ack p50 {results[i].Percentile(50):F1} ms (alone {reference.Percentile(50):F1}), p99 {results[i].Percentile(99):F1} ms (alone {reference.Percentile(99):F1}); "
            + $"flood {refusals.Posts:N0} POSTs on {refusals.Connections} connections at {refusals.PerSecond(refusals.Posts):F1}/s ({refusals.WrongSignature:N0} wrong signature, {refusals.Unsigned:N0} unsigned): {refusals.Answers()}, answered in p50 {refusals.Percentile(50):F1} ms, p99 {refusals.Percentile(99):F1} ms"));
    }
}

if (slow is not null)
{
    Console.WriteLine();
    foreach (var forwarded in results.Where(r => r.Name == "messages+forward"))
    {
        var reference = results.Last(r => r.Name == "messages" && r.Batch == forwarded.Batch);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"×{forwarded.Batch}/POST with forwarding to a {options.ForwardDelayMilliseconds} ms receiver: {forwarded.PerSecond:F1} events/s against {reference.PerSecond:F1} without ({forwarded.PerSecond / Math.Max(reference.PerSecond, 1e-9):P0}), ack p50 {forwarded.Percentile(50):F1} ms (without {reference.Percentile(50):F1}), p99 {forwarded.Percentile(99):F1} ms (without {reference.Percentile(99):F1})"));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The slow receiver got {slow.Received:N0} signed events in all by the end of the run."));
}

if (bare is not null)
{
    Console.WriteLine();
    foreach (var result in results.Where(r => !r.Name.StartsWith("bare ", StringComparison.Ordinal) && r.Flood is null && r.Name != "messages+forward"))
    {
        var reference = results.Last(r => r.Name == "bare " + result.Name && r.Batch == result.Batch);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Name} ×{result.Batch}/POST: inbox {result.PerSecond:F1}/s (ack p99 {result.Percentile(99):F1} ms), bare receiver {reference.PerSecond:F1}/s (ack p99 {reference.Percentile(99):F1} ms): {result.PerSecond / Math.Max(reference.PerSecond, 1e-9):P1} of bare"));
    }
}

Console.WriteLine();
Console.WriteLine($"Run id {options.RunId} (statuses for these messages: --statuses --run-id {options.RunId} with the same --messages and --batch).");
return results.Any(r => r.Non200 > 0 || r.TransportErrors > 0 || r.Flood?.NotRefused > 0) ? 1 : 0;

static HttpClient Client(int connections) => new(new SocketsHttpHandler
{
    MaxConnectionsPerServer = connections,
    AllowAutoRedirect = false,
    UseCookies = false,
    AutomaticDecompression = DecompressionMethods.None,
})
{
    Timeout = TimeSpan.FromSeconds(30),
};

static void Print(PhaseResult result)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {result.Name} ×{result.Batch}/POST: {result.Events} in {result.Elapsed.TotalSeconds:F2} s ({result.PerSecond:F1}/s), p50 {result.Percentile(50):F1} ms, p99 {result.Percentile(99):F1} ms, non-200 {result.Non200}, errors {result.TransportErrors}{(result.FirstProblem is null ? "" : $" (first: {result.FirstProblem})")}"));
    if (result.Flood is { } refusals)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    flood: {refusals.Posts} bad-signature POSTs in {refusals.Elapsed.TotalSeconds:F2} s ({refusals.PerSecond(refusals.Posts):F1}/s), {refusals.Answers()}, p50 {refusals.Percentile(50):F1} ms, p99 {refusals.Percentile(99):F1} ms{(refusals.FirstProblem is null ? "" : $" (first not refused: {refusals.FirstProblem})")}"));
    }
}
