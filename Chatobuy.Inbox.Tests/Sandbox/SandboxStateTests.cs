using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Sandbox;
using Chatobuy.Inbox.Sandbox.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Sandbox;

public sealed class SandboxStateTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "chatobuy-inbox-tests", Guid.NewGuid().ToString("N"));

    private SandboxState NewState(string businessId = "880000000000001") => new(
        Options.Create(new SandboxOptions { BusinessId = businessId, AccessToken = "EAAStateTestToken00000000000", AppSecret = "state0test0secret000" }),
        new DataPaths(_dataDirectory),
        TimeProvider.System,
        NullLogger<SandboxState>.Instance);

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public void Seed_SameOptions_GivesTheSameIds()
    {
        var first = NewState();
        var second = NewState();
        var otherBusiness = NewState("880000000000002");

        second.Wabas.Select(w => w.Id).ShouldBe(first.Wabas.Select(w => w.Id));
        second.PhoneNumbers.Select(p => p.Id).ShouldBe(first.PhoneNumbers.Select(p => p.Id));
        otherBusiness.Wabas[0].Id.ShouldNotBe(first.Wabas[0].Id);
        first.WabasOf(SandboxOwnership.Owned).ShouldHaveSingleItem().Name.ShouldBe("Chatobuy Sandbox Store");
        first.WabasOf(SandboxOwnership.Client).ShouldHaveSingleItem().Name.ShouldBe("Chatobuy Sandbox Support");
        first.PhoneNumbersOf(first.Wabas[0].Id).Count.ShouldBe(2);
    }

    [Fact]
    public void Setup_AfterRestart_IsStillThere()
    {
        var before = NewState();
        var waba = before.Wabas[0];
        var phone = before.PhoneNumbers[0];
        before.Subscribe(waba.Id, new SandboxWebhookOverride("https://waba.example/hook", "w"));
        before.SetPhoneWebhookOverride(phone.Id, new SandboxWebhookOverride("https://phone.example/hook", "p"));

        var after = NewState();

        after.GetSubscription(waba.Id)!.Override!.CallbackUri.ShouldBe("https://waba.example/hook");
        after.GetPhoneWebhookOverride(phone.Id).ShouldBe(new SandboxWebhookOverride("https://phone.example/hook", "p"));
        after.Calls.Select(c => c.Kind).ShouldBe([SandboxCallKind.Subscribe, SandboxCallKind.PhoneWebhookSet]);
    }

    [Fact]
    public void EffectiveWebhookOverride_PhoneAndWabaOverrides_PhoneWins()
    {
        var state = NewState();
        var phone = state.PhoneNumbers[1];
        state.Subscribe(phone.WabaId, new SandboxWebhookOverride("https://waba.example/hook", "w"));

        state.EffectiveWebhookOverride(phone.Id)!.CallbackUri.ShouldBe("https://waba.example/hook");
        state.SetPhoneWebhookOverride(phone.Id, new SandboxWebhookOverride("https://phone.example/hook", "p"));
        state.EffectiveWebhookOverride(phone.Id)!.CallbackUri.ShouldBe("https://phone.example/hook");
        state.SetPhoneWebhookOverride(phone.Id, null);
        state.EffectiveWebhookOverride(phone.Id)!.CallbackUri.ShouldBe("https://waba.example/hook");
    }

    [Fact]
    public void Load_CorruptFile_StartsFromTheSeed()
    {
        Directory.CreateDirectory(_dataDirectory);
        File.WriteAllText(Path.Combine(_dataDirectory, SandboxState.FileName), "{ not json");

        var state = NewState();

        state.Calls.ShouldBeEmpty();
        state.Wabas.Count.ShouldBe(2);
    }
}
