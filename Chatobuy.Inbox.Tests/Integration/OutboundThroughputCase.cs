using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Integration;

/// <summary>
/// The outbound pacer against the Sandbox's own enforcement of Meta's per-number throughput, at the limit set on the
/// channel: a few seconds of work queued at once to <paramref name="customers"/> customers, with Meta answering at once
/// or after <paramref name="responseDelayMilliseconds"/> ± <paramref name="jitterMilliseconds"/>. Each case is a class
/// of its own (its own app, with its Sandbox's settings).
/// </summary>
public abstract class OutboundThroughputCase(int customers, int perCustomer, int responseDelayMilliseconds, int jitterMilliseconds, string numbers) : IAsyncLifetime
{
    private const int Limit = 20;
    private readonly InboxApp _app = new();
    private Channel _channel = default!;

    public async Task InitializeAsync()
    {
        _app.Settings["Outbound:PairIntervalSeconds"] = "0";
        _app.Settings["Sandbox:MessagesPerSecond"] = $"{Limit}";
        _app.Settings["Sandbox:StatusDelaysMilliseconds"] = "30,60,90";
        _app.Settings["Sandbox:ResponseDelayMilliseconds"] = $"{responseDelayMilliseconds}";
        _app.Settings["Sandbox:ResponseJitterMilliseconds"] = $"{jitterMilliseconds}";
        await _app.InitializeAsync();
        _channel = await SandboxChannel.ConnectAsync(_app, "Bulk");

        // The inbox default stays 80: the channel's own setting (Edit → Messages per second) must be what is used.
        await using var scope = _app.CreateScope();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        (await channels.UpdateAsync(_channel.Id, new EditChannelModel { Title = "Bulk", MessagesPerSecond = Limit })).Succeeded.ShouldBeTrue();
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Sender_SecondsOfWorkQueuedAtOnce_SandboxNeverRefusesAndNoSecondExceedsTheLimit()
    {
        var conversations = new List<long>();
        for (var i = 0; i < customers; i++)
        {
            conversations.Add(await CustomerWritesAsync($"{numbers}{i:D6}"));
        }

        using var client = _app.CreateHttpClient();
        (await client.DeleteAsync($"/sandbox/throughput/{_channel.PhoneNumberId}")).EnsureSuccessStatusCode();
        var service = _app.Services.GetRequiredService<OutboundService>();
        var ids = new List<long>();
        for (var round = 0; round < perCustomer; round++)
        {
            foreach (var conversation in conversations)
            {
                var sent = await service.SendAsync(new SendRequest(conversation, $"bulk-{conversation}-{round}", $"Update {round}"), CancellationToken.None);
                sent.Error.ShouldBeNull();
                ids.Add(sent.MessageId!.Value);
            }
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        int accepted;
        do
        {
            await Task.Delay(200);
            await using var db = await _app.DbAsync();
            accepted = await db.Messages.CountAsync(m => ids.Contains(m.Id) && m.WaMessageId != null);
        }
        while (accepted < ids.Count && DateTime.UtcNow < deadline);

        accepted.ShouldBe(ids.Count, "every queued message should have been accepted by Meta");
        var report = (await client.GetFromJsonAsync<JsonObject>($"/sandbox/throughput/{_channel.PhoneNumberId}"))!;
        report["accepted"]!.GetValue<int>().ShouldBe(ids.Count);
        report["refused"]!.GetValue<int>().ShouldBe(0, "the Sandbox answered 130429 to some sends");
        report["most_in_any_second"]!.GetValue<int>().ShouldBeLessThanOrEqualTo(Limit);
        await using (var db = await _app.DbAsync())
        {
            (await db.Messages.CountAsync(m => ids.Contains(m.Id) && m.Status == MessageStatus.Failed)).ShouldBe(0);
            (await db.OutboxItems.CountAsync(o => ids.Contains(o.MessageId) && o.Attempts > 0)).ShouldBe(0, "no send should have been answered with a retryable error");
        }
    }

    private Task<long> CustomerWritesAsync(string waId) => SandboxCustomer.WritesAsync(_app, _channel, waId, "Hi");
}
