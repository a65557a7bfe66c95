using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Interactive;
using Chatobuy.Inbox.Features.Media;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Integration;

/// <summary>One app with a Sandbox channel and an agent, shared by the interactive-message tests (each has its own customer).</summary>
public sealed class InteractiveSendFixture : IAsyncLifetime
{
    public InboxApp App { get; } = new();

    public Channel Channel { get; private set; } = default!;

    /// <summary>The agent who sends from the composer ("Ada").</summary>
    public string AgentId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App.Settings["Outbound:PollIntervalMilliseconds"] = "50";
        App.Settings["Sandbox:StatusDelaysMilliseconds"] = "30,60,90";
        App.Settings["Sandbox:Webhooks:RetryBaseMilliseconds"] = "50";
        await App.InitializeAsync();
        await using (var scope = App.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            (await users.CreateFirstAdminAsync("ada@example.com", "Ada", "Correct-Horse-9")).Succeeded.ShouldBeTrue();
        }

        await using var db = await App.DbAsync();
        AgentId = await db.Users.Where(u => u.Email == "ada@example.com").Select(u => u.Id).SingleAsync();
        Channel = await SandboxChannel.ConnectAsync(App, "Shop");
    }

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>Saved interactive messages sent through the outbox to the Sandbox, the customer's taps coming back, and the API.</summary>
public sealed class InteractiveSendEndToEndTests(InteractiveSendFixture fixture) : IClassFixture<InteractiveSendFixture>
{
    private const string Greeting = "Hi {{contact.name}}, {{agent.name}} here.";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
    private static int _customers;

    private InboxApp App => fixture.App;

    private Channel Channel => fixture.Channel;

