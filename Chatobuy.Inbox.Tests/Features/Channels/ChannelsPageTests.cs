using Bunit;
using Chatobuy.Inbox.Features.Channels;

namespace Chatobuy.Inbox.Tests.Features.Channels;

public sealed class ChannelsPageTests : ChannelComponentTestContext
{
    private static readonly TimeSpan DialogTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public void ChannelsPage_NoChannels_InvitesToConnectOne()
    {
        RenderProviders();
        var page = Render<ChannelsPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=no-channels]").TextContent.ShouldContain("No channels yet"));
    }

    [Fact]
    public void ChannelsPage_AppLevelWebhook_ShowsUrlAndVerifyToken()
    {
        RenderProviders();
        var page = Render<ChannelsPage>();

        page.Find("[data-testid=app-webhook] .mud-expand-panel-header").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=app-webhook-url]").TextContent.ShouldBe("http://localhost/webhooks/whatsapp"));
        page.Find("[data-testid=app-verify-token]").TextContent.ShouldBe("app-level-token");
    }

    [Fact]
    public async Task MarkAsDefault_OtherChannel_MovesTheDefaultBadge()
    {
        await AddChannelAsync("First", "1001", isDefault: true);
        await AddChannelAsync("Second", "1002", isDefault: false);
        var providers = RenderProviders();
        var page = Render<ChannelsPage>();
        page.WaitForAssertion(() => page.FindAll("tbody tr").Count.ShouldBe(2));

        page.FindAll("[data-testid=channel-menu] button")[1].Click();
        providers.WaitForAssertion(() => providers.Find("[data-testid=menu-default]").Click());

        page.WaitForAssertion(() => page.FindAll("tbody tr")[0].TextContent.ShouldContain("Second"));
        page.FindAll("[data-testid=default-badge]").Count.ShouldBe(1);
        page.FindAll("tbody tr")[0].QuerySelector("[data-testid=default-badge]").ShouldNotBeNull();
        (await StoredChannelsAsync()).Where(c => c.IsDefault).Select(c => c.Title).ShouldBe(["Second"]);
    }

    [Fact]
    public async Task CopyChannelId_FromMenu_CopiesTheIdAndSaysSo()
    {
        var channel = await AddChannelAsync("First", "1001", isDefault: true);
        var providers = RenderProviders();
        var page = Render<ChannelsPage>();
        page.WaitForAssertion(() => page.FindAll("tbody tr").Count.ShouldBe(1));

        page.Find("[data-testid=channel-menu] button").Click();
        providers.WaitForAssertion(() => providers.Find("[data-testid=menu-copy-id]").Click());

        JSInterop.VerifyInvoke("chatobuy.copyText").Arguments.ShouldBe([channel.Id]);
        providers.WaitForAssertion(() => providers.Markup.ShouldContain("Channel ID copied to the clipboard."));
    }

    [Fact]
    public async Task Delete_Confirmed_RemovesTheChannelAndUnsubscribesTheLastOnItsAccount()
    {
        await AddChannelAsync("First", "1001", isDefault: true);
        await AddChannelAsync("Second", "1002", isDefault: false, wabaId: "222");
        var providers = RenderProviders();
        var page = Render<ChannelsPage>();
        page.WaitForAssertion(() => page.FindAll("tbody tr").Count.ShouldBe(2));

        page.FindAll("[data-testid=channel-menu] button")[0].Click();
        providers.WaitForAssertion(() => providers.Find("[data-testid=menu-delete]").Click());
        providers.WaitForAssertion(() => providers.Markup.ShouldContain("Delete \"First\" (+1 555-1001)?"));
        providers.Find("[data-testid=confirm]").Click();

        page.WaitForAssertion(() => page.FindAll("tbody tr").Count.ShouldBe(1));
        page.Find("tbody tr").TextContent.ShouldContain("Second");
        page.Find("[data-testid=default-badge]").ShouldNotBeNull();
        Graph.Calls.ShouldContain("unsubscribe:111");
    }

    [Fact]
    public async Task Edit_InvalidForwardingUrlAndEmail_ShowsMessagesAndSavesNothing()
    {
        var (providers, page) = await OpenEditDialogAsync();
        providers.Find("input[data-testid=edit-forwarding]").Input("ftp://example.com/hook");
        providers.Find("textarea[data-testid=edit-emails]").Input("ops@example.com, not-an-email");
        providers.Find("[data-testid=edit-save]").Click();

        providers.WaitForAssertion(() =>
        {
            providers.Markup.ShouldContain("Enter a full http:// or https:// address, or leave it empty.");
            providers.Markup.ShouldContain("\"not-an-email\" is not a valid email address.");
        });
        var stored = (await StoredChannelsAsync()).ShouldHaveSingleItem();
        stored.ForwardingWebhookUrl.ShouldBeNull();
        stored.AlertEmails.ShouldBeEmpty();
    }

    [Fact]
    public async Task Edit_ValidValues_AreSavedAndShown()
    {
        var (providers, page) = await OpenEditDialogAsync();
        providers.Find("input[data-testid=edit-title]").Input("Sales line");
        providers.Find("input[data-testid=edit-forwarding]").Input("https://hooks.example.com/wa");
        providers.Find("textarea[data-testid=edit-emails]").Input("ops@example.com\nboss@example.com");
        providers.Find("[data-testid=edit-save]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=channel-title]").TextContent.ShouldBe("Sales line"));
        var stored = (await StoredChannelsAsync()).ShouldHaveSingleItem();
        stored.ForwardingWebhookUrl.ShouldBe("https://hooks.example.com/wa");
        stored.AlertEmails.ShouldBe(["ops@example.com", "boss@example.com"]);
    }

    [Fact]
    public async Task Edit_RoundRobinWithALimit_IsSaved()
    {
        var (providers, _) = await OpenEditDialogAsync();
        providers.FindAll("[data-testid=edit-assignment-limit]").ShouldBeEmpty();
        providers.Find("div.mud-select:has([data-testid=edit-assignment]) .mud-input-control-input-container").MouseDown();
        providers.WaitForAssertion(() => providers.FindAll(".mud-list-item").First(i => i.TextContent.Contains("Round robin among online agents")).Click(), DialogTimeout);
        providers.WaitForAssertion(() => providers.Find("input[data-testid=edit-assignment-limit]").Input("5"), DialogTimeout);
        providers.Find("[data-testid=edit-save]").Click();

        await WaitForStoredAsync(c => c.AssignmentMode == AssignmentMode.RoundRobin && c.AssignmentLimit == 5);
    }

    private async Task WaitForStoredAsync(Func<Channel, bool> saved)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!saved((await StoredChannelsAsync()).Single()))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the channel was never saved so");
            await Task.Delay(50);
        }
    }

    /// <summary>One channel listed, its menu opened and Edit chosen: the dialog is on screen.</summary>
    private async Task<(IRenderedComponent<Support.MudProviders> Providers, IRenderedComponent<ChannelsPage> Page)> OpenEditDialogAsync()
    {
        await AddChannelAsync("First", "1001", isDefault: true);
        var providers = RenderProviders();
        var page = Render<ChannelsPage>();
        page.WaitForAssertion(() => page.FindAll("tbody tr").Count.ShouldBe(1));
        page.Find("[data-testid=channel-menu] button").Click();
        // The dialog is the heaviest render here (a form of selects and fields): a loaded machine may take a few seconds.
        providers.WaitForAssertion(() => providers.Find("[data-testid=menu-edit]").Click(), DialogTimeout);
        providers.WaitForAssertion(() => providers.Find("input[data-testid=edit-title]"), DialogTimeout);
        return (providers, page);
    }
}
