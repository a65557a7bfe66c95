using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Tests.Features.Outbound;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Integration;

/// <summary>
/// The app crashes while replies wait for their turn to leave, and starts again on what the crash left on disk: the
/// data folder as it was, with the database as committed at that moment.
/// </summary>
public sealed class OutboundCrashTests : IAsyncDisposable
{
    private const int Customers = 6;
    private const int RepliesEach = 2;
    private readonly string _beforeCrash = Path.Combine(Path.GetTempPath(), "chatobuy-inbox-tests", Guid.NewGuid().ToString("N"));
    private readonly string _afterCrash = Path.Combine(Path.GetTempPath(), "chatobuy-inbox-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Restart_AfterCrashWithRepliesWaitingForTheirTurn_EveryReplySentOnceAndNoneTwice()
    {
        var port = FreePort();
        var pacing = new SteppedClock();
        string phoneNumberId;
        List<long> replies = [];
        int acceptedBeforeCrash;
        await using (var first = new InboxApp { Port = port })
        {
            first.Settings["Storage:DataDirectory"] = _beforeCrash;
            first.Settings["Outbound:PairIntervalSeconds"] = "0";
            first.ConfigureServices = services => services.AddKeyedSingleton<TimeProvider>(OutboundSender.PacingClock, pacing);
            await first.InitializeAsync();
            var channel = await SandboxChannel.ConnectAsync(first, "Crash");
            phoneNumberId = channel.PhoneNumberId;
            var conversations = new List<long>();
            for (var i = 0; i < Customers; i++)
            {
                conversations.Add(await SandboxCustomer.WritesAsync(first, channel, $"5511977{i:D6}", "Hi"));
            }

            var outbound = first.Services.GetRequiredService<OutboundService>();
            for (var round = 0; round < RepliesEach; round++)
            {
                foreach (var conversation in conversations)
                {
                    var queued = await outbound.SendAsync(new SendRequest(conversation, $"crash-{conversation}-{round}", $"Reply {round}"), CancellationToken.None);
                    queued.Error.ShouldBeNull();
                    replies.Add(queued.MessageId!.Value);
                }
            }

            // The pacer's clock stands still: the first reply leaves at once, the next one once the clock is stepped;
            // every customer's next reply then waits in the pacer for its turn (one per customer at a time).
            await WaitUntilAsync(first, replies, sent: 1, waiting: Customers, pacing);
            pacing.Advance(TimeSpan.FromMilliseconds(13));
            await WaitUntilAsync(first, replies, sent: 2, waiting: Customers, pacing);

            // The crash: what is on disk now is all the next start has.
            CopyDataFolder(_beforeCrash, _afterCrash);
            using var client = first.CreateHttpClient();
            acceptedBeforeCrash = (await client.GetFromJsonAsync<JsonObject>($"/sandbox/throughput/{phoneNumberId}"))!["accepted"]!.GetValue<int>();
            acceptedBeforeCrash.ShouldBe(2);
        }

        await using var second = new InboxApp { Port = port };
        second.Settings["Storage:DataDirectory"] = _afterCrash;
        second.Settings["Outbound:PairIntervalSeconds"] = "0";
        await second.InitializeAsync();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<Message> messages;
        do
        {
            await Task.Delay(100);
            await using var db = await second.DbAsync();
            messages = await db.Messages.AsNoTracking().Where(m => replies.Contains(m.Id)).ToListAsync();
        }
        while (messages.Any(m => m.WaMessageId is null) && DateTime.UtcNow < deadline);

        await using (var db = await second.DbAsync())
        {
            var outbox = await db.OutboxItems.AsNoTracking().Where(o => replies.Contains(o.MessageId)).ToListAsync();
            messages.Where(m => m.WaMessageId is null)
                .Select(m => $"{m.Id}: {string.Join(", ", outbox.Where(o => o.MessageId == m.Id).Select(o => $"{o.State} {o.LastError}"))}")
                .ShouldBeEmpty("every queued reply should have been sent after the restart");
        }

        messages.Select(m => m.WaMessageId).Distinct().Count().ShouldBe(replies.Count);
        using var sandbox = second.CreateHttpClient();
        var report = (await sandbox.GetFromJsonAsync<JsonObject>($"/sandbox/throughput/{phoneNumberId}"))!;
        report["accepted"]!.GetValue<int>().ShouldBe(replies.Count - acceptedBeforeCrash, "the Sandbox received a reply twice, or not at all");
        report["refused"]!.GetValue<int>().ShouldBe(0);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var folder in new[] { _beforeCrash, _afterCrash })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Under the temp folder anyway.
            }
        }

        return ValueTask.CompletedTask;
    }

    private static async Task WaitUntilAsync(InboxApp app, List<long> replies, int sent, int waiting, SteppedClock pacing)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await app.DbAsync();
            var accepted = await db.Messages.CountAsync(m => replies.Contains(m.Id) && m.WaMessageId != null);
            if (accepted == sent && pacing.Waiting == waiting)
            {
                return;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"expected {sent} sent and {waiting} waiting; {accepted} sent and {pacing.Waiting} waiting");
            await Task.Delay(50);
        }
    }

    /// <summary>The data folder as a crash leaves it: the files as they are and the database as committed.</summary>
    private static void CopyDataFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("inbox.db", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        using var source = new SqliteConnection($"Data Source={Path.Combine(from, "inbox.db")};Pooling=False");
        using var copy = new SqliteConnection($"Data Source={Path.Combine(to, "inbox.db")};Pooling=False");
        source.Open();
        copy.Open();
        source.BackupDatabase(copy);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
