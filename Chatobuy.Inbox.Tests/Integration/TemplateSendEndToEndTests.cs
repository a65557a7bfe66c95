using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.Templates;
using Chatobuy.Inbox.Features.Templates.Sending;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Integration;

/// <summary>Template messages through the outbound pipeline to the Sandbox, and what comes back.</summary>
public sealed class TemplateSendEndToEndTests : IAsyncLifetime
{
    private readonly InboxApp _app = new();
    private Channel _channel = default!;

    public async Task InitializeAsync()
    {
        _app.Settings["Sandbox:StatusDelaysMilliseconds"] = "30,80,150";
        _app.Settings["Sandbox:Webhooks:RetryBaseMilliseconds"] = "50";
        await _app.InitializeAsync();
        _channel = await SandboxChannel.ConnectAsync(_app, "Templates");
        await TemplateRows.CopyFromSandboxAsync(_app, _channel.WabaId);
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task OrderUpdate_WithParameters_CustomerGetsItFilledInAndItTurnsRead()
    {
        const string customer = "5511900000011";
        var conversation = await CustomerWritesAsync(customer, "Where is my order?");

        var sent = await TemplateSends.SendAsync(_app, _channel, conversation, "order_update", "en_US", ["Mark", "#10482", "Friday"], ["10482"]);

        sent.Error.ShouldBeNull();
        var message = await WaitForAsync(sent.MessageId!.Value, m => m.Status == MessageStatus.Read);
        message.Status.ShouldBe(MessageStatus.Read);
        message.Type.ShouldBe("template");
        message.Text.ShouldBe("Hi Mark, your order #10482 is on its way and should arrive by Friday.");
        var received = _app.Services.GetRequiredService<SandboxOutbox>().Conversation(_channel.PhoneNumberId, customer).Single(m => m.Id == message.WaMessageId);
        var template = received.Template.ShouldNotBeNull();
        template.Body.ShouldBe("Hi Mark, your order #10482 is on its way and should arrive by Friday.");
        template.Footer.ShouldBe("Reply STOP to opt out");
        template.Buttons.Select(b => (b.Type, b.Text, b.Url)).ShouldBe([("URL", "Track order", "https://example.com/track/10482"), ("QUICK_REPLY", "Talk to us", null)]);
        await using var db = await _app.DbAsync();
        (await db.MessageStatusUpdates.Where(u => u.WaMessageId == message.WaMessageId).Select(u => u.Status).ToListAsync())
            .ShouldBe([MessageStatus.Sent, MessageStatus.Delivered, MessageStatus.Read], ignoreOrder: true);
    }

    [Fact]
    public async Task Template_WindowClosed_IsSentWhileTextIsRefused()
    {
        const string customer = "5511900000012";
        var conversation = await CustomerWritesAsync(customer, "Old question");
        await SandboxCustomer.CloseWindowAsync(_app, _channel, conversation, customer);
        var outbound = _app.Services.GetRequiredService<OutboundService>();

        var text = await outbound.SendAsync(new SendRequest(conversation, "closed-text", "Hello again"), CancellationToken.None);
        var sent = await TemplateSends.SendAsync(_app, _channel, conversation, "hello_world", "en_US", [], []);

        text.Error.ShouldBe(CustomerServiceWindow.Closed);
        sent.Error.ShouldBeNull();
        var message = await WaitForAsync(sent.MessageId!.Value, m => m.Status == MessageStatus.Read);
        message.Status.ShouldBe(MessageStatus.Read);
        message.ErrorCode.ShouldBeNull();
    }

    [Fact]
    public async Task Template_OutOfDateCopyWithTooFewVariables_Fails132000WithAPlainReason()
    {
        const string customer = "5511900000013";
        var conversation = await CustomerWritesAsync(customer, "Hola");
        await using (var db = await _app.DbAsync())
        {
            // Meta's copy of order_update (es) has three variables; ours still has two.
            var stale = await db.MessageTemplates.SingleAsync(t => t.WabaId == _channel.WabaId && t.Name == "order_update" && t.Language == "es");
            stale.ComponentsJson = """[{"type":"BODY","text":"Hola {{1}}, tu pedido {{2}} está en camino."},{"type":"BUTTONS","buttons":[{"type":"URL","text":"Seguir pedido","url":"https://example.com/track/{{1}}"}]}]""";
            await db.SaveChangesAsync();
        }

        var sent = await TemplateSends.SendAsync(_app, _channel, conversation, "order_update", "es", ["Marta", "#1"], ["1"]);

        var message = await WaitForAsync(sent.MessageId!.Value, m => m.Status == MessageStatus.Failed);
        message.Status.ShouldBe(MessageStatus.Failed);
        message.ErrorCode.ShouldBe(132000);
        message.ErrorTitle.ShouldBe("The number of values sent does not match the template's variables (the template may have changed at Meta).");
        message.ErrorDetails!.ShouldContain("Sync the templates");
    }

    [Fact]
    public async Task Template_PausedAtMeta_Fails132015()
    {
        const string customer = "5511900000014";
        var conversation = await CustomerWritesAsync(customer, "Any sales?");
        await using (var db = await _app.DbAsync())
        {
            // Our copy still says approved; Meta has paused it since.
            var stale = await db.MessageTemplates.SingleAsync(t => t.WabaId == _channel.WabaId && t.Name == "spring_sale");
            stale.Status = "APPROVED";
            await db.SaveChangesAsync();
        }

        var sent = await TemplateSends.SendAsync(_app, _channel, conversation, "spring_sale", "en_US", ["20%"], []);

        var message = await WaitForAsync(sent.MessageId!.Value, m => m.Status == MessageStatus.Failed);
        message.ErrorCode.ShouldBe(132015);
        message.ErrorTitle!.ShouldContain("paused this template");
    }

    [Fact]
    public async Task QuickReplyTap_OnTheSandboxPhone_ArrivesAsAButtonMessageQuotingTheTemplate()
    {
        const string customer = "5511900000015";
        var conversation = await CustomerWritesAsync(customer, "Hi");
        var sent = await TemplateSends.SendAsync(_app, _channel, conversation, "order_update", "en_US", ["Mark", "#7", "Monday"], ["7"]);
        var template = await WaitForAsync(sent.MessageId!.Value, m => m.WaMessageId is not null);
        var tapped = _app.Services.GetRequiredService<SandboxOutbox>().Conversation(_channel.PhoneNumberId, customer)
            .Single(m => m.Id == template.WaMessageId).Template!.Buttons.Single(b => b.Type == "QUICK_REPLY");

        using var client = _app.CreateHttpClient();
        var body = new JsonObject
        {
            ["phone_number_id"] = _channel.PhoneNumberId,
            ["type"] = "button",
            ["button"] = new JsonObject { ["payload"] = tapped.Payload, ["text"] = tapped.Text },
            ["context"] = new JsonObject { ["id"] = template.WaMessageId },
        };
        (await client.PostAsJsonAsync($"/sandbox/customers/{customer}/messages", body)).EnsureSuccessStatusCode();

        var reply = await WaitForInboundAsync(conversation, "button");
        reply.Text.ShouldBe("Talk to us");
        reply.ReplyToWaMessageId.ShouldBe(template.WaMessageId);
    }

    [Fact]
    public async Task StartConversationApi_NewContact_CreatesTheConversationAndSendsTheTemplate()
    {
        using var client = await ClientWithKeyAsync();

        var response = await client.PostAsJsonAsync("/api/v1/conversations", new JsonObject
        {
            ["to"] = "+55 11 90000-0016",
            ["template"] = new JsonObject { ["name"] = "order_update", ["language"] = "en_US", ["buttonParameters"] = new JsonArray("16") },
            ["parameters"] = new JsonArray("Ana", "#16", "Tuesday"),
            ["clientMessageId"] = "start-16",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var conversationId = json.RootElement.GetProperty("conversationId").GetInt64();
        var messageId = json.RootElement.GetProperty("messageId").GetInt64();
        json.RootElement.GetProperty("channelId").GetString().ShouldBe(_channel.Id);
        await using (var db = await _app.DbAsync())
        {
            var conversation = await db.Conversations.Include(c => c.Contact).SingleAsync(c => c.Id == conversationId);
            conversation.Contact!.WaId.ShouldBe("5511900000016");
            conversation.LastInboundAt.ShouldBeNull();
        }

        var message = await WaitForAsync(messageId, m => m.Status == MessageStatus.Read);
        message.Status.ShouldBe(MessageStatus.Read);
        message.Text.ShouldBe("Hi Ana, your order #16 is on its way and should arrive by Tuesday.");
    }

    [Fact]
    public async Task StartConversationApi_MissingParameterOrBadNumber_400WithTheReason()
    {
        using var client = await ClientWithKeyAsync();

        var missing = await client.PostAsJsonAsync("/api/v1/conversations", new JsonObject
        {
            ["to"] = "5511900000017",
            ["template"] = new JsonObject { ["name"] = "order_update", ["language"] = "en_US", ["buttonParameters"] = new JsonArray("17") },
            ["parameters"] = new JsonArray("Ana", "#17"),
        });
        var badNumber = await client.PostAsJsonAsync("/api/v1/conversations", new JsonObject
        {
            ["to"] = "12-34",
            ["template"] = new JsonObject { ["name"] = "hello_world", ["language"] = "en_US" },
        });
        var unknown = await client.PostAsJsonAsync("/api/v1/conversations", new JsonObject
        {
            ["to"] = "5511900000017",
            ["template"] = new JsonObject { ["name"] = "hello_world", ["language"] = "pt_BR" },
        });

        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiResponses.ErrorOfAsync(missing)).ShouldBe("template.bodyParameters {{3}}: Fill in {{3}}.");
        (await ApiResponses.ErrorOfAsync(badNumber)).ShouldStartWith("to must be a WhatsApp number in international format");
        (await ApiResponses.ErrorOfAsync(unknown)).ShouldBe("Template hello_world (pt_BR) is not an approved template of this channel's WhatsApp account.");
        await using var db = await _app.DbAsync();
        (await db.Contacts.AnyAsync(c => c.WaId == "5511900000017")).ShouldBeFalse();
    }

    private async Task<HttpClient> ClientWithKeyAsync()
    {
        await using var scope = _app.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("Templates test", "tests");
        var client = _app.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Plaintext);
        return client;
    }

    private Task<long> CustomerWritesAsync(string waId, string text) => SandboxCustomer.WritesAsync(_app, _channel, waId, text);

    private async Task<Message> WaitForInboundAsync(long conversation, string type)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await _app.DbAsync();
            var message = await db.Messages.AsNoTracking()
                .FirstOrDefaultAsync(m => m.ConversationId == conversation && m.Direction == MessageDirection.Inbound && m.Type == type);
            if (message is not null)
            {
                return message;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"no inbound {type} message arrived");
            await Task.Delay(100);
        }
    }

    private Task<Message> WaitForAsync(long messageId, Func<Message, bool> done) => SandboxCustomer.WaitForMessageAsync(_app, messageId, done);
}
