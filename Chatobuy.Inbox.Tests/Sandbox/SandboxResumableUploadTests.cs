using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>The inbox's <see cref="ResumableUploader"/> against the Sandbox's upload sessions, over real HTTP (reference §6.3).</summary>
public sealed class SandboxResumableUploadTests(InboxApp app) : SandboxTestBase(app)
{
    private SandboxUploads Uploads => App.Services.GetRequiredService<SandboxUploads>();

    [Fact]
    public async Task Upload_WholeFileInOneChunk_HandleStandsForTheBytes()
    {
        var bytes = Bytes(1000);
        await using var scope = App.CreateScope();
        var uploader = scope.ServiceProvider.GetRequiredService<ResumableUploader>();

        var result = await uploader.UploadAsync(SandboxConnection(), "logo.png", "image/png", bytes, CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Error?.ForUser);
        result.Value.ShouldStartWith("4:");
        var file = Uploads.FindHandle(result.Value!).ShouldNotBeNull();
        file.Content.ShouldBe(bytes);
        file.FileType.ShouldBe("image/png");
        file.FileName.ShouldBe("logo.png");
    }

    [Fact]
    public async Task Upload_SmallChunks_SendsSeveralAndHandleStandsForTheWholeFile()
    {
        var bytes = Bytes(1000);
        await using var scope = App.CreateScope();
        var uploader = scope.ServiceProvider.GetRequiredService<ResumableUploader>();

        var result = await uploader.UploadAsync(SandboxConnection(), "doc.pdf", "application/pdf", bytes, chunkBytes: 300, CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Error?.ForUser);
        Uploads.FindHandle(result.Value!)!.Content.ShouldBe(bytes);
    }

    [Fact]
    public async Task Upload_ConnectionDropsMidChunk_ResumesFromTheSessionsOffset()
    {
        var bytes = Bytes(1000);
        await using var scope = App.CreateScope();
        var uploader = scope.ServiceProvider.GetRequiredService<ResumableUploader>();
        var interruptedBefore = Uploads.InterruptedChunks;
        Uploads.InterruptNextChunk();

        var result = await uploader.UploadAsync(SandboxConnection(), "photo.jpg", "image/jpeg", bytes, chunkBytes: 600, CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Error?.ForUser);
        Uploads.InterruptedChunks.ShouldBe(interruptedBefore + 1);
        Uploads.FindHandle(result.Value!)!.Content.ShouldBe(bytes);
    }

    [Fact]
    public async Task Upload_InvalidToken_ExplainsTheToken()
    {
        await using var scope = App.CreateScope();
        var uploader = scope.ServiceProvider.GetRequiredService<ResumableUploader>();

        var result = await uploader.UploadAsync(SandboxConnection("not-the-sandbox-token-at-all"), "a.png", "image/png", Bytes(10), CancellationToken.None);

        result.Error.ShouldNotBeNull().Code.ShouldBe(190);
        result.Error.Explanation.ShouldContain("access token");
    }

    [Fact]
    public async Task OpenSession_UnsupportedTypeOrEmptyFile_Code100()
    {
        using var http = GraphHttp();

        var gif = await http.SendAsync(Bearer(HttpMethod.Post, $"{Options.AppId}/uploads?file_name=a.gif&file_length=10&file_type=image/gif"));
        var empty = await http.SendAsync(Bearer(HttpMethod.Post, "app/uploads?file_name=a.png&file_length=0&file_type=image/png"));

        gif.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorOf(gif))["message"]!.GetValue<string>().ShouldContain("Param file_type must be one of");
        (await ErrorOf(empty))["code"]!.GetValue<int>().ShouldBe(100);
    }

    [Fact]
    public async Task Chunk_WrongOffsetOrSignatureOrTokenInQuery_RefusedLikeMeta()
    {
        using var http = GraphHttp();
        var opened = JsonNode.Parse(await (await http.SendAsync(Bearer(HttpMethod.Post, "app/uploads?file_name=a.png&file_length=4&file_type=image/png"))).Content.ReadAsStringAsync())!;
        var sessionId = opened["id"]!.GetValue<string>();
        sessionId.ShouldMatch(@"^upload:[A-Za-z0-9_-]+\?sig=[A-Za-z0-9_-]+$");

        var wrongOffset = await http.SendAsync(Chunk(sessionId, offset: 2, [1, 2], "OAuth " + Options.AccessToken));
        var wrongSignature = await http.SendAsync(Chunk(sessionId.Split("?sig=")[0] + "?sig=forged", offset: 0, [1, 2], "OAuth " + Options.AccessToken));
        var tokenInQuery = await http.SendAsync(Chunk(sessionId + "&access_token=" + Options.AccessToken, offset: 0, [1, 2], null));
        var first = await http.SendAsync(Chunk(sessionId, offset: 0, [1, 2], "OAuth " + Options.AccessToken));
        var progress = JsonNode.Parse(await (await http.SendAsync(Bearer(HttpMethod.Get, "./" + sessionId))).Content.ReadAsStringAsync())!;
        var last = await http.SendAsync(Chunk(sessionId, offset: 2, [3, 4], "OAuth " + Options.AccessToken));

        (await ErrorOf(wrongOffset))["message"]!.GetValue<string>().ShouldContain("file_offset");
        (await ErrorOf(wrongSignature))["code"]!.GetValue<int>().ShouldBe(104);
        tokenInQuery.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorOf(tokenInQuery))["message"]!.GetValue<string>().ShouldBe("An access token is required to request this resource.");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        progress["file_offset"]!.GetValue<long>().ShouldBe(2);
        var handle = JsonNode.Parse(await last.Content.ReadAsStringAsync())!["h"]!.GetValue<string>();
        Uploads.FindHandle(handle)!.Content.ShouldBe(new byte[] { 1, 2, 3, 4 });
    }

    private HttpClient GraphHttp() => new() { BaseAddress = new Uri(App.BaseAddress, "sandbox/graph/v23.0/") };

    private HttpRequestMessage Bearer(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Options.AccessToken);
        return request;
    }

    private static HttpRequestMessage Chunk(string sessionId, long offset, byte[] bytes, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "./" + sessionId) { Content = new ByteArrayContent(bytes) };
        request.Headers.TryAddWithoutValidation("file_offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    private static async Task<JsonNode> ErrorOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

    private static byte[] Bytes(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7 % 251)).ToArray();
}
