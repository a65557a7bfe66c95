using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Tests.Features.Channels;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Outbound;

/// <summary>The whole app on Kestrel with a fake Graph API (the Sandbox's send endpoint is not needed), driven over HTTP.</summary>
public sealed class OutboundApiFixture : IAsyncLifetime
{
    internal FakeGraphApi Graph { get; } = new();

    public InboxApp App { get; } = new();

    public async Task InitializeAsync()
    {
        App.Settings["Outbound:PollIntervalMilliseconds"] = "50";
        App.ConfigureServices = services => services.AddSingleton<IGraphApi>(Graph);
        await App.InitializeAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class OutboundApiTests(OutboundApiFixture fixture) : IClassFixture<OutboundApiFixture>
{
    private InboxApp App => fixture.App;

    [Fact]
    public async Task PostMessage_OpenWindow_AcceptedThenSentWithWamid()
    {
        var conversation = await AddConversationAsync(DateTimeOffset.UtcNow.AddMinutes(-1));
        using var client = await ClientWithKeyAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { clientMessageId = "api-1", text = "Your order shipped" });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        accepted.RootElement.GetProperty("status").GetString().ShouldBe("pending");
        var id = accepted.RootElement.GetProperty("id").GetInt64();

        JsonElement state = default;
        for (var i = 0; i < 100; i++)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/messages/{id}"));
            state = json.RootElement.Clone();
            if (state.GetProperty("status").GetString() == "sent")
            {
                break;
            }

            await Task.Delay(50);
        }

        state.GetProperty("status").GetString().ShouldBe("sent");
        state.GetProperty("waMessageId").GetString().ShouldStartWith("wamid.fake");
        state.GetProperty("id").GetInt64().ShouldBe(id);

        var again = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { clientMessageId = "api-1", text = "Your order shipped" });
        again.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64().ShouldBe(id);
    }

    [Fact]
    public async Task PostMessage_MediaLink_SentByLink()
    {
        var conversation = await AddConversationAsync(DateTimeOffset.UtcNow.AddMinutes(-1));
        using var client = await ClientWithKeyAsync();

        var response = await client.PostAsJsonAsync(
            $"/api/v1/conversations/{conversation}/messages",
            new { clientMessageId = "api-link", mediaLink = new { type = "image", link = "https://example.com/shoe.jpg", caption = "Shoe" } });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        for (var i = 0; i < 100 && !fixture.Graph.SentSnapshot().Any(p => p["image"] is not null); i++)
        {
            await Task.Delay(50);
        }

        var payload = fixture.Graph.SentSnapshot().Single(p => p["image"] is not null);
        payload["image"]!["link"]!.GetValue<string>().ShouldBe("https://example.com/shoe.jpg");
        payload["image"]!["caption"]!.GetValue<string>().ShouldBe("Shoe");
    }

    [Fact]
    public async Task PostMessage_WindowClosed_BadRequestWithPlainMessage()
    {
        var conversation = await AddConversationAsync(DateTimeOffset.UtcNow.AddHours(-30));
        using var client = await ClientWithKeyAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Hello?" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe("More than 24 hours have passed since the customer last wrote. WhatsApp only allows an approved template now.");
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

    private async Task<long> AddConversationAsync(DateTimeOffset lastInboundAt)
    {
        var channel = await App.AddChannelAsync();
        await using var db = await App.DbAsync();
        var now = DateTimeOffset.UtcNow;
        var contact = new Contact { WaId = Random.Shared.NextInt64(15550000000, 15559999999).ToString(System.Globalization.CultureInfo.InvariantCulture), CreatedAt = now, UpdatedAt = now };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        var conversation = new Conversation { ChannelId = channel.Id, ContactId = contact.Id, LastInboundAt = lastInboundAt, LastMessageAt = now, CreatedAt = now };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return conversation.Id;
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
