using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Interactive;
using Chatobuy.Inbox.Features.Media;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Features.Channels;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatobuy.Inbox.Tests.Features.Interactive;

/// <summary>The library page as an Admin and as an Agent sees it: the list, search, preview, duplicate and delete.</summary>
public sealed class InteractiveMessagesPageTests : ComponentTestContext
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"chatobuy-bunit-{Guid.NewGuid():N}");
    private readonly Channel _channel;
    private readonly BunitAuthorizationContext _auth;

    public InteractiveMessagesPageTests()
    {
        Directory.CreateDirectory(_dataDirectory);
        Services.AddDbContextFactory<InboxDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_dataDirectory, "inbox.db")}"));
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddSingleton<ChannelSecrets>();
        Services.AddSingleton<IGraphApi>(new FakeGraphApi());
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddHttpClient();
        Services.AddScoped<GraphClient>();
        Services.AddSingleton(new DataPaths(_dataDirectory));
        Services.AddSingleton<MediaStore>();
        Services.AddInteractive();
        _auth = AddAuthorization();

        using (var db = Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContext())
        {
            db.Database.Migrate();
            _channel = TestChannels.New(Services.GetRequiredService<ChannelSecrets>(), "Shop", "1001");
            db.Channels.Add(_channel);
            db.SaveChanges();
        }
    }

    private void SignIn(bool admin)
    {
        _auth.SetAuthorized(admin ? "Ada" : "Bob");
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, admin ? "ada" : "bob"));
        if (admin)
        {
            _auth.SetPolicies(Policies.Admin);
        }
    }

    private async Task SaveAsync(string name, string body)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<InteractiveLibrary>().CreateAsync(_channel.Id, new InteractiveMessageDraft
        {
            Name = name,
            Body = body,
            Buttons = [new() { Title = "Yes" }, new() { Title = "No" }],
        }, "ada");
        result.Errors.ShouldBeEmpty();
    }

    private IRenderedComponent<InteractiveMessagesPage> RenderPage() => Render<InteractiveMessagesPage>(p => p.Add(c => c.ChannelId, _channel.Id));

    [Fact]
    public async Task Admin_SeesEachMessageWithTypeTextAndActions_AndPreviewsTheOnePicked()
    {
        SignIn(admin: true);
        await SaveAsync("Delivery slots", "Hi {{contact.name}}, when should we deliver?");
        await SaveAsync("Feedback", "Did you like your order?");
        RenderProviders();

        var page = RenderPage();

        page.WaitForAssertion(() => page.FindAll("[data-testid=interactive-name]").Select(n => n.TextContent).ShouldBe(["Delivery slots", "Feedback"]));
        page.Find("[data-testid=type-chip]").TextContent.ShouldContain("Buttons");
        page.Find("[data-testid=interactive-excerpt]").TextContent.ShouldBe("Hi {{contact.name}}, when should we deliver?");
        page.FindAll("[data-testid=edit]").Count.ShouldBe(2);
        page.Find("[data-testid=new-interactive]").GetAttribute("href").ShouldBe($"/channels/{_channel.Id}/interactive-messages/new");

        page.FindAll("tbody tr")[1].Click();
        page.WaitForAssertion(() => page.Find("[data-testid=preview-body]").TextContent.ShouldBe("Did you like your order?"));
    }

    [Fact]
    public async Task Agent_SeesTheLibraryButCannotChangeIt()
    {
        SignIn(admin: false);
        await SaveAsync("Delivery slots", "When should we deliver?");
        RenderProviders();

        var page = RenderPage();

        page.WaitForAssertion(() => page.FindAll("[data-testid=interactive-name]").Count.ShouldBe(1));
        page.FindAll("[data-testid=new-interactive]").ShouldBeEmpty();
        page.FindAll("[data-testid=edit]").ShouldBeEmpty();
        page.FindAll("[data-testid=delete]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_ByBodyText_ShowsOnlyMatches()
    {
        SignIn(admin: true);
        await SaveAsync("Delivery slots", "When should we deliver?");
        await SaveAsync("Feedback", "Did you like your order?");
        RenderProviders();
        var page = RenderPage();
        page.WaitForAssertion(() => page.FindAll("[data-testid=interactive-name]").Count.ShouldBe(2));

        page.Find("[data-testid=search]").Input("like your");

        page.WaitForAssertion(() => page.FindAll("[data-testid=interactive-name]").Select(n => n.TextContent).ShouldBe(["Feedback"]));
    }

    [Fact]
    public async Task DuplicateThenDelete_AddsTheCopy_ThenRemovesItAfterConfirmation()
    {
        SignIn(admin: true);
        await SaveAsync("Feedback", "Did you like your order?");
        var providers = RenderProviders();
        var page = RenderPage();
        page.WaitForAssertion(() => page.FindAll("[data-testid=interactive-name]").Count.ShouldBe(1));

        page.Find("[data-testid=duplicate]").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid=interactive-name]").Select(n => n.TextContent).ShouldBe(["Copy of Feedback", "Feedback"]));

        page.FindAll("[data-testid=delete]")[0].Click();
        providers.WaitForAssertion(() => providers.Markup.ShouldContain("Delete \"Copy of Feedback\"?"));
        providers.Find("[data-testid=confirm]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=interactive-name]").Select(n => n.TextContent).ShouldBe(["Feedback"]));
    }

    [Fact]
    public void Empty_InvitesTheAdminToBuildTheFirst()
    {
        SignIn(admin: true);
        RenderProviders();

        var page = RenderPage();

        page.WaitForAssertion(() => page.Find("[data-testid=empty]").TextContent.ShouldContain("No interactive messages yet"));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