    public static TheoryData<string> Types
    {
        get
        {
            var types = new TheoryData<string>();
            foreach (var type in InteractiveTypes.All)
            {
                types.Add(type);
            }

            return types;
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task SavedMessage_EachType_SentAcceptedByTheSandboxAndStoredWithItsWamid(string type)
    {
        var (conversation, customer) = await CustomerWritesAsync();
        var saved = await SaveAsync($"each-{type}", Sample(type));

        var sent = await SendSavedAsync(conversation, saved);

        sent.Error.ShouldBeNull();
        var message = await WaitForAsync(sent.MessageId!.Value, m => m.Status is MessageStatus.Read or MessageStatus.Failed);
        message.ErrorCode.ShouldBeNull(message.ErrorDetails);
        message.Status.ShouldBe(MessageStatus.Read);
        message.Type.ShouldBe("interactive");
        message.Text.ShouldBe("Hi Customer, Ada here.");
        var received = ReceivedBy(customer).ShouldHaveSingleItem();
        received.Id.ShouldBe(message.WaMessageId);
        received.Type.ShouldBe("interactive");
        received.Content["type"]!.GetValue<string>().ShouldBe(type);
        received.Content["body"]!["text"]!.GetValue<string>().ShouldBe("Hi Customer, Ada here.");
        JsonNode.DeepEquals(JsonNode.Parse(message.PayloadJson!), received.Content).ShouldBeTrue("the chat keeps what the customer got");
    }

    [Fact]
    public async Task SavedButtons_WithAKeptImageHeader_TheFileIsUploadedAndSentByIdAndTheLibraryKeepsIt()
    {
        var (conversation, customer) = await CustomerWritesAsync();
        var media = App.Services.GetRequiredService<MediaStore>();
        var temporary = media.NewTemporaryPath();
        await File.WriteAllBytesAsync(temporary, Png);
        var kept = media.Commit(temporary, Convert.ToHexStringLower(SHA256.HashData(Png)), "image/png");
        var buttons = Sample(InteractiveTypes.Button) with { Header = InteractiveHeader.ForMedia("image", new MediaObject()) };
        var saved = await SaveAsync("with-image", buttons, kept);

        var sent = await SendSavedAsync(conversation, saved);

        sent.Error.ShouldBeNull();
        var message = await WaitForAsync(sent.MessageId!.Value, m => m.Status is MessageStatus.Read or MessageStatus.Failed);
        message.Status.ShouldBe(MessageStatus.Read, message.ErrorDetails);
        message.MediaState.ShouldBe(MediaState.Downloaded);
        message.MediaMimeType.ShouldBe("image/png");
        var header = ReceivedBy(customer).ShouldHaveSingleItem().Content["header"]!;
        header["type"]!.GetValue<string>().ShouldBe("image");
        header["image"]!["id"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        header["image"]!["link"].ShouldBeNull();
        header["media"].ShouldBeNull("Meta's header names its media by type only");
        File.Exists(media.FullPath(kept)).ShouldBeTrue("the library still keeps its file after the send");
    }

    [Fact]
    public async Task SavedMessage_WindowClosed_RefusedWithTheReasonAndNothingQueued()
    {
        var (conversation, customer) = await CustomerWritesAsync();
        await using (var db = await App.DbAsync())
        {
            var row = await db.Conversations.SingleAsync(c => c.Id == conversation);
            row.LastInboundAt = DateTimeOffset.UtcNow.AddHours(-25);
            await db.SaveChangesAsync();
        }

        var saved = await SaveAsync("closed", Sample(InteractiveTypes.Button));

        var sent = await SendSavedAsync(conversation, saved);

        sent.Error.ShouldBe(CustomerServiceWindow.Closed);
        await using var check = await App.DbAsync();
        (await check.Messages.CountAsync(m => m.ConversationId == conversation && m.Direction == MessageDirection.Outbound)).ShouldBe(0);
        ReceivedBy(customer).ShouldBeEmpty();
    }

    [Fact]
    public async Task SavedMessage_SameComposeTwice_SentOnce()
    {
        var (conversation, customer) = await CustomerWritesAsync();
        var saved = await SaveAsync("twice", Sample(InteractiveTypes.List));

        var first = await SendSavedAsync(conversation, saved, "compose-1");
        var again = await SendSavedAsync(conversation, saved, "compose-1");

        again.MessageId.ShouldBe(first.MessageId);
        await WaitForAsync(first.MessageId!.Value, m => m.Status == MessageStatus.Read);
        ReceivedBy(customer).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(InteractiveTypes.Button, "button_reply", "slot-am", "Morning")]
    [InlineData(InteractiveTypes.List, "list_reply", "row-standard", "Standard")]
    public async Task CustomerTaps_ReplyStoredWithItsIdQuotingTheMessageAndListedByTheApi(string type, string replyType, string id, string title)
    {
        var (conversation, customer) = await CustomerWritesAsync();
        var saved = await SaveAsync($"tap-{type}", Sample(type));
        var sent = await SendSavedAsync(conversation, saved);
        var wamid = (await WaitForAsync(sent.MessageId!.Value, m => m.WaMessageId is not null)).WaMessageId.ShouldNotBeNull();

        using (var client = App.CreateHttpClient())
        {
            var tap = new JsonObject
            {
                ["phone_number_id"] = Channel.PhoneNumberId,
                ["name"] = "Customer",
                ["type"] = "interactive",
                ["context"] = new JsonObject { ["id"] = wamid },
                ["interactive"] = new JsonObject { ["type"] = replyType, [replyType] = new JsonObject { ["id"] = id, ["title"] = title } },
            };
            (await client.PostAsJsonAsync($"/sandbox/customers/{customer}/messages", tap)).EnsureSuccessStatusCode();
        }

        var reply = await WaitForInboundAsync(conversation, "interactive");
        reply.ReplyId.ShouldBe(id);
        reply.Text.ShouldBe(title);
        reply.ReplyToWaMessageId.ShouldBe(wamid);
        using var api = await ApiClients.WithNewKeyAsync(App);
        var listed = await api.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversation}/messages");
        var item = listed.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("direction").GetString() == "inbound" && m.GetProperty("type").GetString() == "interactive");
        item.GetProperty("replyId").GetString().ShouldBe(id);
        item.GetProperty("text").GetString().ShouldBe(title);
        item.GetProperty("replyTo").GetString().ShouldBe(wamid);
    }

    [Fact]
    public async Task Api_SavedMessageById_AcceptedAndSentAsTheBusiness()
    {
        var (conversation, customer) = await CustomerWritesAsync();
        var saved = await SaveAsync("api-by-id", Sample(InteractiveTypes.CtaUrl));
        using var client = await ApiClients.WithNewKeyAsync(App);

        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { clientMessageId = "api-saved-1", interactiveMessageId = saved });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var message = await WaitForAsync(id, m => m.Status is MessageStatus.Read or MessageStatus.Failed);
        message.Status.ShouldBe(MessageStatus.Read, message.ErrorDetails);
        // No person sends through the API: {{agent.name}} is the business's name on WhatsApp.
        await using var db = await App.DbAsync();
        var business = await db.Channels.AsNoTracking().Where(c => c.Id == Channel.Id).Select(c => c.VerifiedName).SingleAsync();
        message.Text.ShouldBe($"Hi Customer, {(business.Length > 0 ? business : Channel.Title)} here.");
        ReceivedBy(customer).ShouldHaveSingleItem().Content["action"]!["parameters"]!["url"]!.GetValue<string>().ShouldBe("https://shop.example/track");
    }

