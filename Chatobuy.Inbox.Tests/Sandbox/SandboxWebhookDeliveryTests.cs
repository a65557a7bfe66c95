using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.Delivery;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>The customer API and the webhooks the receiver gets: Meta's envelope, signature, retries and chaos switches.</summary>
public sealed class SandboxWebhookDeliveryTests(SandboxDeliveryApp fixture) : SandboxDeliveryTestBase(fixture)
{
    [Fact]
    public async Task CustomerText_PhoneOverrideAndSubscribed_ReceiverGetsMetaEnvelopeSignedOverExactBytes()
    {
        await using var receiver = await ConnectReceiverAsync();

        var wamid = await SendAsCustomerAsync(new JsonObject
        {
            ["name"] = "Maria Souza",
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = "Hi, is the blue mug in stock?" },
        });

        var webhook = (await receiver.WaitForAsync(r => r.Count >= 1)).ShouldHaveSingleItem();
        webhook.ContentType.ShouldBe("application/json");
        webhook.Signature.ShouldBe(ExpectedSignature(webhook.Body));
        var envelope = JsonNode.Parse(webhook.Body)!;
        envelope["object"]!.GetValue<string>().ShouldBe("whatsapp_business_account");
        var entry = envelope["entry"]!.AsArray().ShouldHaveSingleItem()!;
        entry["id"]!.GetValue<string>().ShouldBe(Phone.WabaId);
        var change = entry["changes"]!.AsArray().ShouldHaveSingleItem()!;
        change["field"]!.GetValue<string>().ShouldBe("messages");
        var value = change["value"]!;
        value["messaging_product"]!.GetValue<string>().ShouldBe("whatsapp");
        value["metadata"]!.ToJsonString().ShouldBe($$"""{"display_phone_number":"15550100","phone_number_id":"{{Phone.Id}}"}""");
        value["contacts"]!.ToJsonString().ShouldBe($$"""[{"profile":{"name":"Maria Souza"},"wa_id":"{{CustomerWaId}}"}]""");
        value["statuses"].ShouldBeNull();
        var message = value["messages"]!.AsArray().ShouldHaveSingleItem()!;
        message["from"]!.GetValue<string>().ShouldBe(CustomerWaId);
        message["id"]!.GetValue<string>().ShouldBe(wamid);
        wamid.ShouldStartWith("wamid.");
        long.TryParse(message["timestamp"]!.GetValue<string>(), out var seconds).ShouldBeTrue();
        Math.Abs(seconds - DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ShouldBeLessThan(60);
        message["type"]!.GetValue<string>().ShouldBe("text");
        message["text"]!.ToJsonString().ShouldBe("""{"body":"Hi, is the blue mug in stock?"}""");
    }

    [Fact]
    public async Task CustomerText_NonAscii_IsEscapedInTheBytesAndTheSignatureStillVerifies()
    {
        await using var receiver = await ConnectReceiverAsync();

        await SendAsCustomerAsync(new JsonObject { ["name"] = "João", ["type"] = "text", ["text"] = new JsonObject { ["body"] = "Olá 😀 — ok" } });

        var webhook = (await receiver.WaitForAsync(r => r.Count >= 1)).ShouldHaveSingleItem();
        webhook.Body.ShouldAllBe(b => b < 0x80);
        var raw = Encoding.ASCII.GetString(webhook.Body);
        raw.ShouldContain("""Ol\u00E1 \uD83D\uDE00 \u2014 ok""");
        raw.ShouldContain("""Jo\u00E3o""");
        webhook.Signature.ShouldBe(ExpectedSignature(webhook.Body));
        MessagesOf([webhook]).Single()["text"]!["body"]!.GetValue<string>().ShouldBe("Olá 😀 — ok");
    }

