using System.Globalization;
using System.Net;
using Chatobuy.Inbox.Benchmarks;

if (args.Length > 0 && args[0] == "hub-latency")
{
    return await HubLatency.RunAsync(args[1..]);
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

using var http = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Concurrency,
    AllowAutoRedirect = false,
    UseCookies = false,
    AutomaticDecompression = DecompressionMethods.None,
})
{
    Timeout = TimeSpan.FromSeconds(30),
};

var payloads = new WebhookPayloads(options);
var runner = new LoadRunner(http, options, payloads, TimeProvider.System);
var results = new List<PhaseResult>();

Console.WriteLine($"Run {options.RunId}: {options.Messages} per phase, batches {string.Join(",", options.BatchSizes)}, concurrency {options.Concurrency}, target {options.Url}");
for (var phase = 0; phase < options.BatchSizes.Count && !cancel.IsCancellationRequested; phase++)
{
    var batch = options.BatchSizes[phase];
    long firstMessage = (long)phase * options.Messages;
    if (!options.Statuses || !options.RunIdGiven)
    {
        results.Add(await runner.RunAsync("messages", firstMessage, options.Messages, batch, payloads.Messages, cancel.Token));
        Print(results[^1]);
    }

    if (options.Statuses && !cancel.IsCancellationRequested)
    {
        // Three events per message: sent, delivered, read.
        results.Add(await runner.RunAsync("statuses", firstMessage * 3, options.Messages * 3L, batch, payloads.Statuses, cancel.Token));
        Print(results[^1]);
    }
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"phase",-9} {"batch",5} {"events",9} {"elapsed s",10} {"events/s",10} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"non-200",8} {"errors",7}"));
foreach (var result in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{result.Name,-9} {result.Batch,5} {result.Events,9} {result.Elapsed.TotalSeconds,10:F2} {result.PerSecond,10:F1} {result.Percentile(50),8:F1} {result.Percentile(95),8:F1} {result.Percentile(99),8:F1} {result.Percentile(100),8:F1} {result.Non200,8} {result.TransportErrors,7}"));
}

Console.WriteLine();
Console.WriteLine($"Run id {options.RunId} (statuses for these messages: --statuses --run-id {options.RunId} with the same --messages and --batch).");
return results.Any(r => r.Non200 > 0 || r.TransportErrors > 0) ? 1 : 0;

static void Print(PhaseResult result) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {result.Name} ×{result.Batch}/POST: {result.Events} in {result.Elapsed.TotalSeconds:F2} s ({result.PerSecond:F1}/s), p50 {result.Percentile(50):F1} ms, p99 {result.Percentile(99):F1} ms, non-200 {result.Non200}, errors {result.TransportErrors}{(result.FirstProblem is null ? "" : $" (first: {result.FirstProblem})")}"));
