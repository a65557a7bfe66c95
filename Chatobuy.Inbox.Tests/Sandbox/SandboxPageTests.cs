using Bunit;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Sandbox;
using Chatobuy.Inbox.Sandbox.Pages;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>The Sandbox page in bUnit, over a Sandbox state of its own.</summary>
public sealed class SandboxPageTests : ComponentTestContext
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "chatobuy-inbox-tests", Guid.NewGuid().ToString("N"));
    private readonly SandboxOptions _options = new()
    {
        AccessToken = "EAASandboxPageTestToken000000000000",
        AppSecret = "page0test0secret0000000000",
    };

    private readonly SandboxState _state;

    public SandboxPageTests()
    {
        _state = new SandboxState(Microsoft.Extensions.Options.Options.Create(_options), new DataPaths(_dataDirectory), TimeProvider.System, NullLogger<SandboxState>.Instance);
        Services.AddSingleton(_state);
        Services.AddSingleton<IOptions<SandboxOptions>>(Microsoft.Extensions.Options.Options.Create(_options));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private IRenderedComponent<SandboxPage> RenderPage()
    {
        RenderProviders();
        return Render<SandboxPage>();
    }

    [Fact]
    public void SandboxPage_Rendered_ShowsCredentialsAndGraphAddress()
    {
        var page = RenderPage();

        page.Find("[data-testid=sandbox-intro]").TextContent.ShouldContain("emulator of Meta's WhatsApp Cloud API");
        page.Find("[data-testid=business-id]").TextContent.ShouldBe(_state.BusinessId);
        page.Find("[data-testid=access-token]").TextContent.ShouldBe(_options.AccessToken);
        page.Find("[data-testid=app-secret]").TextContent.ShouldBe(_options.AppSecret);
        page.Find("[data-testid=graph-address]").TextContent.ShouldBe("http://localhost/sandbox/graph");
        page.Find("[data-testid=sandbox-howto]").TextContent.ShouldContain("Built-in Sandbox");
        page.FindAll("[data-testid=copy-access-token]").ShouldHaveSingleItem();
    }

    [Fact]
    public void SandboxPage_Rendered_ListsBothWabasWithTheirNumbers()
    {
        var page = RenderPage();

        var store = page.Find($"[data-testid=waba-{_state.Wabas[0].Id}]").TextContent;
        store.ShouldContain("Chatobuy Sandbox Store");
        store.ShouldContain("Owned");
        store.ShouldContain("+1 555-0100");
        store.ShouldContain("+1 555-0101");
        var support = page.Find($"[data-testid=waba-{_state.Wabas[1].Id}]").TextContent;
        support.ShouldContain("Shared");
        support.ShouldContain("+1 555-0102");
        page.Find($"[data-testid=override-{_state.PhoneNumbers[0].Id}]").TextContent.Trim().ShouldBe("not set");
        page.Find("[data-testid=calls-empty]").ShouldNotBeNull();
    }

    [Fact]
    public void SandboxPage_OverrideSetMeanwhile_ShowsItAndTheRecordedCall()
    {
        var page = RenderPage();
        var phone = _state.PhoneNumbers[1];

        _state.SetPhoneWebhookOverride(phone.Id, new SandboxWebhookOverride("https://example.test/hook", "hush-verify-token"));

        page.WaitForAssertion(() =>
        {
            page.Find($"[data-testid=override-{phone.Id}]").TextContent.Trim().ShouldBe("https://example.test/hook");
            page.Find("[data-testid=calls]").TextContent.ShouldContain("webhook_configuration (set)");
        });
        page.Markup.ShouldNotContain("hush-verify-token");
    }

    [Fact]
    public async Task SandboxPage_SandboxNotRegistered_SaysItIsOff()
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Render<MudProviders>();

        var page = context.Render<SandboxPage>();

        page.Find("[data-testid=sandbox-off]").TextContent.ShouldContain("Sandbox is turned off");
    }
}
