using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>Webhook overrides: the Sandbox runs Meta's verification handshake against the callback first.</summary>
public sealed class SandboxWebhookOverrideTests(InboxApp app) : SandboxTestBase(app)
{
    [Fact]
    public async Task SetWebhookOverride_CallbackEchoesChallenge_SucceedsAndIsStored()
    {
        await using var callback = await CallbackServer.StartAsync("right-token");
        await using var scope = App.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<GraphClient>();
        var phone = State.PhoneNumbers[0];

        var result = await client.SetWebhookOverrideAsync(SandboxConnection(), phone.Id, callback.Url.ToString(), "right-token", CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Error?.ForUser);
        result.Value.ShouldBeTrue();
        State.GetPhoneWebhookOverride(phone.Id).ShouldBe(new SandboxWebhookOverride(callback.Url.ToString(), "right-token"));
        State.EffectiveWebhookOverride(phone.Id)!.CallbackUri.ShouldBe(callback.Url.ToString());
        State.Calls.ShouldContain(c => c.Kind == SandboxCallKind.PhoneWebhookSet && c.ObjectId == phone.Id);
        var saved = await File.ReadAllTextAsync(Path.Combine(App.DataDirectory, SandboxState.FileName));
        saved.ShouldContain(callback.Url.ToString());
    }

    [Fact]
    public async Task SetWebhookOverride_WrongVerifyToken_FailsWithCode2200AndStoresNothing()
    {
        await using var callback = await CallbackServer.StartAsync("right-token");
        await using var scope = App.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<GraphClient>();
        var phone = State.PhoneNumbers[1];

        var result = await client.SetWebhookOverrideAsync(SandboxConnection(), phone.Id, callback.Url.ToString(), "wrong-token", CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Error!.Code.ShouldBe(2200);
        result.Error.HttpStatus.ShouldBe(400);
        result.Error.MetaMessage.ShouldBe(
            "(#2200) Callback verification failed with the following errors: curl_errno = 0; curl_error = ; HTTP Status Code = 403; HTTP Message = Forbidden");
        State.GetPhoneWebhookOverride(phone.Id).ShouldBeNull();
    }

    [Fact]
    public async Task SetWebhookOverride_NothingListening_FailsWithCode2200DescribingTheConnection()
    {
        await using var scope = App.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<GraphClient>();
        string closedUrl;
        await using (var callback = await CallbackServer.StartAsync("t"))
        {
            closedUrl = callback.Url.ToString();
        }

        var result = await client.SetWebhookOverrideAsync(SandboxConnection(), State.PhoneNumbers[2].Id, closedUrl, "t", CancellationToken.None);

        result.Error!.Code.ShouldBe(2200);
        result.Error.MetaMessage!.ShouldContain("curl_errno = 7");
    }

    [Fact]
    public async Task SetWebhookOverride_EmptyUri_ClearsTheOverride()
    {
        await using var callback = await CallbackServer.StartAsync("clear-me");
        await using var scope = App.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<GraphClient>();
        var phone = State.PhoneNumbers[2];
        (await client.SetWebhookOverrideAsync(SandboxConnection(), phone.Id, callback.Url.ToString(), "clear-me", CancellationToken.None)).Value.ShouldBeTrue();

        var cleared = await client.SetWebhookOverrideAsync(SandboxConnection(), phone.Id, "", "", CancellationToken.None);

        cleared.Value.ShouldBeTrue();
        State.GetPhoneWebhookOverride(phone.Id).ShouldBeNull();
    }

    [Fact]
    public async Task SubscribeWithOverride_CallbackEchoes_SubscribedAppsShowsTheOverride()
    {
        await using var callback = await CallbackServer.StartAsync("waba-token");
        using var http = App.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Options.AccessToken);
        var wabaId = State.Wabas[1].Id;

        var wrong = await http.PostAsync(
            $"/sandbox/graph/v23.0/{wabaId}/subscribed_apps",
            JsonContent.Create(new { override_callback_uri = callback.Url.ToString(), verify_token = "nope" }));
        var right = await http.PostAsync(
            $"/sandbox/graph/v23.0/{wabaId}/subscribed_apps",
            JsonContent.Create(new { override_callback_uri = callback.Url.ToString(), verify_token = "waba-token" }));
        var apps = JsonNode.Parse(await http.GetStringAsync($"/sandbox/graph/v23.0/{wabaId}/subscribed_apps"))!;

        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await wrong.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<int>().ShouldBe(2200);
        (await right.Content.ReadAsStringAsync()).ShouldBe("""{"success":true}""");
        apps["data"]![0]!["override_callback_uri"]!.GetValue<string>().ShouldBe(callback.Url.ToString());
        var supportPhone = State.PhoneNumbersOf(wabaId).Single();
        State.EffectiveWebhookOverride(supportPhone.Id).ShouldNotBeNull();
    }
}