    [Fact]
    public async Task CustomerImage_UploadedFile_MessageCarriesMediaIdMimeTypeAndSha256()
    {
        await using var receiver = await ConnectReceiverAsync();
        var bytes = RandomNumberGenerator.GetBytes(2048);
        var mediaId = await UploadAsCustomerAsync(bytes, "image/png", "mug.png");

        await SendAsCustomerAsync(new JsonObject { ["type"] = "image", ["media_id"] = mediaId, ["caption"] = "This one" });

        var image = MessagesOf(await receiver.WaitForAsync(r => r.Count >= 1)).Single()["image"]!;
        image["id"]!.GetValue<string>().ShouldBe(mediaId);
        image["mime_type"]!.GetValue<string>().ShouldBe("image/png");
        image["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        image["caption"]!.GetValue<string>().ShouldBe("This one");
    }

    public static TheoryData<string, string> PayloadsKeptAsGiven => new()
    {
        { "location", """{"latitude":-23.5505,"longitude":-46.6333,"name":"Shop","address":"Av. Paulista 1000"}""" },
        { "reaction", """{"message_id":"wamid.HBgLNTUxMTk4NzY1NDMyMRUCABIYIDQ=","emoji":"👍"}""" },
        { "order", """{"catalog_id":"1234567890","text":"Two please","product_items":[{"product_retailer_id":"MUG-BLUE","quantity":2,"item_price":12.5,"currency":"USD"}]}""" },
        { "interactive", """{"type":"button_reply","button_reply":{"id":"yes-please","title":"Yes, please"}}""" },
        { "poll_vote", """{"option":"B","anything":[1,2,3]}""" },
    };

    [Theory]
    [MemberData(nameof(PayloadsKeptAsGiven))]
    public async Task CustomerMessage_TypeWithPayload_ReceiverGetsThatTypeAndPayload(string type, string payload)
    {
        await using var receiver = await ConnectReceiverAsync();

        var wamid = await SendAsCustomerAsync(new JsonObject { ["type"] = type, [type] = JsonNode.Parse(payload) });

        var message = MessagesOf(await receiver.WaitForAsync(r => r.Count >= 1)).Single();
        message["id"]!.GetValue<string>().ShouldBe(wamid);
        message["type"]!.GetValue<string>().ShouldBe(type);
        JsonNode.DeepEquals(message[type], JsonNode.Parse(payload)).ShouldBeTrue(message.ToJsonString());
    }

    [Fact]
    public async Task CustomerReply_ContextOfOwnMessage_ReceiverGetsContextWithQuotedId()
    {
        await using var receiver = await ConnectReceiverAsync();
        var first = await SendAsCustomerAsync(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = "first" } });

