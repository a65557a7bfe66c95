using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.State;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>
/// The customer taps what a business's interactive message offers (<c>POST /sandbox/customers/{wa_id}/taps</c>, the
/// same replies the phone page sends) and the receiver gets Meta's signed webhook: <c>button_reply</c>,
/// <c>list_reply</c>, a <c>location</c> quoting the request, an <c>order</c> of the cart (reference §7.3, commerce §4.1).
/// </summary>
public sealed class SandboxInteractiveTapsTests(SandboxDeliveryApp fixture) : SandboxDeliveryTestBase(fixture)
{
    private SandboxOutbox Outbox => App.Services.GetRequiredService<SandboxOutbox>();

    private string BusinessNumber => new(Phone.DisplayPhoneNumber.Where(char.IsAsciiDigit).ToArray());

    [Fact]
    public async Task ReplyButton_Tapped_ReceiverGetsSignedButtonReplyQuotingTheMessage()
    {
        const string waId = "5511900000201";
        await using var receiver = await ConnectReceiverAsync();
        var wamid = await BusinessSendsAsync(waId, """
            {"type":"button","header":{"type":"text","text":"Delivery"},"body":{"text":"Pick a slot"},"footer":{"text":"Chatobuy"},
             "action":{"buttons":[{"type":"reply","reply":{"id":"slot-am","title":"Morning"}},{"type":"reply","reply":{"id":"slot-pm","title":"Afternoon"}}]}}
            """);

        var (status, answer) = await TapAsync(waId, new JsonObject { ["message_id"] = wamid, ["id"] = "slot-pm", ["name"] = "Maria" });

        status.ShouldBe(HttpStatusCode.OK, answer.ToJsonString());
        var (webhook, message) = await ReceivedAsync(receiver, answer);
        webhook.Signature.ShouldBe(ExpectedSignature(webhook.Body));
        ValueOf(webhook)["contacts"]![0]!["profile"]!["name"]!.GetValue<string>().ShouldBe("Maria");
        message["from"]!.GetValue<string>().ShouldBe(waId);
        message["type"]!.GetValue<string>().ShouldBe("interactive");
        message["interactive"]!.ToJsonString().ShouldBe("""{"type":"button_reply","button_reply":{"id":"slot-pm","title":"Afternoon"}}""");
        message["context"]!["from"]!.GetValue<string>().ShouldBe(BusinessNumber);
        message["context"]!["id"]!.GetValue<string>().ShouldBe(wamid);
    }

    [Fact]
    public async Task ListRow_Chosen_ReceiverGetsListReplyWithTheRowsDescription()
    {
        const string waId = "5511900000202";
        await using var receiver = await ConnectReceiverAsync();
        var wamid = await BusinessSendsAsync(waId, """
            {"type":"list","body":{"text":"Our menu"},"action":{"button":"See menu","sections":[
              {"title":"Drinks","rows":[{"id":"tea","title":"Green tea","description":"Hot, 300 ml"},{"id":"coffee","title":"Coffee"}]},
              {"title":"Cakes","rows":[{"id":"cheesecake","title":"Cheesecake","description":"New York style"}]}]}}
            """);

        var (status, answer) = await TapAsync(waId, new JsonObject { ["message_id"] = wamid, ["id"] = "cheesecake" });
        var (_, plainAnswer) = await TapAsync(waId, new JsonObject { ["message_id"] = wamid, ["id"] = "coffee" });

        status.ShouldBe(HttpStatusCode.OK, answer.ToJsonString());
        var (_, message) = await ReceivedAsync(receiver, answer);
        message["interactive"]!.ToJsonString().ShouldBe("""{"type":"list_reply","list_reply":{"id":"cheesecake","title":"Cheesecake","description":"New York style"}}""");
        message["context"]!["id"]!.GetValue<string>().ShouldBe(wamid);
        var (_, plain) = await ReceivedAsync(receiver, plainAnswer);
        plain["interactive"]!.ToJsonString().ShouldBe("""{"type":"list_reply","list_reply":{"id":"coffee","title":"Coffee"}}""");
    }

