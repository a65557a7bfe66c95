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

        var cookies = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = root };
        if (!await SignInAsync(http, values["email"], values["password"]))
        {
            Console.Error.WriteLine("Sign-in failed: check --email and --password.");
            return 2;
        }

        var probe = new WebhookProbe(http, url, values["app-secret"], values["waba-id"], values["phone-number-id"], conversations);
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
                    probe.Heard(e.ConversationId, client);
                }
            });
            await connection.StartAsync();
            await connection.InvokeAsync("WatchChannels", new[] { channelId });
            connections.Add(connection);
        }

        IDisposable? learning = null;
        await probe.LearnConversationsAsync(() =>
        {
            learning?.Dispose();
            var seen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            learning = connections[0].On<EventMessage>("MessageCreated", e => seen.TrySetResult(e.ConversationId));
            return seen.Task;
        });
        learning?.Dispose();

        Console.WriteLine($"{clients} hub clients connected; posting {rate} messages/s for {seconds} s over {conversations} conversations…");
        var complete = await probe.RunAsync(rate, seconds, clients, "hub client");
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        return complete ? 0 : 1;
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

    [GeneratedRegex("""name="__RequestVerificationToken" value="([^"]+)" """)]
    private static partial Regex AntiforgeryInput();
}