        await SendAsCustomerAsync(new JsonObject
        {
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = "about that" },
            ["context"] = new JsonObject { ["id"] = first },
        });

        var reply = MessagesOf(await receiver.WaitForAsync(r => r.Count >= 2)).Last();
        reply["context"]!["id"]!.GetValue<string>().ShouldBe(first);
        reply["context"]!["from"]!.GetValue<string>().ShouldBe(CustomerWaId);
    }

    [Fact]
    public async Task Delivery_ReceiverAnswers500Twice_DeliveredOnTheThirdAttemptWithTheSameBytes()
    {
        await using var receiver = await ConnectReceiverAsync();
        receiver.AnswerNextWith(500, 500);

        var wamid = await SendAsCustomerAsync(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = "retry me" } });

        var received = await receiver.WaitForAsync(r => r.Any(w => w.AnsweredWith == 200));
        received.Select(r => r.AnsweredWith).ShouldBe([500, 500, 200]);
        received.Select(r => Convert.ToHexString(r.Body)).Distinct().ShouldHaveSingleItem();
        received.ShouldAllBe(r => r.Signature == ExpectedSignature(r.Body));
        await WaitUntilAsync(() => Deliveries.StateOf(wamid)?.State == SandboxDeliveryState.Delivered);
        Deliveries.StateOf(wamid)!.Attempts.ShouldBe(3);
        var delivery = Deliveries.Recent.First(d => d.ItemIds.Contains(wamid));
        delivery.HttpStatus.ShouldBe(200);
        delivery.Url.ShouldBe(receiver.Url.ToString());
    }

    [Fact]
    public async Task Delivery_DuplicateSwitchOn_ReceiverSeesTheSameWamidTwice()
    {
        await using var receiver = await ConnectReceiverAsync();
        State.UpdateDeliverySettings(State.DeliverySettings with { DuplicateDelivery = true });

        var wamid = await SendAsCustomerAsync(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = "twice" } });

        var received = await receiver.WaitForAsync(r => r.Count >= 2);
        MessagesOf(received).Select(m => m["id"]!.GetValue<string>()).ShouldBe([wamid, wamid]);
    }

    [Fact]
    public async Task Delivery_BatchSizeThree_OnePostCarriesAllThreeMessagesInOrder()
    {
        await using var receiver = await ConnectReceiverAsync();
        State.UpdateDeliverySettings(State.DeliverySettings with { BatchSize = 3 });

        var sent = new List<string>();
        foreach (var body in (string[])["one", "two", "three"])
        {
            sent.Add(await SendAsCustomerAsync(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = body } }));
        }

        var webhook = (await receiver.WaitForAsync(r => MessagesOf(r).Count() >= 3)).ShouldHaveSingleItem();
        var value = ValueOf(webhook);
        value["messages"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ShouldBe(sent);
        value["contacts"]!.AsArray().Count.ShouldBe(1);
        webhook.Signature.ShouldBe(ExpectedSignature(webhook.Body));
    }

    [Fact]
    public async Task Delivery_WabaNotSubscribed_NothingIsSentAndThePhoneSaysWhy()
    {
        var support = State.PhoneNumbers[2];
        await using var receiver = await ConnectReceiverAsync(support, subscribe: false);

        var wamid = await SendAsCustomerAsync(new JsonObject
        {
            ["phone_number_id"] = support.Id,
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = "anyone there?" },
        });

        await WaitUntilAsync(() => Deliveries.StateOf(wamid)?.State == SandboxDeliveryState.NotSent);
        Deliveries.StateOf(wamid)!.Note!.ShouldContain("not subscribed");
        await Task.Delay(200);
        receiver.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task StatusApi_Read_ReceiverGetsAStatusesChangeWithoutContacts()
    {
        await using var receiver = await ConnectReceiverAsync();
        using var http = App.CreateHttpClient();

        var response = await http.PostAsJsonAsync("/sandbox/statuses", new { phone_number_id = Phone.Id, id = "wamid.OUTBOUND1", status = "read", recipient_id = CustomerWaId });

        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"success":true}""");
        var webhook = (await receiver.WaitForAsync(r => r.Count >= 1)).ShouldHaveSingleItem();
        var value = ValueOf(webhook);
        value["contacts"].ShouldBeNull();
        value["messages"].ShouldBeNull();
        var status = value["statuses"]!.AsArray().ShouldHaveSingleItem()!;
        status["id"]!.GetValue<string>().ShouldBe("wamid.OUTBOUND1");
        status["status"]!.GetValue<string>().ShouldBe("read");
        status["recipient_id"]!.GetValue<string>().ShouldBe(CustomerWaId);
        status["timestamp"]!.GetValueKind().ShouldBe(System.Text.Json.JsonValueKind.String);
        webhook.Signature.ShouldBe(ExpectedSignature(webhook.Body));
    }

    [Fact]
    public async Task CustomerApi_UnknownPhoneNumber_RefusedWithAPlainMessage()
    {
        using var http = App.CreateHttpClient();

        var response = await http.PostAsJsonAsync($"/sandbox/customers/{CustomerWaId}/messages", new { phone_number_id = "123", type = "text", text = new { body = "hi" } });

        ((int)response.StatusCode).ShouldBe(400);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["message"]!.GetValue<string>().ShouldContain("phone_number_id must be one of the Sandbox numbers");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(25);
        }
    }
}
