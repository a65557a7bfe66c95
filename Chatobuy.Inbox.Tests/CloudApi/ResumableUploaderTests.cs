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

    private sealed class NoHttpClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("No HTTP call was expected.");
    }
}
