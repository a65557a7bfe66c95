using System.Net.Http.Json;
using System.Text.Json;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Integration;

/// <summary>The wizard's services against the built-in Sandbox, over real HTTP on Kestrel.</summary>
public sealed class ChannelLifecycleTests(InboxApp app) : IClassFixture<InboxApp>
{
    private IConfiguration Configuration => app.Services.GetRequiredService<IConfiguration>();

    private ConnectChannelModel SandboxModel(string title, string? token = null)
    {
        var model = SandboxChannel.Model(app, title);
        model.AccessToken = token ?? model.AccessToken;
        return model;
    }

    [Fact]
    public async Task Wizard_FetchAndFinish_CreatesAConnectedChannelAndTheSandboxRecordsTheSubscription()
    {
        await using var scope = app.CreateScope();
        var setup = scope.ServiceProvider.GetRequiredService<ChannelSetupService>();
        var model = SandboxModel("Wizard line");

        var fetched = await setup.FetchNumbersAsync(model, CancellationToken.None);

        fetched.Error.ShouldBeNull();
        fetched.Accounts.Count.ShouldBe(2);
        fetched.Accounts.SelectMany(a => a.Numbers).Count().ShouldBe(3);
        var account = fetched.Accounts.First(a => a.Numbers.Any(n => n.ConnectedToChannel is null));
        var number = account.Numbers.First(n => n.ConnectedToChannel is null);

        var finished = await setup.FinishAsync(model, account, number, app.BaseAddress.ToString(), CancellationToken.None);

        finished.Error.ShouldBeNull();
        finished.WebhookWarning.ShouldBeNull();
        var channel = finished.Channel.ShouldNotBeNull();
        channel.Status.ShouldBe(ChannelStatus.Connected);
        channel.WebhookOverrideUrl.ShouldBe($"{app.BaseAddress.ToString().TrimEnd('/')}/webhooks/whatsapp/{channel.Id}");
        channel.WebhookVerifiedAt.ShouldNotBeNull("the Sandbox ran the verification handshake against the channel's URL");

        using var http = app.CreateHttpClient();
        var subscribed = await http.GetFromJsonAsync<JsonElement>(
            $"/sandbox/graph/v23.0/{account.WabaId}/subscribed_apps?access_token={Uri.EscapeDataString(model.AccessToken)}");
        subscribed.GetProperty("data").GetArrayLength().ShouldBe(1);
        subscribed.GetProperty("data")[0].GetProperty("whatsapp_business_api_data").GetProperty("id").GetString().ShouldBe(Configuration["Sandbox:AppId"]);

        // The same number a second time is refused with a clear message, and nothing more is stored.
        var again = await setup.FinishAsync(SandboxModel("Duplicate"), account, number, app.BaseAddress.ToString(), CancellationToken.None);
        again.Error.ShouldBe($"{number.DisplayPhoneNumber} is already connected to the channel \"Wizard line\". Pick another number, or delete that channel first.");
        (await CountChannelsAsync(c => c.PhoneNumberId == number.PhoneNumberId)).ShouldBe(1);

        // Fetching again shows that number as taken.
        var refetched = await setup.FetchNumbersAsync(model, CancellationToken.None);
        refetched.Accounts.SelectMany(a => a.Numbers).Single(n => n.PhoneNumberId == number.PhoneNumberId).ConnectedToChannel.ShouldBe("Wizard line");
    }

    [Fact]
    public async Task Wizard_BadToken_ShowsThe190ExplanationAndStoresNothing()
    {
        var before = await CountChannelsAsync(_ => true);
        await using var scope = app.CreateScope();
        var setup = scope.ServiceProvider.GetRequiredService<ChannelSetupService>();

        var fetched = await setup.FetchNumbersAsync(SandboxModel("Bad token", token: "EAAthis-is-not-the-sandbox-token-000"), CancellationToken.None);

        fetched.Accounts.ShouldBeEmpty();
        fetched.Error.ShouldNotBeNull();
        fetched.Error.ShouldContain("The access token is invalid or expired.");
        fetched.Error.ShouldContain("Meta error 190");
        (await CountChannelsAsync(_ => true)).ShouldBe(before);
    }

    [Fact]
    public async Task Wizard_UnknownBusiness_SaysBusinessManagerIdNotFound()
    {
        await using var scope = app.CreateScope();
        var setup = scope.ServiceProvider.GetRequiredService<ChannelSetupService>();
        var model = SandboxModel("Unknown business");
        model.BusinessId = "123450000000999";

        var fetched = await setup.FetchNumbersAsync(model, CancellationToken.None);

        fetched.Error.ShouldNotBeNull();
        fetched.Error.ShouldStartWith("Business Manager ID not found");
    }

    [Fact]
    public async Task MarkDefaultAndDelete_KeepExactlyOneDefaultAndUnsubscribeTheLastChannelOfAnAccount()
    {
        await using var scope = app.CreateScope();
        var setup = scope.ServiceProvider.GetRequiredService<ChannelSetupService>();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        var model = SandboxModel("Default test");
        var fetched = await setup.FetchNumbersAsync(model, CancellationToken.None);
        var free = fetched.Accounts
            .SelectMany(a => a.Numbers.Where(n => n.ConnectedToChannel is null).Select(n => (Account: a, Number: n)))
            .ToList();
        free.Count.ShouldBeGreaterThanOrEqualTo(2);

        var created = new List<Channel>();
        foreach (var (account, number) in free.Take(2))
        {
            var result = await setup.FinishAsync(SandboxModel($"Line {number.PhoneNumberId}"), account, number, app.BaseAddress.ToString(), CancellationToken.None);
            created.Add(result.Channel.ShouldNotBeNull());
        }

        (await CountChannelsAsync(c => c.IsDefault)).ShouldBe(1);
        (await channels.MarkDefaultAsync(created[1].Id)).Succeeded.ShouldBeTrue();
        (await channels.MarkDefaultAsync(created[0].Id)).Succeeded.ShouldBeTrue();
        (await channels.MarkDefaultAsync(created[1].Id)).Succeeded.ShouldBeTrue();
        var defaults = await channels.ListAsync();
        defaults.Count(c => c.IsDefault).ShouldBe(1);
        defaults[0].Id.ShouldBe(created[1].Id);

        foreach (var channel in created)
        {
            var deleted = await channels.DeleteAsync(channel.Id);
            deleted.Succeeded.ShouldBeTrue();
            deleted.Warning.ShouldBeNull();
            (await channels.GetAsync(channel.Id)).ShouldBeNull();
        }

        var remaining = await channels.ListAsync();
        if (remaining.Count > 0)
        {
            remaining.Count(c => c.IsDefault).ShouldBe(1);
        }

        // A WhatsApp account with no channel left has the app unsubscribed at the Sandbox.
        var emptied = created.Select(c => c.WabaId).Distinct().Where(waba => remaining.All(r => r.WabaId != waba));
        using var http = app.CreateHttpClient();
        foreach (var waba in emptied)
        {
            var subscribed = await http.GetFromJsonAsync<JsonElement>(
                $"/sandbox/graph/v23.0/{waba}/subscribed_apps?access_token={Uri.EscapeDataString(model.AccessToken)}");
            subscribed.GetProperty("data").GetArrayLength().ShouldBe(0);
        }
    }

    private async Task<int> CountChannelsAsync(System.Linq.Expressions.Expression<Func<Channel, bool>> predicate)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        return await db.Channels.CountAsync(predicate);
    }
}
