using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.CloudApi;

/// <summary>
/// A Graph API that cannot be reached comes back as a failed result the inbox explains, never as an exception: no such
/// host or a refused connection is "unreachable": nothing left, so trying again is safe.
/// </summary>
public sealed class GraphClientTransportTests(InboxApp app) : IClassFixture<InboxApp>
{
    [Theory]
    [InlineData("http://no-such-host.invalid")]
    [InlineData("http://127.0.0.1:1")]
    public async Task GetMedia_GraphUnreachable_FailedResultSaysUnreachable(string baseUrl)
    {
        var result = await WithGraphAsync(graph => graph.GetMediaAsync(Connection(baseUrl), "media-1", CancellationToken.None));

        result.Succeeded.ShouldBeFalse();
        result.Error!.Code.ShouldBe(GraphErrorExplainer.Unreachable);
    }

    [Fact]
    public async Task SendMessage_ConnectionRefused_UnreachableNotUnconfirmed()
    {
        var result = await WithGraphAsync(graph => graph.SendMessageAsync(Connection("http://127.0.0.1:1"), "pn-1", MessageRequest.ForText("Hi", false), CancellationToken.None));

        result.Succeeded.ShouldBeFalse();
        result.Error!.Code.ShouldBe(GraphErrorExplainer.Unreachable);
        result.Error.IsUnconfirmed.ShouldBeFalse();
    }

    private async Task<T> WithGraphAsync<T>(Func<GraphClient, Task<T>> use)
    {
        await using var scope = app.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<GraphClient>());
    }

    private static GraphConnection Connection(string baseUrl) => new(baseUrl, "v23.0", "EAAtoken1234567890abcd");
}
