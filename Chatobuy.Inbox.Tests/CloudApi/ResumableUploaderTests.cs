using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Tests.Features.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.CloudApi;

public sealed class ResumableUploaderTests
{
    private static readonly GraphConnection Connection = new("https://graph.example", "v23.0", "token-token-token-token");

    [Fact]
    public void SessionUri_MetasSessionId_KeepsSigAsTheQueryString()
    {
        var uri = ResumableUploader.SessionUri(Connection, "upload:MTphdHRhY2htZW50Ojlk?sig=ARZqkGCA_uQMxC8nHKI")!;

        uri.AbsolutePath.ShouldBe("/v23.0/upload:MTphdHRhY2htZW50Ojlk");
        uri.Query.ShouldBe("?sig=ARZqkGCA_uQMxC8nHKI");
    }

    [Fact]
    public void SessionUri_NotAnUploadId_IsRefused()
    {
        ResumableUploader.SessionUri(Connection, "12345/../me").ShouldBeNull();
    }

    [Theory]
    [InlineData("image/gif", 10)]
    [InlineData("text/plain", 10)]
    [InlineData("image/png", 0)]
    public async Task Upload_TypeMetaRefusesOrEmptyFile_RefusedBeforeCallingMeta(string mimeType, int length)
    {
        var api = new FakeGraphApi();
        var uploader = new ResumableUploader(api, new NoHttpClients(), Options.Create(new CloudApiOptions()), NullLogger<ResumableUploader>.Instance);

        var result = await uploader.UploadAsync(Connection, "file", mimeType, new byte[length], CancellationToken.None);

        result.Error.ShouldNotBeNull().Code.ShouldBe(GraphErrorExplainer.NotSent);
        result.Error.Explanation.ShouldContain(length == 0 ? "empty" : "PDF, JPEG, PNG or MP4");
        api.Calls.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("670843887433847", "uploads:670843887433847")]
    [InlineData(null, "uploads:app")]
    public async Task Upload_AppFromDebugToken_OrTheTokensAppWhenItNamesNone(string? appId, string expectedCall)
    {
        var api = new FakeGraphApi { DebugTokenAppId = appId };
        var handler = new RecordingHandler();
        var uploader = new ResumableUploader(api, new StubHttpClients(handler), Options.Create(new CloudApiOptions()), NullLogger<ResumableUploader>.Instance);

        var result = await uploader.UploadAsync(Connection, "logo.png", "image/png", new byte[] { 1, 2, 3 }, CancellationToken.None);

        result.Value.ShouldBe("4:handle");
        api.Calls.ShouldBe(["debug_token", expectedCall]);
        var chunk = handler.Requests.ShouldHaveSingleItem();
        chunk.Uri.ShouldBe("https://graph.example/v23.0/upload:fake1?sig=fakesig");
        chunk.Authorization.ShouldBe("OAuth token-token-token-token");
        chunk.FileOffset.ShouldBe("0");
    }

    private sealed record SentChunk(string Uri, string? Authorization, string? FileOffset);

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<SentChunk> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(new SentChunk(
                request.RequestUri!.AbsoluteUri,
                request.Headers.Authorization?.ToString(),
                request.Headers.TryGetValues("file_offset", out var offsets) ? offsets.Single() : null));
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("""{"h":"4:handle"}""") });
        }
    }

    private sealed class StubHttpClients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class NoHttpClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("No HTTP call was expected.");
    }
}
