using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Api;

/// <summary><c>GET</c>/<c>PATCH /api/v1/channels/{id}/profile</c> against a channel connected to the Sandbox.</summary>
public sealed class ProfileApiTests : IAsyncLifetime
{
    private readonly InboxApp _app = new();
    private Channel _channel = default!;

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _channel = await SandboxChannel.ConnectAsync(_app, "Store");
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Get_ConnectedChannel_ReturnsTheProfileWithReadableVertical()
    {
        using var client = await ClientWithNewKeyAsync();

        var response = await client.GetAsync($"/api/v1/channels/{_channel.Id}/profile");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("about").GetString().ShouldBe("Plants, pots and garden tools 🌱");
        json.RootElement.GetProperty("vertical").GetString().ShouldBe("RETAIL");
        json.RootElement.GetProperty("verticalName").GetString().ShouldBe("Shopping and Retail");
        json.RootElement.GetProperty("websites").EnumerateArray().Select(w => w.GetString()).ShouldBe(["https://store.sandbox.example/"]);
    }

    [Fact]
    public async Task Patch_AboutAndVertical_SavedAtMetaAndReturned()
    {
        using var client = await ClientWithNewKeyAsync();

        var response = await client.PatchAsJsonAsync($"/api/v1/channels/{_channel.Id}/profile", new { about = "Now open on Sundays", vertical = "GROCERY" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var again = await client.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{_channel.Id}/profile");
        again.GetProperty("about").GetString().ShouldBe("Now open on Sundays");
        again.GetProperty("verticalName").GetString().ShouldBe("Food and Grocery");
        again.GetProperty("email").GetString().ShouldBe("store@sandbox.example");
    }

    [Fact]
    public async Task Patch_InvalidFields_400WithFieldErrorsAndNothingSaved()
    {
        using var client = await ClientWithNewKeyAsync();

        var response = await client.PatchAsJsonAsync(
            $"/api/v1/channels/{_channel.Id}/profile",
            new { about = new string('a', 140), email = "not-an-email", websites = new[] { "https://ok.example", "shop.example" }, vertical = "SHOES" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("error").GetString().ShouldNotBeNullOrEmpty();
        var errors = json.RootElement.GetProperty("errors");
        errors.GetProperty("about")[0].GetString().ShouldBe("About may have at most 139 characters.");
        errors.GetProperty("email")[0].GetString().ShouldStartWith("Enter a valid email address");
        errors.GetProperty("websites[1]")[0].GetString().ShouldBe("Enter a full address starting with http:// or https://.");
        errors.GetProperty("vertical")[0].GetString().ShouldBe("Choose a business vertical from the list.");
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{_channel.Id}/profile");
        after.GetProperty("about").GetString().ShouldBe("Plants, pots and garden tools 🌱");
    }

    [Fact]
    public async Task GetAndPatch_UnknownChannelOrNoKey_404And401()
    {
        using var client = await ClientWithNewKeyAsync();
        using var anonymous = _app.CreateHttpClient();

        (await client.GetAsync("/api/v1/channels/nope/profile")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PatchAsJsonAsync("/api/v1/channels/nope/profile", new { about = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/api/v1/channels/{_channel.Id}/profile")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<HttpClient> ClientWithNewKeyAsync()
    {
        await using var scope = _app.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("Profile test", "tests");
        var client = _app.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Plaintext);
        return client;
    }
}
