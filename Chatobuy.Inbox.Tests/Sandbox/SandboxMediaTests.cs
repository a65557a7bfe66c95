using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>Media as the inbox's Graph client sees it: upload, look up, download with the token, delete.</summary>
public sealed class SandboxMediaTests(SandboxDeliveryApp fixture) : SandboxDeliveryTestBase(fixture)
{
    [Fact]
    public async Task UploadedMedia_LookedUpAndDownloaded_GivesSignedUrlSha256AndTheExactBytes()
    {
        using var http = GraphClient();
        var bytes = RandomNumberGenerator.GetBytes(4096);
        var id = await UploadAsync(http, bytes, "image/jpeg", "photo.jpg");

        var info = JsonNode.Parse(await http.GetStringAsync($"/sandbox/graph/v23.0/{id}"))!;
        using var anonymous = App.CreateHttpClient();
        var url = info["url"]!.GetValue<string>();
        var withoutToken = await anonymous.GetAsync(url);
        var withToken = await http.GetAsync(url);

        info["messaging_product"]!.GetValue<string>().ShouldBe("whatsapp");
        info["id"]!.GetValue<string>().ShouldBe(id);
        info["mime_type"]!.GetValue<string>().ShouldBe("image/jpeg");
        info["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        info["file_size"]!.GetValue<string>().ShouldBe("4096");
        url.ShouldStartWith(App.BaseAddress + "sandbox/media/" + id + "?");
        url.ShouldContain("sig=");
        withoutToken.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        withToken.StatusCode.ShouldBe(HttpStatusCode.OK);
        withToken.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        (await withToken.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
    }

    [Fact]
    public async Task MediaUrl_SignatureTampered_NotFoundEvenWithTheToken()
    {
        using var http = GraphClient();
        var id = await UploadAsync(http, RandomNumberGenerator.GetBytes(100), "application/pdf", "menu.pdf");
        var url = JsonNode.Parse(await http.GetStringAsync($"/sandbox/graph/v23.0/{id}"))!["url"]!.GetValue<string>();

        var tampered = await http.GetAsync(url.Replace("exp=", "exp=9"));

        tampered.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletedMedia_LookedUpAgain_IsUnknown()
    {
        using var http = GraphClient();
        var id = await UploadAsync(http, RandomNumberGenerator.GetBytes(100), "audio/ogg", "voice.ogg");

        var deleted = await http.DeleteAsync($"/sandbox/graph/v23.0/{id}");
        var again = await http.GetAsync($"/sandbox/graph/v23.0/{id}");

        (await deleted.Content.ReadAsStringAsync()).ShouldBe("""{"success":true}""");
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await again.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<int>().ShouldBe(100);
    }

    [Theory]
    [InlineData("image/gif", 1000, "Received file of type 'image/gif'")]
    [InlineData("image/png", 5_000_001, "at most 5 MB")]
    [InlineData("image/webp", 600_000, "at most 500 KB")]
    public async Task Upload_TypeOrSizeMetaRefuses_Error131053WithDetails(string mimeType, int size, string details)
    {
        using var http = GraphClient();

        var response = await http.PostAsync($"/sandbox/graph/v23.0/{Phone.Id}/media", Form(new byte[size], mimeType, "file.bin"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        error["code"]!.GetValue<int>().ShouldBe(131053);
        error["message"]!.GetValue<string>().ShouldBe("(#131053) Media upload error");
        error["error_data"]!["details"]!.GetValue<string>().ShouldContain(details);
    }

    private async Task<string> UploadAsync(HttpClient http, byte[] bytes, string mimeType, string fileName)
    {
        var response = await http.PostAsync($"/sandbox/graph/v23.0/{Phone.Id}/media", Form(bytes, mimeType, fileName));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    private static MultipartFormDataContent Form(byte[] bytes, string mimeType, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        form.Add(file, "file", fileName);
        form.Add(new StringContent("whatsapp"), "messaging_product");
        form.Add(new StringContent(mimeType), "type");
        return form;
    }
}
