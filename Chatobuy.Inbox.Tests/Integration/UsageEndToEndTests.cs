using System.Net;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.Templates.Sending;
using Chatobuy.Inbox.Features.Usage;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace Chatobuy.Inbox.Tests.Integration;

/// <summary>
/// A month of a channel's usage counted from real traffic through the Sandbox: what the customer wrote, what the
/// agents sent, and what Meta's pricing objects say it bills; read back through the integration API, with the allowance
/// e-mails read from a real SMTP server on loopback (netDumbster).
/// </summary>
public sealed class UsageEndToEndTests : IAsyncLifetime
{
    private const string AlertAddress = "billing@example.com";

    private readonly SimpleSmtpServer _smtp = SimpleSmtpServer.Start();
    private readonly InboxApp _app = new();
    private readonly List<UsageThresholdCrossed> _thresholds = [];
    private Channel _channel = default!;
    private IDisposable? _subscription;

    public async Task InitializeAsync()
    {
        _app.Settings["Sandbox:StatusDelaysMilliseconds"] = "30,80,150";
        _app.Settings["Usage:MonthlyAllowance"] = "5";
        _app.Settings["Mail:Host"] = "localhost";
        _app.Settings["Mail:Port"] = _smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _app.Settings["Mail:TlsMode"] = "None";
        // The test runs the passes itself.
        _app.Settings["Usage:TallyIntervalSeconds"] = "3600";
        await _app.InitializeAsync();
        _channel = await SandboxChannel.ConnectAsync(_app, "Usage");
        await TemplateRows.CopyFromSandboxAsync(_app, _channel.WabaId);
        await using (var db = await _app.DbAsync())
        {
            await db.Channels.Where(c => c.Id == _channel.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.AlertEmails, new List<string> { AlertAddress }));
        }

        _subscription = _app.Services.GetRequiredService<InboxEvents>().Subscribe<UsageThresholdCrossed>(e =>
        {
            lock (_thresholds)
            {
                _thresholds.Add(e);
            }

            return Task.CompletedTask;
        });
    }

    public async Task DisposeAsync()
    {
        _subscription?.Dispose();
        await _app.DisposeAsync();
        _smtp.Stop();
        _smtp.Dispose();
    }

    [Fact]
    public async Task AMonthOfTraffic_CountsReceivedSentAndOnlyWhatMetaBills_AndTheAllowanceAlertOnce()
    {
        const string customer = "5511900000041";
        var conversation = await SandboxCustomer.WritesAsync(_app, _channel, customer, "Do you ship to Lisbon?");
        var outbound = _app.Services.GetRequiredService<OutboundService>();

        // Inside the window: a reply (service, free), a marketing template (billed) and a utility template (free).
        var reply = await outbound.SendAsync(new SendRequest(conversation, "usage-reply", "Yes, in 3 days."), CancellationToken.None);
        var marketing = await TemplateSends.SendAsync(_app, _channel, conversation, "follow_up", "en_US", ["Ana"], headerLink: "https://example.com/lisbon.jpg");
        var utility = await TemplateSends.SendAsync(_app, _channel, conversation, "order_update", "en_US", ["Ana", "#7", "Monday"], ["7"]);
        foreach (var sent in new[] { reply, marketing, utility })
        {
            (await SandboxCustomer.WaitForMessageAsync(_app, sent.MessageId!.Value, m => m.Status == MessageStatus.Read)).Status.ShouldBe(MessageStatus.Read);
        }

        await TallyAsync();
        var usage = await UsageAsync();

        usage["conversationsOpened"]!.GetValue<int>().ShouldBe(1);
        usage["messagesReceived"]!.GetValue<int>().ShouldBe(1);
        usage["messagesSent"]!.GetValue<int>().ShouldBe(3);
        usage["billable"]!["total"]!.GetValue<int>().ShouldBe(1);
        usage["billable"]!["marketing"]!.GetValue<int>().ShouldBe(1);
        usage["billable"]!["utility"]!.GetValue<int>().ShouldBe(0);
        usage["monthlyAllowance"]!.GetValue<int>().ShouldBe(5);
        usage["allowanceUsedPercent"]!.GetValue<int>().ShouldBe(80);
        ThresholdsRaised().ShouldBe([80]);
        var month = UsageMonth.Display(UsageMonth.Of(DateTimeOffset.UtcNow));
        var warning = (await _smtp.WaitForMailsAsync(1)).Single();
        warning.Subject.ShouldBe($"Usage has used 80 % of its free messages for {month}");
        warning.To.Mailboxes.Select(m => m.Address).ShouldBe([AlertAddress]);
        warning.TextBody!.ShouldContain("has sent and received 4 of its 5 messages");

        // Outside the window a utility template is billed too; counting again adds only what is new.
        await SandboxCustomer.CloseWindowAsync(_app, _channel, conversation, customer);
        var late = await TemplateSends.SendAsync(_app, _channel, conversation, "order_update", "en_US", ["Ana", "#8", "Friday"], ["8"]);
        (await SandboxCustomer.WaitForMessageAsync(_app, late.MessageId!.Value, m => m.Status == MessageStatus.Read)).Status.ShouldBe(MessageStatus.Read);
        await TallyAsync();
        await TallyAsync();
        usage = await UsageAsync();

        usage["messagesSent"]!.GetValue<int>().ShouldBe(4);
        usage["billable"]!["total"]!.GetValue<int>().ShouldBe(2);
        usage["billable"]!["utility"]!.GetValue<int>().ShouldBe(1);
        usage["allowanceUsedPercent"]!.GetValue<int>().ShouldBe(100);
        ThresholdsRaised().ShouldBe([80, 100], "each level once, however many passes");
        var mails = await _smtp.WaitForMailsAsync(2);
        mails.Select(m => m.Subject).ShouldBe([$"Usage has used 80 % of its free messages for {month}", $"Usage has used its free messages for {month}"], ignoreOrder: true);
    }

    [Fact]
    public async Task UsageApi_BadMonthOrUnknownChannel_SaysWhat()
    {
        using var client = await ApiClients.WithNewKeyAsync(_app);

        var badMonth = await client.GetAsync($"/api/v1/channels/{_channel.Id}/usage?month=December");
        var unknown = await client.GetAsync("/api/v1/channels/nope/usage");
        var empty = await client.GetFromJsonAsync<JsonObject>($"/api/v1/channels/{_channel.Id}/usage?month=2020-01");

        badMonth.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiResponses.ErrorOfAsync(badMonth)).ShouldStartWith("month \"December\" is not a month: write it as yyyy-MM");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        empty!["month"]!.GetValue<string>().ShouldBe("2020-01");
        empty["messagesSent"]!.GetValue<int>().ShouldBe(0);
    }

    private async Task TallyAsync()
    {
        var tally = _app.Services.GetRequiredService<UsageTally>();
        while (await tally.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    private async Task<JsonObject> UsageAsync()
    {
        using var client = await ApiClients.WithNewKeyAsync(_app);
        return (await client.GetFromJsonAsync<JsonObject>($"/api/v1/channels/{_channel.Id}/usage"))!;
    }

    private List<int> ThresholdsRaised()
    {
        lock (_thresholds)
        {
            return _thresholds.Where(t => t.ChannelId == _channel.Id).Select(t => t.Percent).ToList();
        }
    }
}
