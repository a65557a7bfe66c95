using Bunit;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Usage;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Tests.Features.Usage;

/// <summary>What an admin reads on a channel's details page about this month's usage.</summary>
public sealed class UsageCardTests : ComponentTestContext
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"chatobuy-bunit-{Guid.NewGuid():N}.db");

    public UsageCardTests()
    {
        Services.AddDbContextFactory<InboxDbContext>(o => o.UseSqlite($"Data Source={_databaseFile}"));
        Services.AddSingleton(Options.Create(new UsageOptions { MonthlyAllowance = 1000 }));
        Services.AddSingleton<UsageQueries>();
        using var db = Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContext();
        db.Database.Migrate();
    }

    [Fact]
    public void ThisMonth_UnderTheAllowance_ShowsTheShareAndTheBilledCategories()
    {
        Seed(new ChannelUsageMonth { ConversationsOpened = 12, MessagesReceived = 500, MessagesSent = 350, BillableMarketing = 3, BillableUtility = 12 });

        var card = Render<UsageCard>(p => p.Add(c => c.ChannelId, "ch1").Add(c => c.ShowUsageLink, true));

        card.WaitForElement("[data-testid=usage-allowance]").TextContent.Trim().ShouldBe("850 of 1,000 free messages (sent and received)");
        card.Find("[data-testid=usage-conversations]").TextContent.ShouldBe("12");
        card.Find("[data-testid=usage-billable]").TextContent.ShouldContain("15");
        card.Find("[data-testid=usage-billable]").TextContent.ShouldContain("(3 marketing, 12 utility)");
        card.FindAll("[data-testid=usage-over]").ShouldBeEmpty();
        card.Find("[data-testid=usage-open]").GetAttribute("href").ShouldBe("/usage");
    }

    [Fact]
    public void ThisMonth_OverTheAllowance_SaysMetaBillsTheRestAndWhere()
    {
        Seed(new ChannelUsageMonth { MessagesReceived = 700, MessagesSent = 400 });

        var card = Render<UsageCard>(p => p.Add(c => c.ChannelId, "ch1"));

        card.WaitForElement("[data-testid=usage-over]").TextContent.ShouldContain("billed to the WhatsApp Business Account's payment method");
        card.FindAll("[data-testid=usage-open]").ShouldBeEmpty();
    }

    private void Seed(ChannelUsageMonth usage)
    {
        usage.ChannelId = "ch1";
        usage.Month = UsageMonth.Of(DateTimeOffset.UtcNow);
        using var db = Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContext();
        db.ChannelUsageMonths.Add(usage);
        db.SaveChanges();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databaseFile);
    }
}
