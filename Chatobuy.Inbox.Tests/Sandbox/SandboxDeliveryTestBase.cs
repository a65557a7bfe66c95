using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox;
using Chatobuy.Inbox.Sandbox.Delivery;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>What webhook and media tests reach for: a receiver wired up like the inbox does it, and the customer API.</summary>
public abstract class SandboxDeliveryTestBase(SandboxDeliveryApp fixture) : IClassFixture<SandboxDeliveryApp>
{
    public const string CustomerWaId = "5511987654321";

    protected InboxApp App => fixture.App;

    protected SandboxOptions Options => App.Services.GetRequiredService<IOptions<SandboxOptions>>().Value;

    protected SandboxState State => App.Services.GetRequiredService<SandboxState>();

    protected SandboxDeliveryLog Deliveries => App.Services.GetRequiredService<SandboxDeliveryLog>();

    /// <summary>The first Store number: the one most tests talk to.</summary>
    protected SandboxPhoneNumber Phone => State.PhoneNumbers[0];

    /// <summary>A client with the Sandbox access token, as the inbox's Graph client would call.</summary>
    protected HttpClient GraphClient()
    {
        var http = App.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Options.AccessToken);
        return http;
    }

    /// <summary>
    /// Starts a receiver, sets it as the number's webhook override through the Graph endpoint (the Sandbox runs the
    /// handshake), subscribes the app to the number's WABA, and turns the chaos switches off.
    /// </summary>
    protected async Task<CallbackServer> ConnectReceiverAsync(SandboxPhoneNumber? phone = null, bool subscribe = true)
    {
        phone ??= Phone;
        State.UpdateDeliverySettings(new SandboxDeliverySettings(null, 1, false, false));
        var receiver = await CallbackServer.StartAsync("receiver-verify-token");
        using var http = GraphClient();
        var set = await http.PostAsJsonAsync(
            $"/sandbox/graph/v23.0/{phone.Id}",
            new { webhook_configuration = new { override_callback_uri = receiver.Url.ToString(), verify_token = receiver.VerifyToken } });
        (await set.Content.ReadAsStringAsync()).ShouldBe("""{"success":true}""");
        var subscription = subscribe
            ? await http.PostAsync($"/sandbox/graph/v23.0/{phone.WabaId}/subscribed_apps", null)
            : await http.DeleteAsync($"/sandbox/graph/v23.0/{phone.WabaId}/subscribed_apps");
        (await subscription.Content.ReadAsStringAsync()).ShouldBe("""{"success":true}""");
        return receiver;
    }

    /// <summary>Sends as the customer through <c>POST /sandbox/customers/{wa_id}/messages</c>; returns the wamid.</summary>
    protected async Task<string> SendAsCustomerAsync(JsonObject body, string waId = CustomerWaId)
    {
        using var http = App.CreateHttpClient();
        body["phone_number_id"] ??= Phone.Id;
        var response = await http.PostAsync($"/sandbox/customers/{waId}/messages", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonNode.Parse(text)!["messages"]![0]!["id"]!.GetValue<string>();
    }

    protected async Task<string> UploadAsCustomerAsync(byte[] bytes, string mimeType, string fileName)
    {
        using var http = App.CreateHttpClient();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        form.Add(file, "file", fileName);
        var response = await http.PostAsync("/sandbox/customers/media", form);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    /// <summary>What a receiver checks: sha256= and the lowercase hex HMAC of the exact bytes with the App Secret.</summary>
    protected string ExpectedSignature(byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Options.AppSecret), body));

    /// <summary>The only change of the only entry of a POST's envelope.</summary>
    protected static JsonNode ValueOf(ReceivedWebhook webhook) =>
        JsonNode.Parse(webhook.Body)!["entry"]![0]!["changes"]![0]!["value"]!;

    protected static IEnumerable<JsonNode> MessagesOf(IEnumerable<ReceivedWebhook> webhooks) =>
        webhooks.SelectMany(w => ValueOf(w)["messages"]?.AsArray() ?? []).Select(m => m!);
}