    [Fact]
    public async Task Api_RawInteractiveObject_AcceptedAndSentAsGiven()
    {
        var (conversation, customer) = await CustomerWritesAsync();
        using var client = await ApiClients.WithNewKeyAsync(App);
        var raw = JsonNode.Parse("""
            {"type":"product_list","header":{"type":"text","text":"Our picks"},"body":{"text":"Tap to browse."},
             "action":{"catalog_id":"771000000000001","sections":[{"title":"Cups","product_items":[{"product_retailer_id":"MUG-BLUE"}]},
                                                                  {"title":"Wear","product_items":[{"product_retailer_id":"TEE-BLACK-M"},{"product_retailer_id":"CAP-RED"}]}]}}
            """)!;

        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new JsonObject { ["interactive"] = raw });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var message = await WaitForAsync(id, m => m.Status is MessageStatus.Read or MessageStatus.Failed);
        message.Status.ShouldBe(MessageStatus.Read, message.ErrorDetails);
        message.Type.ShouldBe("interactive");
        message.Text.ShouldBe("Tap to browse.");
        var content = ReceivedBy(customer).ShouldHaveSingleItem().Content;
        JsonNode.DeepEquals(content, raw).ShouldBeTrue($"{content.ToJsonString()} / {raw.ToJsonString()}");
    }

    [Fact]
    public async Task Api_RawObjectBreakingMetasLimits_400WithTheValidatorsMessage()
    {
        var (conversation, customer) = await CustomerWritesAsync();
        using var client = await ApiClients.WithNewKeyAsync(App);
        var tooMany = new JsonObject
        {
            ["type"] = "button",
            ["body"] = new JsonObject { ["text"] = "Pick one" },
            ["action"] = new JsonObject
            {
                ["buttons"] = new JsonArray([.. Enumerable.Range(1, 4).Select(i => (JsonNode)new JsonObject
                {
                    ["type"] = "reply",
                    ["reply"] = new JsonObject { ["id"] = $"b{i}", ["title"] = $"Button {i}" },
                })]),
            },
        };

        var refused = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new JsonObject { ["interactive"] = tooMany });
        var noAction = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new JsonObject { ["interactive"] = new JsonObject { ["type"] = "button" } });
        var unknown = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { interactiveMessageId = 987654 });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiResponses.ErrorOfAsync(refused)).ShouldBe("Give 1 to 3 buttons.");
        noAction.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiResponses.ErrorOfAsync(noAction)).ShouldBe("Give the interactive message's action (its buttons, list, link, location request or products).");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiResponses.ErrorOfAsync(unknown)).ShouldBe(
            "Interactive message 987654 is not saved on this conversation's channel. List the channel's interactive messages for their ids.");
        ReceivedBy(customer).ShouldBeEmpty();
    }

    /// <summary>A message of each type, its body greeting the contact from the agent (placeholders filled at send time).</summary>
    private static InteractiveObject Sample(string type) => type switch
    {
        InteractiveTypes.Button => new InteractiveObject(
            type,
            new InteractiveAction { Buttons = [new InteractiveButton(new InteractiveReply("slot-am", "Morning")), new InteractiveButton(new InteractiveReply("slot-pm", "Afternoon"))] },
            new InteractiveText(Greeting),
            Footer: new InteractiveText("Pick a delivery slot")),
        InteractiveTypes.List => new InteractiveObject(
            type,
            new InteractiveAction
            {
                Button = "Shipping",
                Sections = [new InteractiveSection("Options", [new InteractiveRow("row-standard", "Standard", "3-5 days"), new InteractiveRow("row-express", "Express", "Next day")])],
            },
            new InteractiveText(Greeting),
            InteractiveHeader.ForText("Shipping for {{contact.name}}")),
        InteractiveTypes.CtaUrl => new InteractiveObject(
            type,
            new InteractiveAction { Name = "cta_url", Parameters = new InteractiveParameters("Track order", "https://shop.example/track") },
            new InteractiveText(Greeting)),
        InteractiveTypes.LocationRequest => new InteractiveObject(type, new InteractiveAction { Name = "send_location" }, new InteractiveText(Greeting)),
        InteractiveTypes.Product => new InteractiveObject(
            type,
            new InteractiveAction { CatalogId = SandboxCatalog.CatalogId, ProductRetailerId = "MUG-BLUE" },
            new InteractiveText(Greeting)),
        InteractiveTypes.ProductList => new InteractiveObject(
            type,
            new InteractiveAction
            {
                CatalogId = SandboxCatalog.CatalogId,
                Sections = [new InteractiveSection("Cups", ProductItems: [new InteractiveProductItem("MUG-BLUE")]), new InteractiveSection("Wear", ProductItems: [new InteractiveProductItem("CAP-RED")])],
            },
            new InteractiveText(Greeting),
            InteractiveHeader.ForText("Picked for you")),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>What the library saves (written straight to the table: the library pages are not under test here).</summary>
    private async Task<long> SaveAsync(string name, InteractiveObject interactive, string? headerMediaPath = null)
    {
        await using var db = await App.DbAsync();
        var now = DateTimeOffset.UtcNow;
        var row = new InteractiveMessage
        {
            ChannelId = Channel.Id,
            Name = $"{name}-{Guid.NewGuid():N}",
            Type = interactive.Type,
            InteractiveJson = JsonSerializer.Serialize(interactive, GraphJson.Options),
            HeaderMediaPath = headerMediaPath,
            HeaderMediaMimeType = headerMediaPath is null ? null : "image/png",
            HeaderMediaFileName = headerMediaPath is null ? null : "banner.png",
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.InteractiveMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    /// <summary>What the composer does on Send: the saved message filled for this contact and agent, through the outbox.</summary>
    private async Task<SendResult> SendSavedAsync(long conversation, long saved, string? clientMessageId = null)
    {
        var resolved = await App.Services.GetRequiredService<InteractiveSending>().ResolveAsync(conversation, saved, fixture.AgentId);
        resolved.Error.ShouldBeNull();
        return await App.Services.GetRequiredService<OutboundService>().SendAsync(
            new SendRequest(conversation, clientMessageId ?? Guid.NewGuid().ToString("N"), null, SentByUserId: fixture.AgentId, Interactive: resolved.Interactive),
            CancellationToken.None);
    }

    private async Task<(long Conversation, string Customer)> CustomerWritesAsync()
    {
        var customer = $"55119300{Interlocked.Increment(ref _customers):D5}";
        return (await SandboxCustomer.WritesAsync(App, Channel, customer, "Hello"), customer);
    }

    private List<SandboxBusinessMessage> ReceivedBy(string customer) =>
        App.Services.GetRequiredService<SandboxOutbox>().Conversation(Channel.PhoneNumberId, customer).ToList();

    private Task<Message> WaitForAsync(long messageId, Func<Message, bool> done) => SandboxCustomer.WaitForMessageAsync(App, messageId, done);

    private async Task<Message> WaitForInboundAsync(long conversation, string type)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await App.DbAsync();
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
}
