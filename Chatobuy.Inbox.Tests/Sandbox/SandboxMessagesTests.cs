using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.Graph;
using Chatobuy.Inbox.Sandbox.State;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary><c>POST /sandbox/graph/{v}/{phone-number-id}/messages</c> over HTTP, and the status webhooks the receiver gets after it.</summary>
public sealed class SandboxMessagesTests(SandboxDeliveryApp fixture) : SandboxDeliveryTestBase(fixture)
{
    private const string Window131047Details =
        "Message failed to send because more than 24 hours have passed since the customer last replied to this number.";

    private SandboxOutbox Outbox => App.Services.GetRequiredService<SandboxOutbox>();

    [Fact]
    public async Task Text_CustomerWroteToday_200WithWamidAndContactsThenSentDeliveredReadWithCallbackData()
    {
        await using var receiver = await ConnectReceiverAsync();
        await SendAsCustomerAsync(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = "Hello?" } });

        var (status, answer) = await SendAsBusinessAsync(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            ["to"] = "+" + CustomerWaId,
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = "Hi! Yes, the blue mug is in stock." },
            ["biz_opaque_callback_data"] = "ticket-42",
        });

        status.ShouldBe(HttpStatusCode.OK, answer.ToJsonString());
        answer["messaging_product"]!.GetValue<string>().ShouldBe("whatsapp");
        var contact = answer["contacts"]!.AsArray().ShouldHaveSingleItem()!;
        contact["input"]!.GetValue<string>().ShouldBe("+" + CustomerWaId);
        contact["wa_id"]!.GetValue<string>().ShouldBe(CustomerWaId);
        var wamid = answer["messages"]![0]!["id"]!.GetValue<string>();
        wamid.ShouldStartWith("wamid.");

        var statuses = await WaitForStatusesAsync(receiver, wamid, 3);
        statuses.Select(s => s["status"]!.GetValue<string>()).ShouldBe(["sent", "delivered", "read"]);
        foreach (var item in statuses)
        {
            item["recipient_id"]!.GetValue<string>().ShouldBe(CustomerWaId);
            item["biz_opaque_callback_data"]!.GetValue<string>().ShouldBe("ticket-42");
            long.TryParse(item["timestamp"]!.GetValue<string>(), out _).ShouldBeTrue();
            item["pricing"]!.ToJsonString().ShouldBe("""{"billable":false,"pricing_model":"PMP","category":"service","type":"free_customer_service"}""");
            item["conversation"].ShouldBeNull();
            item["errors"].ShouldBeNull();
        }

        Outbox.StatusOf(wamid).ShouldBe(SandboxOutboundStatus.Read);
        Outbox.Conversation(Phone.Id, CustomerWaId).ShouldContain(m => m.Id == wamid);
    }

    public static TheoryData<string, int, string> InvalidSends => new()
    {
        { """{"to":"5511987654321","type":"text","text":{"body":"hi"}}""", 100, "messaging_product" },
        { """{"messaging_product":"whatsapp","type":"text","text":{"body":"hi"}}""", 131008, "The parameter to is required." },
        { """{"messaging_product":"whatsapp","to":"5511987654321","type":"text","text":{}}""", 131008, "text['body']" },
        { $$$"""{"messaging_product":"whatsapp","to":"5511987654321","type":"text","text":{"body":"{{{new string('a', 4097)}}}"}}""", 100, "at most 4096" },
        { """{"messaging_product":"whatsapp","to":"5511987654321","type":"poll","poll":{}}""", 100, "Param type must be one of" },
        { """{"messaging_product":"whatsapp","to":"5511987654321","type":"image","image":{"id":"999000111222333"}}""", 131009, "999000111222333 does not exist" },
        { """{"messaging_product":"whatsapp","to":"5511987654321","type":"image","image":{"link":"ftp://example.com/a.png"}}""", 100, "http or https" },
        { """{"messaging_product":"whatsapp","to":"5511987654321","type":"audio","audio":{"link":"https://example.com/a.ogg","caption":"no"}}""", 100, "caption" },
        { """{"messaging_product":"whatsapp","to":"5511987654321","type":"reaction","reaction":{"emoji":"👍"}}""", 131008, "reaction['message_id']" },
        {
            """
            {"messaging_product":"whatsapp","to":"5511987654321","type":"interactive","interactive":{"type":"button","body":{"text":"Pick"},"action":{"buttons":[
              {"type":"reply","reply":{"id":"a","title":"A"}},{"type":"reply","reply":{"id":"b","title":"B"}},
              {"type":"reply","reply":{"id":"c","title":"C"}},{"type":"reply","reply":{"id":"d","title":"D"}}]}}}
            """,
            131009,
            "1 to 3 buttons"
        },
        {
            """
            {"messaging_product":"whatsapp","to":"5511987654321","type":"interactive","interactive":{"type":"list","body":{"text":"Pick"},"action":{"button":"Options",
              "sections":[{"title":"S","rows":[{"id":"r1","title":"This row title is far too long"}]}]}}}
            """,
            131009,
            "at most 24 characters"
        },
        {
            """{"messaging_product":"whatsapp","to":"5511987654321","type":"interactive","interactive":{"type":"product","action":{"catalog_id":"999000000000000","product_retailer_id":"MUG-BLUE"}}}""",
            100,
            "must be the catalog linked to this WhatsApp Business Account (771000000000001), not 999000000000000"
        },
        {
            """{"messaging_product":"whatsapp","to":"5511987654321","type":"interactive","interactive":{"type":"product","action":{"catalog_id":"771000000000001","product_retailer_id":"NO-SUCH-SKU"}}}""",
            131009,
            "Products not found in catalog 771000000000001: NO-SUCH-SKU"
        },
        {
            """{"messaging_product":"whatsapp","to":"5511987654321","type":"interactive","interactive":{"type":"product","action":{"catalog_id":"771000000000001"}}}""",
            131008,
            "product_retailer_id"
        },
        {
            """
            {"messaging_product":"whatsapp","to":"5511987654321","type":"interactive","interactive":{"type":"product_list","body":{"text":"Picks"},
              "action":{"catalog_id":"771000000000001","sections":[{"title":"Mugs","product_items":[{"product_retailer_id":"MUG-BLUE"}]}]}}}
            """,
            131008,
            "interactive['header'] is required"
        },
        {
            """
            {"messaging_product":"whatsapp","to":"5511987654321","type":"interactive","interactive":{"type":"product_list","header":{"type":"text","text":"Picks"},"body":{"text":"Picks"},
              "action":{"catalog_id":"771000000000001","sections":[{"title":"Mugs","product_items":[{"product_retailer_id":"MUG-BLUE"}]},{"product_items":[{"product_retailer_id":"CAP-RED"}]}]}}}
            """,
            131008,
            "sections'][1]['title'] is required"
        },
        {
            """
            {"messaging_product":"whatsapp","to":"5511987654321","type":"interactive","interactive":{"type":"product_list","header":{"type":"text","text":"Picks"},"body":{"text":"Picks"},
              "action":{"catalog_id":"771000000000001","sections":[{"title":"All","product_items":[ITEMS]}]}}}
            """.Replace("ITEMS", string.Join(",", Enumerable.Repeat("""{"product_retailer_id":"MUG-BLUE"}""", 31))),
            131009,
            "at most 30 products in all, not 31"
        },
        {
            """
            {"messaging_product":"whatsapp","to":"5511987654321","type":"interactive","interactive":{"type":"product_list","header":{"type":"text","text":"Picks"},"body":{"text":"Picks"},
              "action":{"catalog_id":"771000000000001","sections":[{"title":"Mugs","product_items":[{"product_retailer_id":"MUG-BLUE"},{"product_retailer_id":"MUG-GOLD"}]}]}}}
            """,
            131009,
            "Products not found in catalog 771000000000001: MUG-GOLD"
        },
        {
            """{"messaging_product":"whatsapp","to":"5511987654321","type":"interactive","interactive":{"type":"location_request_message","body":{"text":"Where?"},"action":{"name":"send_address"}}}""",
            100,
            "must be send_location"
        },
        { """{"messaging_product":"whatsapp","to":"5511987654321","type":"text","text":{"body":"hi"},"biz_opaque_callback_data":"XXXX"}""".Replace("XXXX", new string('x', 513)), 100, "512 bytes" },
        { """{"messaging_product":"whatsapp","to":"5511987654321","type":"template","template":{"name":"no_such_template","language":{"code":"en_US"}}}""", 132001, "template name (no_such_template) does not exist in en_US" },
    };

    [Theory]
    [MemberData(nameof(InvalidSends))]
    public async Task Send_InvalidRequest_400WithMetaCodeAndDetails(string body, int code, string details)
    {
        var (status, answer) = await SendAsBusinessAsync(JsonNode.Parse(body)!.AsObject());

        status.ShouldBe(HttpStatusCode.BadRequest);
        var error = answer["error"]!;
        error["code"]!.GetValue<int>().ShouldBe(code);
        error["type"]!.GetValue<string>().ShouldBe("OAuthException");
        error["message"]!.GetValue<string>().ShouldBe($"(#{code}) {SandboxGraphErrors.TitleOf(code)}");
        error["error_data"]!["messaging_product"]!.GetValue<string>().ShouldBe("whatsapp");
        error["error_data"]!["details"]!.GetValue<string>().ShouldContain(details);
        error["fbtrace_id"]!.GetValue<string>().Length.ShouldBe(23);
    }

    [Fact]
    public async Task Send_NoToken_400Code104()
    {
        using var http = App.CreateHttpClient();
        var response = await http.PostAsync($"/sandbox/graph/v23.0/{Phone.Id}/messages", Json(new JsonObject { ["messaging_product"] = "whatsapp" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<int>().ShouldBe(104);
    }

    [Fact]
    public async Task Send_BeyondTheConfiguredThroughput_400Code130429()
    {
        var phone = State.PhoneNumbers[2];
        var body = """{"messaging_product":"whatsapp","to":"5511900000001","type":"text","text":{"body":"burst"}}""";

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => SendAsBusinessAsync(JsonNode.Parse(body)!.AsObject(), phone)));

        answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBeInRange(10, 15);
        var refused = answers.Where(a => a.Status != HttpStatusCode.OK).ToList();
        refused.ShouldNotBeEmpty();
        foreach (var (status, answer) in refused)
        {
            status.ShouldBe(HttpStatusCode.BadRequest);
            answer["error"]!["code"]!.GetValue<int>().ShouldBe(130429);
            answer["error"]!["message"]!.GetValue<string>().ShouldBe("(#130429) Rate limit hit");
            answer["error"]!["error_data"]!["details"]!.GetValue<string>().ShouldContain("10 messages per second");
        }
    }

    [Fact]
    public async Task Text_CustomerLastWrote25HoursAgo_200ThenFailedStatus131047()
    {
        const string waId = "5511900000025";
        await using var receiver = await ConnectReceiverAsync();
        await SendAsCustomerAsync(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = "Yesterday's question" } }, waId);
        using (var http = App.CreateHttpClient())
        {
            var aged = await http.PostAsync($"/sandbox/customers/{waId}/last-seen", Json(new JsonObject { ["phone_number_id"] = Phone.Id, ["hours_ago"] = 25 }));
            aged.StatusCode.ShouldBe(HttpStatusCode.OK, await aged.Content.ReadAsStringAsync());
        }

        var (status, answer) = await SendAsBusinessAsync(TextTo(waId, "Sorry for the wait!"));

        status.ShouldBe(HttpStatusCode.OK, answer.ToJsonString());
        var wamid = answer["messages"]![0]!["id"]!.GetValue<string>();
        var failed = (await WaitForStatusesAsync(receiver, wamid, 1)).ShouldHaveSingleItem();
        failed["status"]!.GetValue<string>().ShouldBe("failed");
        failed["pricing"].ShouldBeNull();
        var error = failed["errors"]!.AsArray().ShouldHaveSingleItem()!;
        error["code"]!.GetValue<int>().ShouldBe(131047);
        error["title"]!.GetValue<string>().ShouldBe("Re-engagement message");
        error["message"]!.GetValue<string>().ShouldBe("Re-engagement message");
        error["error_data"]!["details"]!.GetValue<string>().ShouldBe(Window131047Details);

        await Task.Delay(300);
        StatusesOf(receiver.Received, wamid).Count.ShouldBe(1);
        Outbox.StatusOf(wamid).ShouldBe(SandboxOutboundStatus.Failed);
    }

    [Fact]
    public async Task Text_CustomerNeverWrote_200ThenFailedStatus131047()
    {
        await using var receiver = await ConnectReceiverAsync();

        var (status, answer) = await SendAsBusinessAsync(TextTo("5511900000404", "Hello stranger"));

        status.ShouldBe(HttpStatusCode.OK);
        var wamid = answer["messages"]![0]!["id"]!.GetValue<string>();
        var failed = (await WaitForStatusesAsync(receiver, wamid, 1)).ShouldHaveSingleItem();
        failed["errors"]![0]!["code"]!.GetValue<int>().ShouldBe(131047);
    }

    [Fact]
    public async Task MarkAsRead_InboundMessageWithTypingIndicator_SuccessAndRecorded()
    {
        const string waId = "5511900000077";
        var inbound = await SendAsCustomerAsync(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = "Anyone there?" } }, waId);

        var (status, answer) = await SendAsBusinessAsync(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["status"] = "read",
            ["message_id"] = inbound,
            ["typing_indicator"] = new JsonObject { ["type"] = "text" },
        });

        status.ShouldBe(HttpStatusCode.OK);
        answer.ToJsonString().ShouldBe("""{"success":true}""");
        Outbox.ReadMark(Phone.Id, waId).ShouldNotBeNull().MessageId.ShouldBe(inbound);
        Outbox.IsTyping(Phone.Id, waId).ShouldBeTrue();

        (await SendAsBusinessAsync(TextTo(waId, "Here!"))).Status.ShouldBe(HttpStatusCode.OK);
        Outbox.IsTyping(Phone.Id, waId).ShouldBeFalse();
    }

    [Fact]
    public async Task MarkAsRead_UnknownMessageId_400Code100()
    {
        var (status, answer) = await SendAsBusinessAsync(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["status"] = "read",
            ["message_id"] = "wamid.unknown",
        });

        status.ShouldBe(HttpStatusCode.BadRequest);
        answer["error"]!["code"]!.GetValue<int>().ShouldBe(100);
    }

    [Fact]
    public async Task Reaction_ToACustomerMessage_AcceptedAndRecorded()
    {
        const string waId = "5511900000088";
        var inbound = await SendAsCustomerAsync(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = "Thanks!" } }, waId);

        var (status, answer) = await SendAsBusinessAsync(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["to"] = waId,
            ["type"] = "reaction",
            ["reaction"] = new JsonObject { ["message_id"] = inbound, ["emoji"] = "❤️" },
        });

        status.ShouldBe(HttpStatusCode.OK, answer.ToJsonString());
        var reaction = Outbox.Conversation(Phone.Id, waId).ShouldHaveSingleItem();
        reaction.Type.ShouldBe("reaction");
        reaction.Content["message_id"]!.GetValue<string>().ShouldBe(inbound);
        reaction.Summary.ShouldBe("Reacted ❤️");
    }

    [Fact]
    public async Task Reply_InteractiveButtonsQuotingACustomerMessage_Accepted()
    {
        const string waId = "5511900000099";
        var inbound = await SendAsCustomerAsync(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = "Which size?" } }, waId);

        var (status, answer) = await SendAsBusinessAsync(JsonNode.Parse($$$$"""
            {"messaging_product":"whatsapp","to":"{{{{waId}}}}","context":{"message_id":"{{{{inbound}}}}"},"type":"interactive",
             "interactive":{"type":"button","header":{"type":"text","text":"Sizes"},"body":{"text":"Pick one"},"footer":{"text":"Chatobuy"},
               "action":{"buttons":[{"type":"reply","reply":{"id":"s","title":"Small"}},{"type":"reply","reply":{"id":"l","title":"Large"}}]}}}
            """)!.AsObject());

        status.ShouldBe(HttpStatusCode.OK, answer.ToJsonString());
        var sent = Outbox.Conversation(Phone.Id, waId).ShouldHaveSingleItem();
        sent.ReplyToId.ShouldBe(inbound);
        sent.Summary.ShouldBe("Pick one [Small] [Large]");
    }

    [Fact]
    public async Task ProductList_ProductsOfTheLinkedCatalog_AcceptedAndSummarised()
    {
        const string waId = "5511900000111";
        await SendAsCustomerAsync(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = "What's new?" } }, waId);

        var (status, answer) = await SendAsBusinessAsync(JsonNode.Parse($$$$"""
            {"messaging_product":"whatsapp","to":"{{{{waId}}}}","type":"interactive",
             "interactive":{"type":"product_list","header":{"type":"text","text":"Autumn picks"},"body":{"text":"Tap to browse"},
               "action":{"catalog_id":"{{{{SandboxCatalog.CatalogId}}}}","sections":[
                 {"title":"Kitchen","product_items":[{"product_retailer_id":"MUG-BLUE"}]},
                 {"title":"Wear","product_items":[{"product_retailer_id":"CAP-RED"},{"product_retailer_id":"TEE-BLACK-M"}]}]}}}
            """)!.AsObject());
        var (single, singleAnswer) = await SendAsBusinessAsync(JsonNode.Parse($$$$"""
            {"messaging_product":"whatsapp","to":"{{{{waId}}}}","type":"interactive",
             "interactive":{"type":"product","action":{"catalog_id":"{{{{SandboxCatalog.CatalogId}}}}","product_retailer_id":"MUG-BLUE"}}}
            """)!.AsObject());

        status.ShouldBe(HttpStatusCode.OK, answer.ToJsonString());
        single.ShouldBe(HttpStatusCode.OK, singleAnswer.ToJsonString());
        Outbox.Conversation(Phone.Id, waId).Select(m => m.Summary).ShouldBe(["Tap to browse [View items]", "[🛍 Blue ceramic mug]"]);
    }

    [Fact]
    public async Task Image_UploadedMediaIdWithCaption_Accepted()
    {
        var mediaId = await UploadAsCustomerAsync([0x89, 0x50, 0x4E, 0x47, 1, 2, 3], "image/png", "mug.png");

        var (status, answer) = await SendAsBusinessAsync(JsonNode.Parse($$$"""
            {"messaging_product":"whatsapp","to":"{{{CustomerWaId}}}","type":"image","image":{"id":"{{{mediaId}}}","caption":"The blue mug"}}
            """)!.AsObject());

        status.ShouldBe(HttpStatusCode.OK, answer.ToJsonString());
        Outbox.Conversation(Phone.Id, CustomerWaId).ShouldContain(m => m.Summary == "📷 The blue mug");
    }

    private static JsonObject TextTo(string waId, string body) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["to"] = waId,
        ["type"] = "text",
        ["text"] = new JsonObject { ["body"] = body },
    };

    private async Task<(HttpStatusCode Status, JsonNode Answer)> SendAsBusinessAsync(JsonObject body, SandboxPhoneNumber? phone = null)
    {
        using var http = GraphClient();
        var response = await http.PostAsync($"/sandbox/graph/v23.0/{(phone ?? Phone).Id}/messages", Json(body));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static List<JsonNode> StatusesOf(IEnumerable<ReceivedWebhook> webhooks, string wamid) =>
        webhooks.SelectMany(w => ValueOf(w)["statuses"]?.AsArray() ?? []).Select(s => s!).Where(s => s["id"]!.GetValue<string>() == wamid).ToList();

    private static async Task<List<JsonNode>> WaitForStatusesAsync(CallbackServer receiver, string wamid, int count) =>
        StatusesOf(await receiver.WaitForAsync(r => StatusesOf(r, wamid).Count >= count), wamid);
}
