using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Contacts;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Outbound;

/// <summary>The whole app on Kestrel with a channel on its own Sandbox: sends go to the Sandbox over HTTP and its status webhooks come back.</summary>
public sealed class OutboundApiFixture : IAsyncLifetime
{
    public InboxApp App { get; } = new();

    public Channel Channel { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App.Settings["Outbound:PollIntervalMilliseconds"] = "50";
        App.Settings["Sandbox:StatusDelaysMilliseconds"] = "30,60,90";
        await App.InitializeAsync();
        Channel = await SandboxChannel.ConnectAsync(App, "API");
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class OutboundApiTests(OutboundApiFixture fixture) : IClassFixture<OutboundApiFixture>
{
    private InboxApp App => fixture.App;

    [Fact]
    public async Task PostMessage_OpenWindow_AcceptedThenReadAsTheSandboxReports()
    {
        var (conversation, waId) = await CustomerWritesAsync();
        using var client = await ClientWithKeyAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { clientMessageId = "api-1", text = "Your order shipped" });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        accepted.RootElement.GetProperty("status").GetString().ShouldBe("pending");
        var id = accepted.RootElement.GetProperty("id").GetInt64();

        // The Sandbox's customer reads it by themselves: sent, delivered and read come back by status webhook.
        var state = await WaitForStatusAsync(client, id, "read");
        state.GetProperty("status").GetString().ShouldBe("read");
        var wamid = state.GetProperty("waMessageId").GetString().ShouldNotBeNull();
        state.GetProperty("id").GetInt64().ShouldBe(id);
        var received = ReceivedBy(waId).ShouldHaveSingleItem();
        received.Id.ShouldBe(wamid);
        received.Summary.ShouldContain("Your order shipped");

        var again = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { clientMessageId = "api-1", text = "Your order shipped" });
        again.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64().ShouldBe(id);
        ReceivedBy(waId).Count.ShouldBe(1, "a replay must not send again");
    }

