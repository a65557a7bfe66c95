using Bunit;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Tests.Support;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

/// <summary>The <c>?</c> overlay listing the inbox's keyboard shortcuts, and what the shortcuts tell the page.</summary>
public sealed class KeyboardShortcutsTests : ComponentTestContext
{
    [Fact]
    public void Overlay_Open_ListsEveryShortcutWithItsKeys()
    {
        var overlay = Render<ShortcutsOverlay>(p => p.Add(c => c.Open, true));

        var rows = overlay.FindAll("[data-testid=shortcut]");
        rows.Count.ShouldBe(InboxShortcut.All.Count);
        overlay.FindAll("[data-testid=shortcut-action]").Select(a => a.TextContent).ShouldBe(InboxShortcut.All.Select(s => s.Action));
        rows[0].QuerySelectorAll("kbd").Select(k => k.TextContent).ShouldBe(["Alt+↓", "J"]);
        overlay.Find("[data-testid=shortcuts-overlay]").GetAttribute("role").ShouldBe("dialog");
        overlay.Markup.ShouldContain("Open quick replies");
        overlay.Markup.ShouldContain("Assign the conversation to me");
    }

    [Fact]
    public void Overlay_Closed_ShowsNothing() =>
        Render<ShortcutsOverlay>(p => p.Add(c => c.Open, false)).FindAll("[data-testid=shortcuts-overlay]").ShouldBeEmpty();

    [Fact]
    public void Overlay_CloseButtonOrBackdrop_AsksToClose()
    {
        var closed = 0;
        var overlay = Render<ShortcutsOverlay>(p => p.Add(c => c.Open, true).Add(c => c.OnClose, () => closed++));

        overlay.Find("[data-testid=shortcuts-close]").Click();
        overlay.Find("[data-testid=shortcuts-backdrop]").Click();

        closed.ShouldBe(2);
    }

    [Fact]
    public async Task Shortcuts_QuestionMarkThenEsc_OpenAndCloseTheOverlay()
    {
        var shortcuts = Render<KeyboardShortcuts>();
        shortcuts.FindAll("[data-testid=shortcuts-overlay]").ShouldBeEmpty();

        await shortcuts.InvokeAsync(() => shortcuts.Instance.Shortcut("help"));
        shortcuts.Find("[data-testid=shortcuts-overlay]").ShouldNotBeNull();

        await shortcuts.InvokeAsync(() => shortcuts.Instance.Shortcut("close"));
        shortcuts.FindAll("[data-testid=shortcuts-overlay]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Shortcuts_EachAction_TellsThePage()
    {
        var told = new List<string>();
        var shortcuts = Render<KeyboardShortcuts>(p => p
            .Add(c => c.OnNext, () => told.Add("next"))
            .Add(c => c.OnPrevious, () => told.Add("previous"))
            .Add(c => c.OnResolve, () => told.Add("resolve"))
            .Add(c => c.OnAssignToMe, () => told.Add("assign-me")));

        foreach (var action in new[] { "next", "previous", "resolve", "assign-me" })
        {
            await shortcuts.InvokeAsync(() => shortcuts.Instance.Shortcut(action));
        }

        told.ShouldBe(["next", "previous", "resolve", "assign-me"]);
    }
}
