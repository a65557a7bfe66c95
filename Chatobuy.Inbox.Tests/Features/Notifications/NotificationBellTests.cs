using System.Security.Claims;
using Bunit;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Availability;
using Chatobuy.Inbox.Features.Notifications;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Features.Notifications;

/// <summary>The bell in the top bar: its count follows new notifications live, the panel lists them and marks them read.</summary>
public sealed class NotificationBellTests : ComponentTestContext
{
    private const string Ada = "ada";
    private readonly BunitJSModuleInterop _module;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"chatobuy-bell-{Guid.NewGuid():N}");

    public NotificationBellTests()
    {
        Directory.CreateDirectory(_dataDirectory);
        Services.AddDbContextFactory<InboxDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_dataDirectory, "inbox.db")}"));
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton<InboxEvents>();
        Services.AddSingleton<NotificationCenter>();
        Services.AddSingleton(Options.Create(new AvailabilityOptions()));
        Services.AddSingleton<AgentAvailability>();
        var auth = AddAuthorization();
        auth.SetAuthorized("Ada");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, Ada));
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        _module = JSInterop.SetupModule("./topbar.js");
        _module.Setup<string>("permission").SetResult("default");

        using var db = Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContext();
        db.Database.Migrate();
    }

    private NotificationCenter Center => Services.GetRequiredService<NotificationCenter>();

    [Fact]
    public async Task Bell_NewNotification_CountsLiveAndPutsTheCountInTheTitle()
    {
        var bell = Render<NotificationBell>();
        bell.FindAll("[data-testid=notification-count]").ShouldBeEmpty();
        bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label").ShouldBe("Notifications");

        await Center.AddAsync([Assigned(Ada, 7, "Bob assigned you a conversation"), Assigned("someone-else", 8, "Not for Ada")]);

        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-count]").TextContent.ShouldBe("1"));
        bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label").ShouldBe("Notifications: 1 unread");
        bell.WaitForAssertion(() => _module.Invocations.ShouldContain(i => i.Identifier == "setUnread" && (int)i.Arguments[0]! == 1));
        _module.Invocations.ShouldContain(i => i.Identifier == "notify" && (string)i.Arguments[0]! == "Bob assigned you a conversation");
    }

    [Fact]
    public async Task Panel_ListsTheAgentsNotifications_MarkReadAndMarkAllRead()
    {
        await Center.AddAsync([Assigned(Ada, 1, "Bob assigned you a conversation"), Assigned(Ada, 2, "Cleo mentioned you"), Assigned("bob", 3, "Bob's own")]);
        var bell = Render<NotificationBell>();
        bell.Find("[data-testid=notification-count]").TextContent.ShouldBe("2");

        await bell.Find("[data-testid=notification-bell]").ClickAsync(new());

        bell.FindAll("[data-testid=notification-title]").Select(t => t.TextContent).ShouldBe(["Cleo mentioned you", "Bob assigned you a conversation"], ignoreOrder: true);
        bell.Find("[data-testid=notifications-enable]").TextContent.ShouldContain("Show them as browser notifications");
        bell.FindAll("a.notification-link").Select(a => a.GetAttribute("href")).ShouldBe(["/inbox/2", "/inbox/1"], ignoreOrder: true);

        await bell.FindAll("[data-testid=notification-read]")[0].ClickAsync(new());
        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-count]").TextContent.ShouldBe("1"));
        bell.FindAll("[data-testid=notification][data-read=true]").Count.ShouldBe(1);

        await bell.Find("[data-testid=notifications-read-all]").ClickAsync(new());
        bell.WaitForAssertion(() => bell.FindAll("[data-testid=notification-count]").ShouldBeEmpty());
        bell.FindAll("[data-testid=notification][data-read=false]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Panel_NothingYet_SaysWhatWillAppear()
    {
        var bell = Render<NotificationBell>();

        await bell.Find("[data-testid=notification-bell]").ClickAsync(new());

        bell.Find("[data-testid=notifications-empty]").TextContent.ShouldContain("New conversations, messages in conversations assigned to you, assignments and mentions appear here.");
    }

    private static Notification Assigned(string userId, long conversationId, string title) => new()
    {
        UserId = userId,
        Kind = NotificationKind.Assigned,
        ChannelId = "channel",
        ConversationId = conversationId,
        Title = title,
        Text = "Mark on Support",
    };

    protected override void Dispose(bool disposing)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The folder is under the temp directory anyway.
        }
    }
}
