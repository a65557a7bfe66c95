using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Tests.Support;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>The Sandbox's template endpoints as any HTTP caller sees them (reference §5, §8.1).</summary>
public sealed class SandboxTemplatesHttpTests(InboxApp app) : SandboxTestBase(app)
{
    private HttpClient Client()
    {
        var client = App.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Options.AccessToken);
        return client;
    }

    private string Waba => State.Wabas[^1].Id;

    private static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        (JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject)!;

    private static JsonObject Template(string name, string body = "Hi {{1}}, thanks for your order.") => new()
    {
        ["name"] = name,
        ["language"] = "en_US",
        ["category"] = "UTILITY",
        ["components"] = new JsonArray(new JsonObject
        {
            ["type"] = "BODY",
            ["text"] = body,
            ["example"] = new JsonObject { ["body_text"] = new JsonArray(new JsonArray("Mark")) },
        }),
    };

    [Fact]
    public async Task List_LimitTwo_FollowsAbsoluteNextUrlsToTheEnd()
    {
        using var client = Client();
        var names = new List<string>();
        var url = $"/sandbox/graph/v23.0/{Waba}/message_templates?fields=id,name,status,quality_score,rejected_reason&limit=2";
        var pages = 0;
        while (url is not null)
        {
            var page = await ReadJsonAsync(await client.GetAsync(url));
            names.AddRange(page["data"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
            pages++;
            url = page["paging"]?["next"]?.GetValue<string>();
            if (url is not null)
            {
                new Uri(url).IsAbsoluteUri.ShouldBeTrue();
            }
        }

        // Other tests of this class may have added templates to the same account: the pages hold every template once,
        // in the order of the whole list, the seeded ones among them.
        var all = (await ReadJsonAsync(await client.GetAsync($"/sandbox/graph/v23.0/{Waba}/message_templates?fields=name&limit=100")))["data"]!
            .AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        names.ShouldBe(all);
        pages.ShouldBe((all.Count + 1) / 2);
        string[] seeded = ["hello_world", "order_update", "order_update", "follow_up", "spring_sale"];
        names.Where(seeded.Contains).ShouldBe(seeded);
    }

    [Fact]
    public async Task List_FilteredByStatus_GivesOnlyThoseWithQualityObject()
    {
        using var client = Client();

        var page = await ReadJsonAsync(await client.GetAsync($"/sandbox/graph/v23.0/{Waba}/message_templates?status=PAUSED&fields=name,status,quality_score"));

        var paused = page["data"]!.AsArray().ShouldHaveSingleItem()!;
        paused["name"]!.GetValue<string>().ShouldBe("spring_sale");
        paused["quality_score"]!["score"]!.GetValue<string>().ShouldBe("RED");
        paused["id"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Create_AnswersPendingThenGetShowsTheDecision()
    {
        using var client = Client();

        var created = await ReadJsonAsync(await client.PostAsJsonAsync($"/sandbox/graph/v23.0/{Waba}/message_templates", Template("http_created")));

        created["status"]!.GetValue<string>().ShouldBe("PENDING");
        created["category"]!.GetValue<string>().ShouldBe("UTILITY");
        var id = created["id"]!.GetValue<string>();
        var one = await ReadJsonAsync(await client.GetAsync($"/sandbox/graph/v23.0/{id}?fields=name,language,status,components"));
        one["name"]!.GetValue<string>().ShouldBe("http_created");
        one["components"]![0]!["text"]!.GetValue<string>().ShouldBe("Hi {{1}}, thanks for your order.");
    }

    [Theory]
    [InlineData("Bad Name", null, "Template names can only contain lowercase letters")]
    [InlineData("hello_world", 2388024, "There is already en_US content")]
    public async Task Create_RefusedName_AnswersCode100WithMetasUserMessage(string name, int? subcode, string userMessage)
    {
        using var client = Client();

        var response = await client.PostAsJsonAsync($"/sandbox/graph/v23.0/{Waba}/message_templates", Template(name));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await ReadJsonAsync(response))["error"]!;
        error["code"]!.GetValue<int>().ShouldBe(100);
        error["error_subcode"]?.GetValue<int>().ShouldBe(subcode!.Value);
        if (subcode is null)
        {
            error.AsObject().ContainsKey("error_subcode").ShouldBeFalse();
        }

        error["error_user_msg"]!.GetValue<string>().ShouldContain(userMessage);
        error["fbtrace_id"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Create_FooterWithVariable_Answers2388073()
    {
        using var client = Client();
        var template = Template("footer_variable");
        template["components"]!.AsArray().Add(new JsonObject { ["type"] = "FOOTER", ["text"] = "Bye {{1}}" });

        var error = (await ReadJsonAsync(await client.PostAsJsonAsync($"/sandbox/graph/v23.0/{Waba}/message_templates", template)))["error"]!;

        error["error_subcode"]!.GetValue<int>().ShouldBe(2388073);
    }

    [Fact]
    public async Task Delete_UnknownName_AnswersCode100_AndWithoutNameAsksForIt()
    {
        using var client = Client();

        var unknown = await client.DeleteAsync($"/sandbox/graph/v23.0/{Waba}/message_templates?name=never_made");
        var nameless = await client.DeleteAsync($"/sandbox/graph/v23.0/{Waba}/message_templates");

        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ReadJsonAsync(unknown))["error"]!["error_user_msg"]!.GetValue<string>().ShouldBe("There is no template named never_made.");
        (await ReadJsonAsync(nameless))["error"]!["message"]!.GetValue<string>().ShouldBe("(#100) The parameter name is required");
    }
}
