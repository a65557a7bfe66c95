extern alias inbox;

using System.Diagnostics;
using System.Globalization;
using inbox::Chatobuy.Inbox.Events;
using inbox::Chatobuy.Inbox.Features.Channels;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Benchmarks;

/// <summary>
/// Latency from posting a webhook to the event reaching agents' views, the way Blazor components hear it: the app runs
/// in this process (Kestrel on a loopback port, a fresh data folder, its Sandbox), a channel is connected to the
/// Sandbox through the wizard's services, N subscribers listen on <see cref="InboxEvents"/> as open inbox pages do (one
/// subscription each to <see cref="IConversationEvent"/>, filtered by the listed channel before queueing; no Blazor
/// circuit, no browser, no reload query), and signed webhooks are posted over HTTP at a steady rate.
/// </summary>
public static class InProcessLatency
{
    public const string Usage = """
        dotnet run -c Release --project Chatobuy.Inbox.Benchmarks -- in-process \
            [--agents 100] [--conversations 100] [--rate 200] [--seconds 10] [--through webhook|bus]
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        var agents = int.Parse(values.GetValueOrDefault("agents", "100"), CultureInfo.InvariantCulture);
        var conversations = int.Parse(values.GetValueOrDefault("conversations", "100"), CultureInfo.InvariantCulture);
        var rate = int.Parse(values.GetValueOrDefault("rate", "200"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(values.GetValueOrDefault("seconds", "10"), CultureInfo.InvariantCulture);

        await using var app = new HostedInbox();
        app.Start();
        var channel = await app.ConnectSandboxChannelAsync();
        var secret = app.Services.GetRequiredService<IConfiguration>()["Sandbox:AppSecret"]!;
        var events = app.Services.GetRequiredService<InboxEvents>();
        if (values.GetValueOrDefault("through", "webhook") == "bus")
        {
            return await BusOnlyAsync(events, channel.Id, agents, conversations, rate, seconds);
        }

        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var url = new Uri(app.BaseAddress, $"/webhooks/whatsapp/{channel.Id}");
        var probe = new WebhookProbe(http, url, secret, channel.WabaId, channel.PhoneNumberId, conversations);
        // As an open inbox page subscribes (LiveReload): one subscription per agent to the conversation events, with the
        // page's channel filter applied before anything is queued. Each created message of a ConversationChanged counts.
        var listed = new HashSet<string> { channel.Id };
        var subscriptions = Enumerable.Range(0, agents)
            .Select(agent => events.Subscribe<IConversationEvent>(e =>
            {
                if (e is ConversationChanged changed)
                {
                    foreach (var _ in changed.Created)
                    {
                        probe.Heard(e.ConversationId, agent);
                    }
                }

                return Task.CompletedTask;
            }, filter: e => listed.Contains(e.ChannelId)))
            .ToList();

        IDisposable? learning = null;
        await probe.LearnConversationsAsync(() =>
        {
            learning?.Dispose();
            var seen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            learning = events.Subscribe<ConversationChanged>(e =>
            {
                seen.TrySetResult(e.ConversationId);
                return Task.CompletedTask;
            });
            return seen.Task;
        });
        learning?.Dispose();

        Console.WriteLine($"{agents} in-process subscribers; posting {rate} messages/s for {seconds} s over {conversations} conversations…");
        var complete = await probe.RunAsync(rate, seconds, agents, "in-process subscriber");
        subscriptions.ForEach(s => s.Dispose());
        return complete ? 0 : 1;
    }

    /// <summary>
    /// The live path alone, without the webhook's write: publishes one <see cref="ConversationChanged"/> per message
    /// at the rate (as the ingestion does after its commit) while the app runs, and measures publish → handled at
    /// every subscriber, each subscribed as a page is.
    /// </summary>
    private static async Task<int> BusOnlyAsync(InboxEvents events, string channelId, int agents, int conversations, int rate, int seconds)
    {
        var total = rate * seconds;
        var publishedAt = new long[total];
        var heard = Enumerable.Range(0, agents).Select(_ => new List<double>(total)).ToArray();
        var listed = new HashSet<string> { channelId };
        var subscriptions = Enumerable.Range(0, agents)
            .Select(agent => events.Subscribe<IConversationEvent>(e =>
            {
                if (e is ConversationChanged changed)
                {
                    var now = Stopwatch.GetTimestamp();
                    foreach (var id in changed.Created)
                    {
                        heard[agent].Add(Stopwatch.GetElapsedTime(publishedAt[id], now).TotalMilliseconds);
                    }
                }

                return Task.CompletedTask;
            }, filter: e => listed.Contains(e.ChannelId)))
            .ToList();

        Console.WriteLine($"{agents} in-process subscribers; publishing {rate} events/s for {seconds} s straight to the bus (no webhook)…");
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var wait = TimeSpan.FromSeconds((double)i / rate) - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            publishedAt[i] = Stopwatch.GetTimestamp();
            events.Publish(new ConversationChanged(channelId, 1_000_000 + (i % conversations), [i], []));
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        subscriptions.ForEach(s => s.Dispose());
        var latencies = heard.SelectMany(h => h).Order().ToList();
        static double P(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        Console.WriteLine($"published {total} events; {latencies.Count} of {total * agents} handled");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"publish → in-process subscriber: p50 {P(latencies, 0.50):0.00} ms, p99 {P(latencies, 0.99):0.00} ms, max {P(latencies, 1):0.00} ms"));
        return latencies.Count == total * agents ? 0 : 1;
    }

    /// <summary>The whole app on Kestrel in this process, in Development (so with its Sandbox), logging warnings only.</summary>
    private sealed class HostedInbox : WebApplicationFactory<inbox::Program>
    {
        private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "chatobuy-inbox-benchmark", Guid.NewGuid().ToString("N"));

        public Uri BaseAddress { get; private set; } = default!;

        public void Start()
        {
            UseKestrel(0);
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            BaseAddress = new Uri(address.Replace("127.0.0.1", "localhost"));
        }

        public async Task<Channel> ConnectSandboxChannelAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
            var setup = scope.ServiceProvider.GetRequiredService<ChannelSetupService>();
            var model = new ConnectChannelModel
            {
                Title = "Benchmark",
                AccessToken = configuration["Sandbox:AccessToken"]!,
                BusinessId = configuration["Sandbox:BusinessId"]!,
                AppSecret = configuration["Sandbox:AppSecret"]!,
                Target = GraphTarget.Sandbox,
            };
            var account = (await setup.FetchNumbersAsync(model, CancellationToken.None)).Accounts[0];
            var finished = await setup.FinishAsync(model, account, account.Numbers[0], BaseAddress.ToString(), CancellationToken.None);
            return finished.Channel ?? throw new InvalidOperationException($"Connecting the Sandbox channel failed: {finished.Error}");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file may still be held for a moment; the folder is under the temp directory anyway.
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:DataDirectory", _dataDirectory);
            builder.UseSetting("Sandbox:Enabled", "true");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
            builder.UseSetting("Logging:LogLevel:System.Net.Http.HttpClient", "Warning");
        }
    }
}
