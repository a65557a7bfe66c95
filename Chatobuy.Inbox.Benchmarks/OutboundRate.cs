using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Chatobuy.Inbox.Benchmarks;

/// <summary>
/// Sustained outbound rate against the Sandbox: N customers write in (through the Sandbox, so both sides know the
/// 24-hour window is open), the channel's sending is paused (<c>PATCH /api/v1/channels/{id}</c>), M replies are queued
/// through the integration API, sending resumes, and the Sandbox's own tally (<c>/sandbox/throughput</c>) gives how
/// many it accepted, over how long, how many it refused with 130429, and the most it saw in any sliding second. With
/// <c>--live</c> sending is not paused: the sender works while the replies are being queued.
/// </summary>
public static class OutboundRate
{
    public const string Usage = """
        dotnet run -c Release --project Chatobuy.Inbox.Benchmarks -- outbound \
            --url http://localhost:5080 --api-key <integration API key> --channel-id <id> --phone-number-id <id> \
            [--customers 200] [--messages 800] [--concurrency 16] [--live]
        Start the inbox with the limit to measure on both sides, e.g. Outbound__MessagesPerSecond=1000 and
        Sandbox__MessagesPerSecond=1000; add Sandbox__ResponseDelayMilliseconds=400 Sandbox__ResponseJitterMilliseconds=200
        to play Meta's round trip (the Sandbox counts a send when its request arrives). Meta's pair rate lets one
        customer take about 5 messages in a burst, so give at least messages/5 customers.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var live = args.Contains("--live");
        args = args.Where(a => a != "--live").ToList();
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string[] required = ["url", "api-key", "channel-id", "phone-number-id"];
        if (required.FirstOrDefault(r => !values.ContainsKey(r)) is { } missing)
        {
            Console.Error.WriteLine($"Missing --{missing}.");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var root = new Uri(values["url"]);
        if (!(root.IsLoopback || (IPAddress.TryParse(root.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip))))
        {
            Console.Error.WriteLine("Only loopback targets (localhost, 127.0.0.0/8, [::1]) are allowed.");
            return 2;
        }

        var customers = int.Parse(values.GetValueOrDefault("customers", "200"), CultureInfo.InvariantCulture);
        var messages = int.Parse(values.GetValueOrDefault("messages", "800"), CultureInfo.InvariantCulture);
        var concurrency = int.Parse(values.GetValueOrDefault("concurrency", "16"), CultureInfo.InvariantCulture);
        var channelId = values["channel-id"];
        var phoneNumberId = values["phone-number-id"];
        var runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var prefix = "5519" + (BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4)) % 100).ToString("D2", CultureInfo.InvariantCulture);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseCookies = false })
        {
            BaseAddress = root,
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", values["api-key"]);

        Console.WriteLine($"Outbound run {runId}: {customers} customers write in, then {messages} replies are queued; target {root}");
        var waIds = Enumerable.Range(0, customers).Select(i => prefix + i.ToString("D7", CultureInfo.InvariantCulture)).ToList();
        await ParallelForEachAsync(waIds, concurrency, async waId =>
        {
            var body = new JsonObject { ["phone_number_id"] = phoneNumberId, ["name"] = "Bench customer", ["type"] = "text", ["text"] = new JsonObject { ["body"] = $"hello {runId}" } };
            using var response = await http.PostAsJsonAsync($"/sandbox/customers/{waId}/messages", body);
            response.EnsureSuccessStatusCode();
        });

        var conversations = await WaitForConversationsAsync(http, channelId, waIds.ToHashSet());
        if (conversations.Count < customers)
        {
            Console.Error.WriteLine($"Only {conversations.Count} of {customers} conversations appeared in the inbox; is the channel connected to this Sandbox?");
            return 1;
        }

        (await http.DeleteAsync($"/sandbox/throughput/{phoneNumberId}")).EnsureSuccessStatusCode();
        if (!live)
        {
            await PauseAsync(http, channelId, paused: true);
        }

        var queueClock = Stopwatch.StartNew();
        var refusedByInbox = 0;
        await ParallelForEachAsync(Enumerable.Range(0, messages).ToList(), concurrency, async i =>
        {
            var conversation = conversations[i % conversations.Count];
            using var response = await http.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { clientMessageId = $"bench-{runId}-{i}", text = $"Update {i}" });
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref refusedByInbox);
            }
        });
        var queueSeconds = queueClock.Elapsed.TotalSeconds;
        var acceptedWhileQueueing = (await http.GetFromJsonAsync<JsonObject>($"/sandbox/throughput/{phoneNumberId}"))!["accepted"]!.GetValue<int>();
        if (!live)
        {
            await PauseAsync(http, channelId, paused: false);
        }

        JsonObject report;
        var lastAccepted = -1;
        var stalledSince = Stopwatch.StartNew();
        while (true)
        {
            await Task.Delay(500);
            report = (await http.GetFromJsonAsync<JsonObject>($"/sandbox/throughput/{phoneNumberId}"))!;
            var accepted = report["accepted"]!.GetValue<int>();
            if (accepted >= messages - refusedByInbox)
            {
                break;
            }

            if (accepted != lastAccepted)
            {
                lastAccepted = accepted;
                stalledSince.Restart();
            }
            else if (stalledSince.Elapsed > TimeSpan.FromSeconds(30))
            {
                Console.Error.WriteLine($"Stalled at {accepted} of {messages} accepted.");
                break;
            }
        }

        var backlog = (await http.GetFromJsonAsync<JsonObject>($"/sandbox/throughput/{phoneNumberId}?skip={acceptedWhileQueueing}"))!;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"part",-22} {"limit/s",8} {"sends",7} {"130429",7} {"seconds",8} {"sent/s",8} {"of limit",9} {"max in 1 s",11}"));
        if (live)
        {
            Row("whole run", report);
            Row("backlog after queueing", backlog);
        }
        else
        {
            Row("queued backlog", report);
        }

        Console.WriteLine();
        Console.WriteLine(live
            ? string.Create(CultureInfo.InvariantCulture, $"Queued {messages - refusedByInbox} through the API in {queueSeconds:F2} s ({(messages - refusedByInbox) / queueSeconds:F0}/s) while sending; {acceptedWhileQueueing} were already sent by then. The backlog row is the sender's own pace when it is not waiting for work.")
            : string.Create(CultureInfo.InvariantCulture, $"Queued {messages - refusedByInbox} through the API in {queueSeconds:F2} s with sending paused, then resumed sending: the row is the sender draining the whole backlog."));
        return refusedByInbox > 0 || report["refused"]!.GetValue<int>() > 0 ? 1 : 0;
    }

    private static async Task PauseAsync(HttpClient http, string channelId, bool paused)
    {
        using var response = await http.PatchAsJsonAsync($"/api/v1/channels/{channelId}", new { sendingPaused = paused });
        response.EnsureSuccessStatusCode();
    }

    private static void Row(string part, JsonObject report)
    {
        var limit = report["limit"]!.GetValue<int>();
        var perSecond = report["per_second"]!.GetValue<double>();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{part,-22} {limit,8} {report["accepted"]!.GetValue<int>(),7} {report["refused"]!.GetValue<int>(),7} {report["seconds"]!.GetValue<double>(),8:F2} {perSecond,8:F1} {perSecond / limit,9:P1} {report["most_in_any_second"]!.GetValue<int>(),11}"));
    }

    private static async Task<List<long>> WaitForConversationsAsync(HttpClient http, string channelId, HashSet<string> waIds)
    {
        var found = new Dictionary<string, long>();
        var deadline = Stopwatch.StartNew();
        while (found.Count < waIds.Count && deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            for (var page = 1; ; page++)
            {
                var result = (await http.GetFromJsonAsync<JsonObject>($"/api/v1/conversations?channelId={channelId}&status=open&page={page}&pageSize=200"))!;
                var items = result["items"]!.AsArray();
                foreach (var item in items)
                {
                    var waId = item!["contact"]!["waId"]!.GetValue<string>();
                    if (waIds.Contains(waId))
                    {
                        found[waId] = item["id"]!.GetValue<long>();
                    }
                }

                if (items.Count < 200)
                {
                    break;
                }
            }

            if (found.Count < waIds.Count)
            {
                await Task.Delay(500);
            }
        }

        return found.Values.ToList();
    }

    private static Task ParallelForEachAsync<T>(IReadOnlyList<T> items, int concurrency, Func<T, Task> body) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (item, _) => await body(item));
}