    [Fact]
    public async Task LocationRequest_Answered_ReceiverGetsTheSamplePlaceOrTheEditedOneQuotingTheRequest()
    {
        const string waId = "5511900000203";
        await using var receiver = await ConnectReceiverAsync();
        var wamid = await BusinessSendsAsync(waId, """{"type":"location_request_message","body":{"text":"Where should we deliver?"},"action":{"name":"send_location"}}""");

        var (_, sampleAnswer) = await TapAsync(waId, new JsonObject { ["message_id"] = wamid });
        var (status, editedAnswer) = await TapAsync(waId, new JsonObject
        {
            ["message_id"] = wamid,
            ["location"] = new JsonObject { ["latitude"] = 22.2819, ["longitude"] = 114.1582, ["name"] = "Home", ["address"] = "1 Queen's Road Central" },
        });

        status.ShouldBe(HttpStatusCode.OK, editedAnswer.ToJsonString());
        var (_, sample) = await ReceivedAsync(receiver, sampleAnswer);
        sample["type"]!.GetValue<string>().ShouldBe("location");
        sample["location"]!.ToJsonString().ShouldBe("""{"latitude":-23.5614,"longitude":-46.6559,"name":"Chatobuy Store","address":"Av. Paulista 1000, S\u00E3o Paulo"}""");
        sample["context"]!["id"]!.GetValue<string>().ShouldBe(wamid);
        var (_, edited) = await ReceivedAsync(receiver, editedAnswer);
        edited["location"]!.ToJsonString().ShouldBe("""{"latitude":22.2819,"longitude":114.1582,"name":"Home","address":"1 Queen\u0027s Road Central"}""");
        edited["context"]!["from"]!.GetValue<string>().ShouldBe(BusinessNumber);
    }

    [Fact]
    public async Task Cart_SentFromAProductList_ReceiverGetsAnOrderAtTheCatalogsPrices()
    {
        const string waId = "5511900000204";
        await using var receiver = await ConnectReceiverAsync();
        var wamid = await BusinessSendsAsync(waId, $$$"""
            {"type":"product_list","header":{"type":"text","text":"Autumn picks"},"body":{"text":"Tap to browse"},
             "action":{"catalog_id":"{{{SandboxCatalog.CatalogId}}}","sections":[
               {"title":"Kitchen","product_items":[{"product_retailer_id":"MUG-BLUE"}]},
               {"title":"Wear","product_items":[{"product_retailer_id":"CAP-RED"},{"product_retailer_id":"TEE-BLACK-M"}]}]}}
            """);

        var (status, answer) = await TapAsync(waId, new JsonObject
        {
            ["message_id"] = wamid,
            ["cart"] = new JsonArray(
                new JsonObject { ["product_retailer_id"] = "MUG-BLUE", ["quantity"] = 2 },
                new JsonObject { ["product_retailer_id"] = "TEE-BLACK-M", ["quantity"] = 1 }),
            ["text"] = "Please gift-wrap",
        });
        var (outside, outsideAnswer) = await TapAsync(waId, new JsonObject
        {
            ["message_id"] = wamid,
            ["cart"] = new JsonArray(new JsonObject { ["product_retailer_id"] = "SOCKS-STRIPE", ["quantity"] = 1 }),
        });

        status.ShouldBe(HttpStatusCode.OK, answer.ToJsonString());
        var (_, message) = await ReceivedAsync(receiver, answer);
        message["type"]!.GetValue<string>().ShouldBe("order");
        message["order"]!.ToJsonString().ShouldBe($$"""
            {"catalog_id":"{{SandboxCatalog.CatalogId}}","text":"Please gift-wrap","product_items":[{"product_retailer_id":"MUG-BLUE","quantity":2,"item_price":12.5,"currency":"USD"},{"product_retailer_id":"TEE-BLACK-M","quantity":1,"item_price":19.9,"currency":"USD"}]}
            """);
        outside.ShouldBe(HttpStatusCode.BadRequest);
        outsideAnswer["error"]!["message"]!.GetValue<string>().ShouldContain("MUG-BLUE, CAP-RED, TEE-BLACK-M");
    }

    [Fact]
    public async Task Tap_UnknownButtonOrMessage_400AndNothingSent()
    {
        const string waId = "5511900000205";
        var wamid = await BusinessSendsAsync(waId, """
            {"type":"button","body":{"text":"Yes?"},"action":{"buttons":[{"type":"reply","reply":{"id":"yes","title":"Yes"}}]}}
            """);
        var before = CustomerMessages(waId);

        var (unknownButton, buttonAnswer) = await TapAsync(waId, new JsonObject { ["message_id"] = wamid, ["id"] = "maybe" });
        var (unknownMessage, messageAnswer) = await TapAsync(waId, new JsonObject { ["message_id"] = "wamid.unknown", ["id"] = "yes" });

        unknownButton.ShouldBe(HttpStatusCode.BadRequest);
        buttonAnswer["error"]!["code"]!.GetValue<int>().ShouldBe(100);
        buttonAnswer["error"]!["message"]!.GetValue<string>().ShouldContain("no reply button or list row with id maybe");
        unknownMessage.ShouldBe(HttpStatusCode.BadRequest);
        messageAnswer["error"]!["message"]!.GetValue<string>().ShouldContain("sent no message wamid.unknown");
        CustomerMessages(waId).ShouldBe(before);
    }

