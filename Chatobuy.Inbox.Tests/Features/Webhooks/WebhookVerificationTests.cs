using System.Net;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Webhooks;

public sealed class WebhookVerificationTests(InboxApp app) : IClassFixture<InboxApp>
{
    [Fact]
    public async Task Handshake_RightVerifyToken_EchoesTheChallengeAsPlainTextAndRecordsIt()
    {
        var channel = await AddChannelAsync();
        using var client = app.CreateHttpClient();

        var response = await client.GetAsync($"/webhooks/whatsapp/{channel.Id}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token={channel.VerifyToken}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await response.Content.ReadAsStringAsync()).ShouldBe("1158201444");
        var view = await app.CreateScope().ServiceProvider.GetRequiredService<ChannelService>().GetAsync(channel.Id);
        view!.WebhookVerifiedAt.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("subscribe", "wrong-token")]
    [InlineData("unsubscribe", null)]
    [InlineData("subscribe", "")]
    public async Task Handshake_WrongTokenOrMode_IsForbidden(string mode, string? token)
    {
        var channel = await AddChannelAsync();
        using var client = app.CreateHttpClient();

        var response = await client.GetAsync($"/webhooks/whatsapp/{channel.Id}?hub.mode={mode}&hub.challenge=1158201444&hub.verify_token={token ?? channel.VerifyToken}");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("1158201444");
    }

    [Fact]
    public async Task Handshake_UnknownChannel_IsForbidden()
    {
        using var client = app.CreateHttpClient();
        var response = await client.GetAsync("/webhooks/whatsapp/00000000000000000000000000000000?hub.mode=subscribe&hub.challenge=42&hub.verify_token=x");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<Channel> AddChannelAsync()
    {
        var services = app.Services;
        var channel = TestChannels.New(services.GetRequiredService<ChannelSecrets>(), "Handshake", Guid.NewGuid().ToString("N")[..12]);
        await using var db = await services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        return channel;
    }
}
