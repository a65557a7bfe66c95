using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Tests.Features.Users;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Api;

public sealed class IntegrationApiTests(InboxApp app) : IClassFixture<InboxApp>, IAsyncLifetime
{
    private const string AccessTokenSentinel = "SENTINEL-ACCESS-TOKEN-7f3a";
    private const string AppSecretSentinel = "SENTINEL-APP-SECRET-91bc";
    private const string VerifyTokenSentinel = "SENTINEL-VERIFY-TOKEN-c0de";
    private const string MissingKeyMessage = "A valid API key is required: send Authorization: Bearer <key>.";

    private Channel _older = default!;
    private Channel _defaultChannel = default!;

    public async Task InitializeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        _older = NewChannel("Support line", now.AddDays(-2), isDefault: false);
        _defaultChannel = NewChannel("Sales line", now.AddDays(-1), isDefault: true);
        var newer = NewChannel("Returns line", now, isDefault: false);

        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Channels.ExecuteDeleteAsync();
        db.Channels.AddRange(newer, _defaultChannel, _older);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListChannels_ValidKey_ReturnsChannelsDefaultFirstWithoutSecrets()
    {
        using var client = await ClientWithNewKeyAsync();

        var response = await client.GetAsync("/api/v1/channels");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain(AccessTokenSentinel);
        body.ShouldNotContain(AppSecretSentinel);
        body.ShouldNotContain(VerifyTokenSentinel);

        using var json = JsonDocument.Parse(body);
        var titles = json.RootElement.EnumerateArray().Select(c => c.GetProperty("title").GetString()).ToList();
        titles.ShouldBe(["Sales line", "Support line", "Returns line"]);

        var first = json.RootElement[0];
        first.GetProperty("id").GetString().ShouldBe(_defaultChannel.Id);
        first.GetProperty("phoneNumberId").GetString().ShouldBe(_defaultChannel.PhoneNumberId);
        first.GetProperty("displayPhoneNumber").GetString().ShouldBe("+1 555 0100");
        first.GetProperty("verifiedName").GetString().ShouldBe("Sales line Ltd");
        first.GetProperty("wabaId").GetString().ShouldBe("waba-1");
        first.GetProperty("wabaName").GetString().ShouldBe("Main WABA");
        first.GetProperty("businessId").GetString().ShouldBe("biz-1");
        first.GetProperty("status").GetString().ShouldBe("connected");
        first.GetProperty("isDefault").GetBoolean().ShouldBeTrue();
        first.GetProperty("qualityRating").GetString().ShouldBe("GREEN");
        first.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(_defaultChannel.CreatedAt, TimeSpan.FromMilliseconds(1));
        first.GetProperty("webhookUrl").GetString()
            .ShouldBe($"{app.BaseAddress.GetLeftPart(UriPartial.Authority)}/webhooks/whatsapp/{_defaultChannel.Id}");
        json.RootElement[1].GetProperty("isDefault").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task GetChannel_ValidKeyAndKnownId_ReturnsThatChannel()
    {
        using var client = await ClientWithNewKeyAsync();

        var response = await client.GetAsync($"/api/v1/channels/{_older.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain(AccessTokenSentinel);
        body.ShouldNotContain(AppSecretSentinel);
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("title").GetString().ShouldBe("Support line");
        json.RootElement.GetProperty("status").GetString().ShouldBe("disconnected");
    }

    [Fact]
    public async Task PatchChannel_PauseAndThroughput_SavedAndShown()
    {
        using var client = await ClientWithNewKeyAsync();

        var response = await client.PatchAsync($"/api/v1/channels/{_older.Id}", JsonContent.Create(new { sendingPaused = true, messagesPerSecond = 1000 }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            json.RootElement.GetProperty("sendingPaused").GetBoolean().ShouldBeTrue();
            json.RootElement.GetProperty("messagesPerSecond").GetInt32().ShouldBe(1000);
            json.RootElement.GetProperty("title").GetString().ShouldBe("Support line");
        }

        var reset = await client.PatchAsync($"/api/v1/channels/{_older.Id}", new StringContent("""{"messagesPerSecond":null,"sendingPaused":false}""", System.Text.Encoding.UTF8, "application/json"));
        using var after = JsonDocument.Parse(await reset.Content.ReadAsStringAsync());
        after.RootElement.GetProperty("messagesPerSecond").ValueKind.ShouldBe(JsonValueKind.Null);
        after.RootElement.GetProperty("sendingPaused").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task PatchChannel_ForwardingWebhookUrl_SetShownAndCleared_BadAddressRefused()
    {
        using var client = await ClientWithNewKeyAsync();

        var set = await client.PatchAsync($"/api/v1/channels/{_older.Id}", JsonContent.Create(new { forwardingWebhookUrl = "https://crm.example.com/whatsapp" }));
        var bad = await client.PatchAsync($"/api/v1/channels/{_older.Id}", JsonContent.Create(new { forwardingWebhookUrl = "crm.example.com" }));
        var kept = await client.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{_older.Id}");
        var cleared = await client.PatchAsync($"/api/v1/channels/{_older.Id}", new StringContent("""{"forwardingWebhookUrl":null}""", System.Text.Encoding.UTF8, "application/json"));

        set.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("forwardingWebhookUrl").GetString().ShouldBe("https://crm.example.com/whatsapp");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiResponses.ErrorOfAsync(bad)).ShouldBe("Enter a full http:// or https:// address, or leave it empty.");
        kept.GetProperty("forwardingWebhookUrl").GetString().ShouldBe("https://crm.example.com/whatsapp");
        kept.GetProperty("webhookUrl").GetString()!.ShouldEndWith($"/webhooks/whatsapp/{_older.Id}");
        (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("forwardingWebhookUrl").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task PatchChannel_ThroughputOutOfRange_400WithTheRangeAndNothingSaved()
    {
        using var client = await ClientWithNewKeyAsync();

        var response = await client.PatchAsync($"/api/v1/channels/{_older.Id}", JsonContent.Create(new { messagesPerSecond = 5000, sendingPaused = true }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe("Meta's throughput is between 20 and 1,000 messages per second; leave it empty for the default.");
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{_older.Id}");
        stored.GetProperty("sendingPaused").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task GetChannel_UnknownId_Returns404WithJsonError()
    {
        using var client = await ClientWithNewKeyAsync();

        var response = await client.GetAsync("/api/v1/channels/00000000000000000000000000000000");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe("Channel not found");
    }

    [Fact]
    public async Task ListChannels_NoKey_Returns401JsonNotRedirect()
    {
        using var client = app.CreateHttpClient();

        var response = await client.GetAsync("/api/v1/channels");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.Location.ShouldBeNull();
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe(MissingKeyMessage);
    }

    [Fact]
    public async Task ListChannels_WrongKey_Returns401Json()
    {
        using var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "cbk_not-a-real-key-at-all-0000000000000000000");

        var response = await client.GetAsync("/api/v1/channels");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe(MissingKeyMessage);
    }

    [Fact]
    public async Task ListChannels_RevokedKey_Returns401Json()
    {
        await using var scope = app.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var created = await keys.CreateAsync("Revoked integration", "tests");
        (await keys.RevokeAsync(created.Key.Id)).ShouldBeTrue();
        using var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Plaintext);

        var response = await client.GetAsync("/api/v1/channels");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe(MissingKeyMessage);
    }

    [Fact]
    public async Task CreateKey_Always_ShowsKeyOnceAndStoresOnlyItsHash()
    {
        await using var scope = app.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();

        var created = await keys.CreateAsync("CRM sync", "admin@example.com");

        created.Plaintext.ShouldStartWith("cbk_");
        created.Plaintext.Length.ShouldBe(47);
        created.Key.Prefix.ShouldBe(created.Plaintext[..12]);
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<InboxDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var stored = await db.ApiKeys.SingleAsync(k => k.Id == created.Key.Id);
        stored.Hash.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(created.Plaintext))));
        stored.Hash.ShouldNotContain(created.Plaintext);
        (await keys.ListAsync()).ShouldContain(k => k.Id == created.Key.Id && k.Name == "CRM sync" && !k.IsRevoked);
    }

    [Fact]
    public async Task ValidateKey_Used_RecordsLastUse()
    {
        await using var scope = app.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var created = await keys.CreateAsync("Last use", "tests");
        using var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Plaintext);

        (await client.GetAsync("/api/v1/channels")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await keys.ListAsync()).Single(k => k.Id == created.Key.Id).LastUsedAt.ShouldNotBeNull();
    }

    private async Task<HttpClient> ClientWithNewKeyAsync()
    {
        await using var scope = app.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("Integration test", "tests");
        var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Plaintext);
        return client;
    }

    private static Channel NewChannel(string title, DateTimeOffset createdAt, bool isDefault)
    {
        var suffix = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Channel
        {
            Title = title,
            GraphBaseUrl = "http://localhost/sandbox/graph",
            BusinessId = "biz-1",
            WabaId = "waba-1",
            WabaName = "Main WABA",
            PhoneNumberId = "pn-" + title.Replace(' ', '-') + suffix,
            DisplayPhoneNumber = isDefault ? "+1 555 0100" : "+1 555 0199",
            VerifiedName = title + " Ltd",
            QualityRating = "GREEN",
            AccessTokenProtected = AccessTokenSentinel,
            AppSecretProtected = AppSecretSentinel,
            VerifyToken = VerifyTokenSentinel,
            IsDefault = isDefault,
            Status = title == "Support line" ? ChannelStatus.Disconnected : ChannelStatus.Connected,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        };
    }
}
