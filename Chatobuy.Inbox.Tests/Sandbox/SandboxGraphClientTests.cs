using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>The inbox's own Graph client against the Sandbox, over real HTTP.</summary>
public sealed class SandboxGraphClientTests(InboxApp app) : SandboxTestBase(app)
{
    [Fact]
    public async Task CheckToken_SandboxToken_IsValidWithWabaTargets()
    {
        await using var scope = App.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<GraphClient>();

        var result = await client.CheckTokenAsync(SandboxConnection(), CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Error?.ForUser);
        var data = result.Value!;
        data.IsValid.ShouldBeTrue();
        data.AppId.ShouldBe(Options.AppId);
        data.Type.ShouldBe("SYSTEM_USER");
        data.ExpiresAt.ShouldBe(0);
        data.Scopes.ShouldBe(["business_management", "whatsapp_business_management", "whatsapp_business_messaging"]);
        var newestFirst = State.Wabas.Select(w => w.Id).Reverse().ToList();
        data.GranularScopes!.Single(s => s.Scope == "whatsapp_business_management").TargetIds.ShouldBe(newestFirst);
        data.GranularScopes!.Single(s => s.Scope == "whatsapp_business_messaging").TargetIds.ShouldBe(newestFirst);
        data.GranularScopes!.Single(s => s.Scope == "business_management").TargetIds.ShouldBeNull();
    }

    [Fact]
    public async Task ListWabas_SandboxBusiness_ReturnsOwnedAndClientAccounts()
    {
        await using var scope = App.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<GraphClient>();

        var result = await client.ListWabasAsync(SandboxConnection(), Options.BusinessId, CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Error?.ForUser);
        result.Value!.Select(w => w.Name).ShouldBe(["Chatobuy Sandbox Store", "Chatobuy Sandbox Support"]);
        var store = result.Value![0];
        store.Currency.ShouldBe("USD");
        store.TimezoneId.ShouldBe("1");
        store.MessageTemplateNamespace.ShouldNotBeNullOrEmpty();
        store.Id.ShouldMatch("^[0-9]{15}$");
    }

    [Fact]
    public async Task ListPhoneNumbers_EachWaba_ReturnsItsNumbers()
    {
        await using var scope = App.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<GraphClient>();
        var wabas = (await client.ListWabasAsync(SandboxConnection(), Options.BusinessId, CancellationToken.None)).Value!;

        var store = await client.ListPhoneNumbersAsync(SandboxConnection(), wabas[0].Id, CancellationToken.None);
        var support = await client.ListPhoneNumbersAsync(SandboxConnection(), wabas[1].Id, CancellationToken.None);

        store.Value!.Select(p => p.DisplayPhoneNumber).ShouldBe(["+1 555-0100", "+1 555-0101"]);
        support.Value!.Select(p => p.DisplayPhoneNumber).ShouldBe(["+1 555-0102"]);
        var first = store.Value![0];
        first.VerifiedName.ShouldBe("Chatobuy Sandbox Store");
        first.QualityRating.ShouldBe("GREEN");
        first.CodeVerificationStatus.ShouldBe("VERIFIED");
        first.NameStatus.ShouldBe("APPROVED");
        first.Status.ShouldBe("CONNECTED");
        first.PlatformType.ShouldBe("CLOUD_API");
        first.Throughput!.Level.ShouldBe("STANDARD");
        store.Value![1].CodeVerificationStatus.ShouldBe("NOT_VERIFIED");
    }

    [Fact]
    public async Task CheckToken_WrongToken_FailsWithCode190ExplainingTheToken()
    {
        await using var scope = App.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<GraphClient>();

        var result = await client.CheckTokenAsync(SandboxConnection("EAAnotTheSandboxToken"), CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Error!.Code.ShouldBe(190);
        result.Error.HttpStatus.ShouldBe(401);
        result.Error.Type.ShouldBe("OAuthException");
        result.Error.FbTraceId.ShouldNotBeNullOrEmpty();
        result.Error.Explanation.ShouldContain("token");
    }

    [Fact]
    public async Task ListWabas_UnknownBusinessId_FailsWithCode100()
    {
        await using var scope = App.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<GraphClient>();

        var result = await client.ListWabasAsync(SandboxConnection(), "123456789012345", CancellationToken.None);

        result.Error!.Code.ShouldBe(100);
        result.Error.Subcode.ShouldBe(33);
        result.Error.Type.ShouldBe("GraphMethodException");
        result.Error.MetaMessage.ShouldStartWith("Unsupported get request. Object with ID '123456789012345' does not exist");
        result.Error.Explanation.ShouldContain("Business Manager ID not found");
    }

    [Fact]
    public async Task SubscribeApp_OwnedWaba_SubscribedAppsShowsTheApp()
    {
        await using var scope = App.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<GraphClient>();
        var wabaId = State.Wabas[0].Id;

        var subscribed = await client.SubscribeAppAsync(SandboxConnection(), wabaId, CancellationToken.None);
        var apps = await client.GetSubscribedAppsAsync(SandboxConnection(), wabaId, CancellationToken.None);

        subscribed.Value.ShouldBeTrue();
        var only = apps.Value!.ShouldHaveSingleItem();
        only.WhatsAppBusinessApiData!.Id.ShouldBe(Options.AppId);
        only.WhatsAppBusinessApiData.Name.ShouldBe(Options.AppName);
        only.WhatsAppBusinessApiData.Link.ShouldBe($"https://www.facebook.com/games/?app_id={Options.AppId}");
        only.OverrideCallbackUri.ShouldBeNull();
        State.Calls.ShouldContain(c => c.Kind == SandboxCallKind.Subscribe && c.ObjectId == wabaId);
    }

    [Fact]
    public async Task UnsubscribeApp_SubscribedWaba_SubscribedAppsIsEmpty()
    {
        await using var scope = App.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<GraphClient>();
        var wabaId = State.Wabas[1].Id;
        (await client.SubscribeAppAsync(SandboxConnection(), wabaId, CancellationToken.None)).Value.ShouldBeTrue();

        var unsubscribed = await client.UnsubscribeAppAsync(SandboxConnection(), wabaId, CancellationToken.None);
        var apps = await client.GetSubscribedAppsAsync(SandboxConnection(), wabaId, CancellationToken.None);

        unsubscribed.Value.ShouldBeTrue();
        apps.Value.ShouldBeEmpty();
        State.Calls.ShouldContain(c => c.Kind == SandboxCallKind.Unsubscribe && c.ObjectId == wabaId);
    }
}