    [Fact]
    public async Task Tap_MessageThatFailedOutsideTheWindow_400BecauseTheCustomerNeverGotIt()
    {
        const string waId = "5511900000206";
        await SendAsCustomerAsync(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = "Hi" } }, waId);
        using (var http = App.CreateHttpClient())
        {
            (await http.PostAsync($"/sandbox/customers/{waId}/last-seen", Json(new JsonObject { ["phone_number_id"] = Phone.Id, ["hours_ago"] = 25 })))
                .EnsureSuccessStatusCode();
        }

        var wamid = await BusinessSendsAsync(waId, """
            {"type":"button","body":{"text":"Still there?"},"action":{"buttons":[{"type":"reply","reply":{"id":"yes","title":"Yes"}}]}}
            """, customerWritesFirst: false);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Outbox.StatusOf(wamid) != SandboxOutboundStatus.Failed)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the send never failed");
            await Task.Delay(20);
        }

        var (status, answer) = await TapAsync(waId, new JsonObject { ["message_id"] = wamid, ["id"] = "yes" });

        status.ShouldBe(HttpStatusCode.BadRequest);
        answer["error"]!["message"]!.GetValue<string>().ShouldContain("failed to reach the customer");
    }

    [Fact]
    public async Task PhoneMedia_SignedUrlFromThePage_ServesTheHeaderFile_UnsignedOrForgedRefused()
    {
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 9, 8, 7];
        var mediaId = await UploadAsCustomerAsync(bytes, "image/png", "header.png");
        var store = App.Services.GetRequiredService<SandboxMediaStore>();
        using var http = App.CreateHttpClient();

        var signed = await http.GetAsync($"/sandbox/phone/media/{mediaId}?{store.ViewQuery(mediaId)}");
        var unsigned = await http.GetAsync($"/sandbox/phone/media/{mediaId}");
        var forged = await http.GetAsync($"/sandbox/phone/media/{mediaId}?{store.ViewQuery(mediaId)[..^4]}0000");

        signed.StatusCode.ShouldBe(HttpStatusCode.OK);
        signed.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await signed.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        unsigned.Content.Headers.ContentType?.MediaType.ShouldNotBe("image/png");
        unsigned.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        forged.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    /// <summary>The customer writes (the window opens), then the business sends <paramref name="interactive"/>; returns its wamid.</summary>
    private async Task<string> BusinessSendsAsync(string waId, string interactive, bool customerWritesFirst = true)
    {
        if (customerWritesFirst)
        {
            await SendAsCustomerAsync(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = "Hello" } }, waId);
        }

        using var http = GraphClient();
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["to"] = waId,
            ["type"] = "interactive",
            ["interactive"] = JsonNode.Parse(interactive),
        };
        var response = await http.PostAsync($"/sandbox/graph/v23.0/{Phone.Id}/messages", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!["messages"]![0]!["id"]!.GetValue<string>();
    }

    private async Task<(HttpStatusCode Status, JsonNode Answer)> TapAsync(string waId, JsonObject body)
    {
        using var http = App.CreateHttpClient();
        body["phone_number_id"] ??= Phone.Id;
        var response = await http.PostAsync($"/sandbox/customers/{waId}/taps", Json(body));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>The POST that carried the message the tap answered with, and that message.</summary>
    private static async Task<(ReceivedWebhook Webhook, JsonNode Message)> ReceivedAsync(CallbackServer receiver, JsonNode answer)
    {
        var id = answer["messages"]![0]!["id"]!.GetValue<string>();
        bool Carries(ReceivedWebhook webhook) => MessagesOf([webhook]).Any(m => m["id"]!.GetValue<string>() == id);
        var webhook = (await receiver.WaitForAsync(r => r.Any(Carries))).First(Carries);
        return (webhook, MessagesOf([webhook]).Single(m => m["id"]!.GetValue<string>() == id));
    }

    private List<string> CustomerMessages(string waId) =>
        App.Services.GetRequiredService<Chatobuy.Inbox.Sandbox.Customer.SandboxCustomers>().Conversation(Phone.Id, waId).Select(m => m.Id).ToList();

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
