using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Chatobuy.Inbox.Benchmarks;

/// <summary>
/// Posts signed one-message webhooks at a steady rate over many conversations and matches the events that listeners
/// report back to the POST that caused them: the k-th event of a conversation seen by a listener belongs to the k-th
/// message posted for its customer (posts of one customer are conversations/rate seconds apart, so they commit in order).
/// </summary>
public sealed class WebhookProbe(HttpClient http, Uri url, string appSecret, string wabaId, string phoneNumberId, int conversations)
{
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(appSecret);
    private readonly string _runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private readonly ConcurrentBag<(long ConversationId, int Listener, long Timestamp)> _arrivals = [];
    private readonly Dictionary<long, string> _customerOf = [];

    /// <summary>What a listener calls when it hears that a message was created in a conversation.</summary>
    public void Heard(long conversationId, int listener) => _arrivals.Add((conversationId, listener, Stopwatch.GetTimestamp()));

    /// <summary>
    /// One message per customer, one at a time, to learn which conversation is whose; <paramref name="firstEvent"/>
    /// completes with the conversation id of the next event a listener hears.
    /// </summary>
    public async Task LearnConversationsAsync(Func<Task<long>> firstEvent)
    {
        for (var j = 0; j < conversations; j++)
        {
            var seen = firstEvent();
            using (var response = await http.SendAsync(Post(CustomerOf(j), $"wamid.PROBEWARM{_runId}{j:D6}")))
            {
                response.EnsureSuccessStatusCode();
            }

            _customerOf[await seen.WaitAsync(TimeSpan.FromSeconds(10))] = CustomerOf(j);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        _arrivals.Clear();
    }

    /// <summary>Posts <paramref name="rate"/> messages a second for <paramref name="seconds"/>, then prints and returns the latencies.</summary>
    public async Task<bool> RunAsync(int rate, int seconds, int listeners, string what)
    {
        var total = rate * seconds;
        var posted = new List<(string Customer, long Started)>(total);
        var answered = new long[total];
        var failures = 0;
        var acks = new ConcurrentBag<double>();
        var start = Stopwatch.GetTimestamp();
        var sends = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var wait = TimeSpan.FromSeconds((double)i / rate) - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var customer = CustomerOf(i);
            var request = Post(customer, $"wamid.PROBE{_runId}{i:D9}");
            var started = Stopwatch.GetTimestamp();
            posted.Add((customer, started));
            var index = i;
            sends.Add(SendAsync(request, () => Interlocked.Increment(ref failures), started, acks, at => answered[index] = at));
        }

        await Task.WhenAll(sends);
        await Task.Delay(TimeSpan.FromSeconds(3));

        var postsByCustomer = posted.Select((p, index) => (p.Customer, p.Started, Index: index)).GroupBy(p => p.Customer)
            .ToDictionary(g => g.Key, g => g.ToList());
        var latencies = new List<double>();
        var afterAnswer = new List<double>();
        foreach (var byListenerAndConversation in _arrivals.GroupBy(a => (a.Listener, a.ConversationId)))
        {
            if (!_customerOf.TryGetValue(byListenerAndConversation.Key.ConversationId, out var customer))
            {
                continue;
            }

            var starts = postsByCustomer[customer];
            var times = byListenerAndConversation.Select(a => a.Timestamp).Order().ToList();
            for (var k = 0; k < Math.Min(times.Count, starts.Count); k++)
            {
                latencies.Add(Stopwatch.GetElapsedTime(starts[k].Started, times[k]).TotalMilliseconds);
                afterAnswer.Add(Stopwatch.GetElapsedTime(answered[starts[k].Index], times[k]).TotalMilliseconds);
            }
        }

        latencies.Sort();
        afterAnswer.Sort();
        var ackTimes = acks.Order().ToList();
        static double P(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        Console.WriteLine($"posted {total} messages ({failures} not answered 200); {latencies.Count} of {total * listeners} events matched to their POST");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"webhook → {what} latency: p50 {P(latencies, 0.50):0.0} ms, p99 {P(latencies, 0.99):0.0} ms, max {P(latencies, 1):0.0} ms (the POST's own answer: p50 {P(ackTimes, 0.50):0.0} ms, p99 {P(ackTimes, 0.99):0.0} ms)"));
        // The live path alone: an event is published after its commit and before the 200 goes out, so it is usually
        // heard before the POST's caller reads the answer (negative) and a slow POST does not show here.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"event heard − the POST's answer read: p50 {P(afterAnswer, 0.50):0.0} ms, p99 {P(afterAnswer, 0.99):0.0} ms, max {P(afterAnswer, 1):0.0} ms"));
        return failures == 0 && latencies.Count == total * listeners;
    }

    private string CustomerOf(int i) => (18_880_000_000L + (i % conversations)).ToString(CultureInfo.InvariantCulture);

    private HttpRequestMessage Post(string customer, string wamid)
    {
        var body = Body(customer, wamid);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_secret, body)));
        return request;
    }

    private async Task SendAsync(HttpRequestMessage request, Action failed, long started, ConcurrentBag<double> acks, Action<long> answeredAt)
    {
        try
        {
            using var response = await http.SendAsync(request);
            var now = Stopwatch.GetTimestamp();
            answeredAt(now);
            acks.Add(Stopwatch.GetElapsedTime(started, now).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failed();
            }
        }
        catch (HttpRequestException)
        {
            failed();
        }
    }

    private byte[] Body(string customer, string wamid)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("object", "whatsapp_business_account");
            w.WriteStartArray("entry");
            w.WriteStartObject();
            w.WriteString("id", wabaId);
            w.WriteStartArray("changes");
            w.WriteStartObject();
            w.WriteString("field", "messages");
            w.WriteStartObject("value");
            w.WriteString("messaging_product", "whatsapp");
            w.WriteStartObject("metadata");
            w.WriteString("display_phone_number", "15550000000");
            w.WriteString("phone_number_id", phoneNumberId);
            w.WriteEndObject();
            w.WriteStartArray("contacts");
            w.WriteStartObject();
            w.WriteStartObject("profile");
            w.WriteString("name", $"Probe customer {customer[^3..]}");
            w.WriteEndObject();
            w.WriteString("wa_id", customer);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("messages");
            w.WriteStartObject();
            w.WriteString("from", customer);
            w.WriteString("id", wamid);
            w.WriteString("timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            w.WriteString("type", "text");
            w.WriteStartObject("text");
            w.WriteString("body", "latency probe");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
