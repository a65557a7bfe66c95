using System.Security.Claims;
using Bunit;
using Chatobuy.Inbox.Features.QuickReplies;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Features.Outbound;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.QuickReplies;

/// <summary>Settings → Quick replies: an agent keeps their own (the shared ones are the Admins'), with errors next to the field.</summary>
public sealed class QuickRepliesPageTests : ComponentTestContext, IAsyncLifetime
{
    private const string AgentId = "agent-bob";
    private OutboundHarness _harness = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _harness = await OutboundHarness.StartAsync(TimeProvider.System);
        await using (var db = await _harness.DbAsync())
        {
            db.Users.Add(new AppUser { Id = AgentId, UserName = "bob@example.com", Email = "bob@example.com", DisplayName = "Bob", IsActive = true });
            await db.SaveChangesAsync();
        }

        Services.AddSingleton(_harness.QuickReplies);
        Services.AddSingleton(new QuickReplyDraftValidator());
        (await _harness.QuickReplies.SaveAsync(new QuickReplyDraft { Shortcut = "hours", Title = "Opening hours", Text = "9 to 5", Shared = true }, "admin", isAdmin: true))
            .Error.ShouldBeNull();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task Agent_SeesTheSharedOnes_CannotChangeThem_AndAddsTheirOwn()
    {
        AddAuthorization().SetAuthorized("Bob").SetRoles(Roles.Agent).SetClaims(new Claim(ClaimTypes.NameIdentifier, AgentId));
        RenderProviders();
        var page = Render<QuickRepliesPage>();

        var shared = page.Find("[data-testid=shared-replies] [data-testid=quick-reply-row]");
        shared.GetAttribute("data-shortcut").ShouldBe("hours");
        shared.QuerySelector("[data-testid=edit-quick-reply]").ShouldBeNull();
        page.Find("[data-testid=no-personal]").TextContent.ShouldContain("no personal quick replies");

        await page.Find("[data-testid=new-quick-reply]").ClickAsync(new());
        page.FindAll("[data-testid=quick-reply-shared]").ShouldBeEmpty();

        page.Find("#quick-reply-shortcut").Input("my sign off");
        page.WaitForAssertion(() => page.Markup.ShouldContain("A shortcut cannot have spaces"));
        page.Find("#quick-reply-shortcut").Input("hours");
        page.Find("#quick-reply-title").Input("My hours");
        page.Find("#quick-reply-text").Input("I am in from 10, {{contact.name}}.");
        await page.Find("[data-testid=save-quick-reply]").ClickAsync(new());

        // A personal shortcut may repeat a shared one: it is the agent's own.
        page.WaitForAssertion(() => page.Find("[data-testid=personal-replies] [data-testid=quick-reply-row]").GetAttribute("data-shortcut").ShouldBe("hours"));
        page.Find("[data-testid=personal-replies] [data-testid=edit-quick-reply]").ShouldNotBeNull();
        (await _harness.QuickReplies.ListAsync(AgentId)).Where(r => !r.Shared).ShouldHaveSingleItem().OwnerUserId.ShouldBe(AgentId);
    }

    [Fact]
    public async Task Agent_ReusingTheirOwnShortcut_IsToldNextToTheField()
    {
        (await _harness.QuickReplies.SaveAsync(new QuickReplyDraft { Shortcut = "bye", Title = "Goodbye", Text = "Bye!" }, AgentId, isAdmin: false)).Error.ShouldBeNull();
        AddAuthorization().SetAuthorized("Bob").SetRoles(Roles.Agent).SetClaims(new Claim(ClaimTypes.NameIdentifier, AgentId));
        RenderProviders();
        var page = Render<QuickRepliesPage>();

        await page.Find("[data-testid=new-quick-reply]").ClickAsync(new());
        page.Find("#quick-reply-shortcut").Input("Bye");

        page.WaitForAssertion(() => page.Markup.ShouldContain("You already have a quick reply /bye. Choose another shortcut."));
    }
}