    [Fact]
    public async Task PostMessage_ClientMessageIdReusedWithAnotherText_ConflictAndTheFirstMessageStands()
    {
        var (conversation, _) = await CustomerWritesAsync();
        using var client = await ClientWithKeyAsync();
        var first = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { clientMessageId = "order-42", text = "Your order shipped" });
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var reused = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { clientMessageId = "order-42", text = "Your order was cancelled" });

        reused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ApiResponses.ErrorOfAsync(reused)).ShouldBe(
            $"clientMessageId \"order-42\" was already used for a different message (id {id}), which was not changed. Use a new clientMessageId for a new message.");
        await using var db = await App.DbAsync();
        (await db.Messages.Where(m => m.ConversationId == conversation && m.Direction == MessageDirection.Outbound).Select(m => m.Text).ToListAsync())
            .ShouldBe(["Your order shipped"]);
    }

    [Fact]
    public async Task PostMessage_ReplyToAMessageNotInTheConversation_BadRequest()
    {
        var (conversation, _) = await CustomerWritesAsync();
        var (other, _) = await CustomerWritesAsync();
        using var client = await ClientWithKeyAsync();
        string otherWamid;
        await using (var db = await App.DbAsync())
        {
            otherWamid = (await db.Messages.FirstAsync(m => m.ConversationId == other && m.Direction == MessageDirection.Inbound)).WaMessageId!;
        }

        foreach (var replyTo in new[] { "wamid.nothing-like-it", otherWamid })
        {
            var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "About that", replyTo });

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await ApiResponses.ErrorOfAsync(response)).ShouldBe(
                $"replyTo \"{replyTo}\" names no message in this conversation. Give the WhatsApp message id (wamid) of one of its messages.");
        }

        await using (var db = await App.DbAsync())
        {
            (await db.Messages.CountAsync(m => m.ConversationId == conversation && m.Direction == MessageDirection.Outbound)).ShouldBe(0);
        }
    }

    [Fact]
    public async Task PostMessage_ReplyToTheCustomersMessage_SentQuotingIt()
    {
        var (conversation, waId) = await CustomerWritesAsync();
        using var client = await ClientWithKeyAsync();
        string customerWamid;
        await using (var db = await App.DbAsync())
        {
            customerWamid = (await db.Messages.FirstAsync(m => m.ConversationId == conversation && m.Direction == MessageDirection.Inbound)).WaMessageId!;
        }

        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "About that", replyTo = customerWamid });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        await WaitForStatusAsync(client, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64(), "read");
        ReceivedBy(waId).ShouldHaveSingleItem().ReplyToId.ShouldBe(customerWamid);
    }

    [Fact]
    public async Task PostMessage_MediaLink_SentByLink()
    {
        var (conversation, waId) = await CustomerWritesAsync();
        using var client = await ClientWithKeyAsync();

        var response = await client.PostAsJsonAsync(
            $"/api/v1/conversations/{conversation}/messages",
            new { clientMessageId = "api-link", mediaLink = new { type = "image", link = "https://example.com/shoe.jpg", caption = "Shoe" } });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        await WaitForStatusAsync(client, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64(), "read");
        var received = ReceivedBy(waId).ShouldHaveSingleItem();
        received.Type.ShouldBe("image");
        received.Content["link"]!.GetValue<string>().ShouldBe("https://example.com/shoe.jpg");
        received.Content["caption"]!.GetValue<string>().ShouldBe("Shoe");
    }

    [Fact]
    public async Task PostMessage_WindowClosed_BadRequestWithPlainMessage()
    {
        var (conversation, waId) = await CustomerWritesAsync();
        await using (var db = await App.DbAsync())
        {
            await db.Conversations.Where(c => c.Id == conversation).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastInboundAt, DateTimeOffset.UtcNow.AddHours(-30)));
        }

        using var client = await ClientWithKeyAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Hello?" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe("More than 24 hours have passed since the customer last wrote. WhatsApp only allows an approved template now.");
        ReceivedBy(waId).ShouldBeEmpty();
    }

    [Fact]
    public async Task PostMessage_BusinessStartedConversationCustomerNeverWrote_BadRequestSaysTheCustomerHasNotWrittenYet()
    {
        var waId = Random.Shared.NextInt64(5511900000000, 5511999999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        long conversation;
        await using (var scope = App.CreateScope())
        {
            var contacts = scope.ServiceProvider.GetRequiredService<ContactService>();
            var contact = await contacts.EnsureAsync(waId, "Never wrote");
            conversation = (await contacts.OpenConversationAsync(contact, fixture.Channel.Id)).ShouldNotBeNull();
        }

        using var client = await ClientWithKeyAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Hello?" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = await ApiResponses.ErrorOfAsync(response);
        error.ShouldBe("The customer has not written in this conversation yet. WhatsApp only allows an approved template until they answer.");
        ReceivedBy(waId).ShouldBeEmpty();
    }

    [Fact]
    public async Task PostAndGet_Unknown_NotFound()
    {
        using var client = await ClientWithKeyAsync();

        (await client.PostAsJsonAsync("/api/v1/conversations/987654/messages", new { text = "Hi" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/v1/messages/987654")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostMessage_NoApiKey_Unauthorized()
    {
        using var client = App.CreateHttpClient();

        (await client.PostAsJsonAsync("/api/v1/conversations/1/messages", new { text = "Hi" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>A new customer writes to the channel through the Sandbox, which opens their 24-hour window.</summary>
    private async Task<(long Conversation, string WaId)> CustomerWritesAsync()
    {
        var waId = Random.Shared.NextInt64(5511900000000, 5511999999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (await SandboxCustomer.WritesAsync(App, fixture.Channel, waId, "Hi, where is my order?"), waId);
    }

    /// <summary>What the customer's phone got from the business, as the Sandbox saw it.</summary>
    private IReadOnlyList<SandboxBusinessMessage> ReceivedBy(string waId) =>
        App.Services.GetRequiredService<SandboxOutbox>().Conversation(fixture.Channel.PhoneNumberId, waId);

    private static async Task<JsonElement> WaitForStatusAsync(HttpClient client, long id, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/messages/{id}"));
            var state = json.RootElement.Clone();
            if (state.GetProperty("status").GetString() == status || DateTime.UtcNow > deadline)
            {
                return state;
            }

            await Task.Delay(50);
        }
    }

    private async Task<HttpClient> ClientWithKeyAsync()
    {
        await using var scope = App.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("Outbound test", "tests");
        var client = App.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Plaintext);
        return client;
    }
}
