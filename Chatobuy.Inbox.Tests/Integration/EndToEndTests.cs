using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Media;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Integration;

/// <summary>
/// The customer API sends every type through the Sandbox's signed webhooks to a channel connected by the wizard;
/// everything lands once, over real HTTP.
/// </summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private const string Customer = "5511987654321";
    private readonly InboxApp _app = new();
    private Channel _channel = default!;

    public async Task InitializeAsync()
    {
        _app.Settings["Sandbox:Webhooks:RetryBaseMilliseconds"] = "50";
        await _app.InitializeAsync();
        _channel = await SandboxChannel.ConnectAsync(_app, "End to end");
        _channel.WebhookOverrideUrl.ShouldNotBeNull();
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task CustomerSendsEveryType_AllLandOnceWithTheirFields()
    {
        using var client = _app.CreateHttpClient();
        var imageBytes = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray();
        var mediaId = await UploadAsync(client, imageBytes, "image/jpeg", "receipt.jpg");

        var sends = new (string Type, JsonObject Body)[]
        {
            ("text", new JsonObject { ["text"] = new JsonObject { ["body"] = "Olá! Is my order ready? 😀" } }),
            ("image", new JsonObject { ["media_id"] = mediaId, ["caption"] = "The receipt" }),
            ("location", new JsonObject { ["location"] = new JsonObject { ["latitude"] = -23.55, ["longitude"] = -46.63, ["name"] = "Paulista", ["address"] = "Av. Paulista 1000" } }),
            ("contacts", new JsonObject { ["contacts"] = new JsonArray(new JsonObject { ["name"] = new JsonObject { ["formatted_name"] = "Ana Souza", ["first_name"] = "Ana" } }) }),
            ("interactive", new JsonObject { ["interactive"] = new JsonObject { ["type"] = "button_reply", ["button_reply"] = new JsonObject { ["id"] = "yes", ["title"] = "Yes" } } }),
            ("order", new JsonObject { ["order"] = new JsonObject { ["catalog_id"] = "cat-1", ["product_items"] = new JsonArray(new JsonObject { ["product_retailer_id"] = "sku-1", ["quantity"] = 2, ["item_price"] = 9.9, ["currency"] = "BRL" }) } }),
        };
        var wamids = new Dictionary<string, string>();
        foreach (var (type, body) in sends)
        {
            body["phone_number_id"] = _channel.PhoneNumberId;
            body["name"] = "Maria Silva";
            body["type"] = type;
            var response = await client.PostAsJsonAsync($"/sandbox/customers/{Customer}/messages", body);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
            wamids[type] = answer!["messages"]![0]!["id"]!.GetValue<string>();
        }

        var reaction = new JsonObject
        {
            ["phone_number_id"] = _channel.PhoneNumberId,
            ["name"] = "Maria Silva",
            ["type"] = "reaction",
            ["reaction"] = new JsonObject { ["message_id"] = wamids["text"], ["emoji"] = "👍" },
        };
        (await client.PostAsJsonAsync($"/sandbox/customers/{Customer}/messages", reaction)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stored = await WaitForAsync(messages => messages.Count == sends.Length + 1);

        stored.Select(m => m.WaMessageId).ShouldBe(wamids.Values.Append(stored.Single(m => m.Type == "reaction").WaMessageId), ignoreOrder: true);
        stored.Single(m => m.Type == "text").Text.ShouldBe("Olá! Is my order ready? 😀");
        var image = stored.Single(m => m.Type == "image");
        image.Text.ShouldBe("The receipt");
        image.MediaId.ShouldBe(mediaId);
        image.MediaSha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(imageBytes)));
        stored.Single(m => m.Type == "location").Text.ShouldBe("Paulista, Av. Paulista 1000");
        stored.Single(m => m.Type == "contacts").Text.ShouldBe("Ana Souza");
        stored.Single(m => m.Type == "interactive").Text.ShouldBe("Yes");
        stored.Single(m => m.Type == "order").Text.ShouldBe("2 items");
        // The media worker fetched the image from the Sandbox with the channel's token, and its bytes check out.
        var downloaded = (await WaitForAsync(messages => messages.Single(m => m.Type == "image").MediaState != MediaState.Pending)).Single(m => m.Type == "image");
        downloaded.MediaState.ShouldBe(MediaState.Downloaded, downloaded.MediaError);
        var file = _app.Services.GetRequiredService<MediaStore>().FullPath(downloaded.MediaPath!)!;
        System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(file)).ShouldBe(System.Security.Cryptography.SHA256.HashData(imageBytes));
        Path.GetFileNameWithoutExtension(file).ShouldBe(image.MediaSha256);

        await using var db = await _app.DbAsync();
        (await db.Reactions.SingleAsync(r => r.TargetWaMessageId == wamids["text"])).Emoji.ShouldBe("👍");
        (await db.Contacts.SingleAsync(c => c.WaId == Customer)).ProfileName.ShouldBe("Maria Silva");
        var channel = await _app.ReloadAsync(_channel);
        channel.FirstSignedEventAt.ShouldNotBeNull();
        channel.RefusedSignatureCount.ShouldBe(0);
    }

    private async Task<string> UploadAsync(HttpClient client, byte[] bytes, string mime, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(mime);
        form.Add(file, "file", fileName);
        var response = await client.PostAsync("/sandbox/customers/media", form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>Webhooks arrive asynchronously: wait (up to 30 s) until the stored messages satisfy <paramref name="done"/>.</summary>
    private async Task<List<Message>> WaitForAsync(Func<List<Message>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var messages = await _app.MessagesAsync(_channel.Id);
            if (done(messages) || DateTime.UtcNow > deadline)
            {
                return messages;
            }

            await Task.Delay(100);
        }
    }
}
