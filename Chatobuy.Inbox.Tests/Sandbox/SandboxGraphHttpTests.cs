using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.Graph;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>The Sandbox's wire format as any HTTP caller sees it.</summary>
public sealed class SandboxGraphHttpTests(InboxApp app) : SandboxTestBase(app)
{
    private HttpClient Client(bool withToken = true)
    {
        var client = App.CreateHttpClient();
        if (withToken)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Options.AccessToken);
        }

        return client;
    }

    private static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        (JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject)!;

    [Fact]
    public async Task PhoneNumbers_LimitOne_NextUrlLeadsToTheSecondPageWhichHasNoNext()
    {
        using var client = Client();
        var wabaId = State.Wabas[0].Id;

        var first = await ReadJsonAsync(await client.GetAsync($"/sandbox/graph/v23.0/{wabaId}/phone_numbers?limit=1"));

        first["data"]!.AsArray().Single()!["display_phone_number"]!.GetValue<string>().ShouldBe("+1 555-0100");
        first["paging"]!["cursors"]!["before"].ShouldNotBeNull();
        first["paging"]!["cursors"]!["after"].ShouldNotBeNull();
        var next = new Uri(first["paging"]!["next"]!.GetValue<string>());
        next.IsAbsoluteUri.ShouldBeTrue();
        next.GetLeftPart(UriPartial.Path).ShouldBe(new Uri(App.BaseAddress, $"/sandbox/graph/v23.0/{wabaId}/phone_numbers").ToString());
        next.Query.ShouldContain("limit=1");
        next.Query.ShouldContain("after=");

        var second = await ReadJsonAsync(await client.GetAsync(next));

        second["data"]!.AsArray().Single()!["display_phone_number"]!.GetValue<string>().ShouldBe("+1 555-0101");
        second["paging"]!["cursors"]!["after"].ShouldNotBeNull();
        second["paging"]!.AsObject().ContainsKey("next").ShouldBeFalse();
        second["paging"]!["previous"].ShouldNotBeNull();
    }

    [Fact]
    public async Task PhoneNumbers_NoFields_ReturnsTheDocumentedDefaultFields()
    {
        using var client = Client();

        var page = await ReadJsonAsync(await client.GetAsync($"/sandbox/graph/v23.0/{State.Wabas[1].Id}/phone_numbers"));

        var phone = page["data"]!.AsArray().Single()!.AsObject();
        phone.Select(p => p.Key).ShouldBe(
            ["verified_name", "code_verification_status", "display_phone_number", "quality_rating", "platform_type", "throughput", "id"]);
        phone["throughput"]!["level"]!.GetValue<string>().ShouldBe("STANDARD");
        page["paging"]!.AsObject().ContainsKey("next").ShouldBeFalse();
    }

    [Fact]
    public async Task Waba_FieldsParameter_ReturnsOnlyThoseFieldsAndId()
    {
        using var client = Client();

        var waba = await ReadJsonAsync(await client.GetAsync($"/sandbox/graph/v23.0/{State.Wabas[0].Id}?fields=name,currency"));

        waba.Select(p => p.Key).ShouldBe(["name", "currency", "id"]);
        waba["name"]!.GetValue<string>().ShouldBe("Chatobuy Sandbox Store");
    }

    [Fact]
    public async Task PhoneNumber_UnknownField_AnswersCode100()
    {
        using var client = Client();

        var response = await client.GetAsync($"/sandbox/graph/v23.0/{State.PhoneNumbers[0].Id}?fields=id,colour");
        var error = (await ReadJsonAsync(response))["error"]!;

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error["code"]!.GetValue<int>().ShouldBe(100);
        error["message"]!.GetValue<string>().ShouldBe("(#100) Tried accessing nonexisting field (colour) on node type (WhatsAppBusinessPhoneNumber)");
    }

    [Fact]
    public async Task Me_AccessTokenInQuery_IsAccepted()
    {
        using var client = Client(withToken: false);

        var response = await client.GetAsync($"/sandbox/graph/v23.0/me?access_token={Options.AccessToken}");
        var me = await ReadJsonAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        me["id"]!.GetValue<string>().ShouldBe(State.SystemUserId);
        me["name"].ShouldNotBeNull();
    }

    [Fact]
    public async Task OwnedWabas_AccessTokenInQuery_NextUrlKeepsIt()
    {
        using var client = Client(withToken: false);
        var wabaId = State.Wabas[0].Id;

        var page = await ReadJsonAsync(await client.GetAsync($"/sandbox/graph/v23.0/{wabaId}/phone_numbers?access_token={Options.AccessToken}&limit=1"));
        var next = page["paging"]!["next"]!.GetValue<string>();
        var second = await client.GetAsync(next);

        next.ShouldContain($"access_token={Options.AccessToken}");
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Me_NoToken_Answers400Code104AccessTokenRequired()
    {
        using var client = Client(withToken: false);

        var response = await client.GetAsync("/sandbox/graph/v23.0/me");
        var error = (await ReadJsonAsync(response))["error"]!;

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error["message"]!.GetValue<string>().ShouldBe("An access token is required to request this resource.");
        error["type"]!.GetValue<string>().ShouldBe("OAuthException");
        error["code"]!.GetValue<int>().ShouldBe(104);
        error["fbtrace_id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Me_EmptyAccessTokenInQuery_Answers400Code104()
    {
        using var client = Client(withToken: false);

        var response = await client.GetAsync("/sandbox/graph/v23.0/me?access_token=");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ReadJsonAsync(response))["error"]!["code"]!.GetValue<int>().ShouldBe(104);
    }

    [Fact]
    public async Task Me_WrongBearerToken_Answers401CannotParse()
    {
        using var client = App.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "EAAwrong");

        var response = await client.GetAsync("/sandbox/graph/v23.0/me");
        var error = (await ReadJsonAsync(response))["error"]!;

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        error["message"]!.GetValue<string>().ShouldBe("Invalid OAuth access token - Cannot parse access token");
    }

    [Theory]
    [InlineData("vX")]
    [InlineData("23.0")]
    [InlineData("V23.0")]
    public async Task Me_InvalidVersion_Answers404(string version)
    {
        using var client = Client();

        var response = await client.GetAsync($"/sandbox/graph/{version}/me");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DebugToken_SomeOtherInputToken_AnswersIsValidFalse()
    {
        using var client = Client();

        var response = await client.GetAsync("/sandbox/graph/v23.0/debug_token?input_token=EAAsomethingElse");
        var data = (await ReadJsonAsync(response))["data"]!;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        data["is_valid"]!.GetValue<bool>().ShouldBeFalse();
        data["error"]!["code"]!.GetValue<int>().ShouldBe(190);
    }

    [Fact]
    public async Task DebugToken_AppAccessToken_IsAccepted()
    {
        using var client = Client(withToken: false);

        var response = await client.GetAsync(
            $"/sandbox/graph/v23.0/debug_token?input_token={Options.AccessToken}&access_token={Options.AppId}|{Options.AppSecret}");
        var data = (await ReadJsonAsync(response))["data"]!;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        data["is_valid"]!.GetValue<bool>().ShouldBeTrue();
        data["user_id"]!.GetValue<string>().ShouldBe(State.SystemUserId);
    }

    [Fact]
    public async Task Post_UnknownObject_AnswersUnsupportedPostRequest()
    {
        using var client = Client();

        var response = await client.PostAsync("/sandbox/graph/v23.0/42", JsonContent.Create(new { pin = "123456" }));
        var error = (await ReadJsonAsync(response))["error"]!;

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error["type"]!.GetValue<string>().ShouldBe("GraphMethodException");
        error["error_subcode"]!.GetValue<int>().ShouldBe(33);
        error["message"]!.GetValue<string>().ShouldStartWith("Unsupported post request. Object with ID '42' does not exist");
    }

    [Fact]
    public async Task PostPhoneNumber_UnknownParameter_AnswersCode100()
    {
        using var client = Client();

        var response = await client.PostAsync($"/sandbox/graph/v23.0/{State.PhoneNumbers[0].Id}", JsonContent.Create(new { colour = "blue" }));
        var error = (await ReadJsonAsync(response))["error"]!;

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error["code"]!.GetValue<int>().ShouldBe(100);
        error["message"]!.GetValue<string>().ShouldBe("(#100) Param colour is not a valid parameter");
    }

    [Fact]
    public async Task ClientWabas_Empty_WhenPagedPastTheEnd_AnswersDataOnly()
    {
        using var client = Client();

        var response = await client.GetAsync(
            $"/sandbox/graph/v23.0/{Options.BusinessId}/client_whatsapp_business_accounts?after={Uri.EscapeDataString(SandboxPaging.Cursor(5))}");

        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"data":[]}""");
    }
}
