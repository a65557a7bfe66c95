using Bunit;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Sandbox;
using Chatobuy.Inbox.Sandbox.Delivery;
using Chatobuy.Inbox.Sandbox.Pages;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>The Sandbox page's template panel: the seeded templates, and Meta's moves shown as they happen.</summary>
public sealed class SandboxTemplatesPanelTests : ComponentTestContext
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "chatobuy-inbox-tests", Guid.NewGuid().ToString("N"));
    private readonly SandboxTemplates _templates;
    private readonly SandboxTemplateReview _review;
    private readonly SandboxWebhookQueue _queue;

    public SandboxTemplatesPanelTests()
    {
        var options = Options.Create(new SandboxOptions { AccessToken = "EAASandboxPanelTestToken0000000000", AppSecret = "panel0test0secret000000000" });
        var paths = new DataPaths(_dataDirectory);
        var state = new SandboxState(options, paths, TimeProvider.System, NullLogger<SandboxState>.Instance);
        _templates = new SandboxTemplates(state, paths, TimeProvider.System, NullLogger<SandboxTemplates>.Instance);
        _queue = new SandboxWebhookQueue(new SandboxDeliveryLog(TimeProvider.System));
        _review = new SandboxTemplateReview(_templates, _queue, options, TimeProvider.System, NullLogger<SandboxTemplateReview>.Instance);
        Services.AddSingleton(state);
        Services.AddSingleton(_templates);
        Services.AddSingleton(_review);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public void Panel_ListsSeededTemplatesAndExplainsTheReview()
    {
        RenderProviders();
        var panel = Render<SandboxTemplatesPanel>(p => p.Add(x => x.ReviewDelayMilliseconds, 3000));

        panel.Find("[data-testid=sandbox-templates]").TextContent.ShouldContain("pending for 3 seconds");
        panel.Find("[data-testid=sandbox-templates]").TextContent.ShouldContain("“lottery”");
        panel.Find("[data-testid=sandbox-template-spring_sale-en_US] [data-testid=sandbox-template-status]").TextContent.ShouldBe("PAUSED");
    }

    [Fact]
    public void MetaPausesATemplate_PanelShowsItAndAWebhookIsQueued()
    {
        RenderProviders();
        var panel = Render<SandboxTemplatesPanel>(p => p.Add(x => x.ReviewDelayMilliseconds, 3000));
        var hello = _templates.List(FirstWaba()).First(t => t.Name == "hello_world");

        _review.ChangeStatus(hello.Id, "PAUSED");

        panel.WaitForAssertion(() => panel.Find("[data-testid=sandbox-template-hello_world-en_US] [data-testid=sandbox-template-status]").TextContent.ShouldBe("PAUSED"));
        _queue.Reader.TryRead(out var update).ShouldBeTrue();
        update!.Field.ShouldBe("message_template_status_update");
        update.Item["event"]!.GetValue<string>().ShouldBe("PAUSED");
        update.Item["message_template_id"]!.GetValue<long>().ShouldBe(long.Parse(hello.Id));
    }

    private string FirstWaba() => Services.GetRequiredService<SandboxState>().Wabas[0].Id;
}
