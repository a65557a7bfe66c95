using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chatobuy.Inbox.Benchmarks;

/// <summary>
/// Latency from posting a webhook to the event reaching subscribed hub clients: signs in, connects N clients to
/// <c>/hubs/inbox</c> watching the channel, posts one message per POST at a steady rate spread over many
/// conversations, and prints p50/p99 of (event received − POST started) over all clients.
/// </summary>
public static partial class HubLatency
{
    public const string Usage = """
        dotnet run -c Release --project Chatobuy.Inbox.Benchmarks -- hub-latency \
            --url http://localhost:5080/webhooks/whatsapp/<channelId> --app-secret <secret> \
            --phone-number-id <id> --waba-id <id> --email <agent email> --password <password> \
            [--clients 100] [--conversations 100] [--rate 200] [--seconds 10]
        """;

    private sealed record EventMessage(string ChannelId, long ConversationId, long MessageId);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string[] required = ["url", "app-secret", "phone-number-id", "waba-id", "email", "password"];
        if (required.FirstOrDefault(r => !values.ContainsKey(r)) is { } missing)
        {
            Console.Error.WriteLine($"Missing --{missing}.");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var url = new Uri(values["url"]);
        if (!(url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip))))
        {
            Console.Error.WriteLine("Only loopback targets (localhost, 127.0.0.0/8, [::1]) are allowed.");
            return 2;
        }

        var clients = int.Parse(values.GetValueOrDefault("clients", "100"), CultureInfo.InvariantCulture);
        var conversations = int.Parse(values.GetValueOrDefault("conversations", "100"), CultureInfo.InvariantCulture);
        var rate = int.Parse(values.GetValueOrDefault("rate", "200"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(values.GetValueOrDefault("seconds", "10"), CultureInfo.InvariantCulture);
        var channelId = url.Segments[^1].Trim('/');
        var root = new Uri(url.GetLeftPart(UriPartial.Authority));
        var runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

        var cookies = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = root };
        if (!await SignInAsync(http, values["email"], values["password"]))
        {
            Console.Error.WriteLine("Sign-in failed: check --email and --password.");
            return 2;
        }

        // Event arrival times per conversation, in order, for every client.
        var arrivals = new ConcurrentBag<(long ConversationId, int Client, long Timestamp)>();
        var connections = new List<HubConnection>();
        for (var c = 0; c < clients; c++)
        {
            var client = c;
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(root, "/hubs/inbox"), o => o.Cookies = cookies)
                .Build();
            connection.On<EventMessage>("MessageCreated", e =>
            {
                if (e.ChannelId == channelId)
                {
                    arrivals.Add((e.ConversationId, client, Stopwatch.GetTimestamp()));
                }
            });
            await connection.StartAsync();
            await connection.InvokeAsync("WatchChannels", new[] { channelId });
            connections.Add(connection);
        }

        var secret = Encoding.UTF8.GetBytes(values["app-secret"]);
        string CustomerOf(int i) => (18_880_000_000L + (i % conversations)).ToString(CultureInfo.InvariantCulture);
        HttpRequestMessage Post(string customer, string wamid)
        {
            var body = Body(values["waba-id"], values["phone-number-id"], customer, wamid);
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body)));
            return request;
        }

        // Warm-up: one message per customer, one at a time, to learn which conversation is whose.
        var customerOf = new Dictionary<long, string>();
        for (var j = 0; j < conversations; j++)
        {
            var seen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var learn = connections[0].On<EventMessage>("MessageCreated", e => seen.TrySetResult(e.ConversationId));
            using (var response = await http.SendAsync(Post(CustomerOf(j), $"wamid.HUBWARM{runId}{j:D6}")))
            {
                response.EnsureSuccessStatusCode();
            }

            customerOf[await seen.Task.WaitAsync(TimeSpan.FromSeconds(10))] = CustomerOf(j);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        arrivals.Clear();
        Console.WriteLine($"{clients} hub clients connected; posting {rate} messages/s for {seconds} s over {conversations} conversations…");
        var total = rate * seconds;
        var posted = new List<(string Customer, long Started)>(total);
        var failures = 0;
        var start = Stopwatch.GetTimestamp();
        var sends = new List<Task>();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var customer = CustomerOf(i);
            var request = Post(customer, $"wamid.HUB{runId}{i:D9}");
            posted.Add((customer, Stopwatch.GetTimestamp()));
            sends.Add(SendAsync(http, request, () => Interlocked.Increment(ref failures)));
        }

        await Task.WhenAll(sends);
        await Task.Delay(TimeSpan.FromSeconds(3));

        // The k-th event of a conversation belongs to the k-th message posted for its customer (posts of one
        // customer are conversations/rate seconds apart, so they commit in order).
        var postsByCustomer = posted.GroupBy(p => p.Customer).ToDictionary(g => g.Key, g => g.Select(p => p.Started).ToList());
        var latencies = new List<double>();
        var received = 0;
        foreach (var byClientAndConversation in arrivals.GroupBy(a => (a.Client, a.ConversationId)))
        {
            if (!customerOf.TryGetValue(byClientAndConversation.Key.ConversationId, out var customer))
            {
                continue;
            }

            var starts = postsByCustomer[customer];
            var times = byClientAndConversation.Select(a => a.Timestamp).Order().ToList();
            for (var k = 0; k < Math.Min(times.Count, starts.Count); k++)
            {
                latencies.Add(Stopwatch.GetElapsedTime(starts[k], times[k]).TotalMilliseconds);
                received++;
            }
        }

        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine($"posted {total} messages ({failures} not answered 200); {received} of {total * clients} events matched to their POST");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"webhook → hub client latency: p50 {P(0.50):0.0} ms, p99 {P(0.99):0.0} ms, max {P(1):0.0} ms"));
        return failures == 0 && received == total * clients ? 0 : 1;
    }

    private static async Task SendAsync(HttpClient http, HttpRequestMessage request, Action failed)
    {
        try
        {
            using var response = await http.SendAsync(request);
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

    private static async Task<bool> SignInAsync(HttpClient http, string email, string password)
    {
        var page = await http.GetStringAsync("/login");
        var token = AntiforgeryInput().Match(page);
        if (!token.Success)
        {
            return false;
        }

        using var response = await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        return response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location?.ToString().Contains("login", StringComparison.OrdinalIgnoreCase) != true;
    }

    private static byte[] Body(string wabaId, string phoneNumberId, string customer, string wamid)
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
            w.WriteString("name", $"Hub customer {customer[^3..]}");
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
            w.WriteString("body", "hub latency probe");
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

    [GeneratedRegex("""name="__RequestVerificationToken" value="([^"]+)" """)]
    private static partial Regex AntiforgeryInput();
}
