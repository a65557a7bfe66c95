using Chatobuy.Inbox.Data;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Tests.Data;

public sealed class MigrationsTests
{
    /// <summary>What the app's model says the schema is, the committed migrations say too: an upgrade needs nothing else.</summary>
    [Fact]
    public void Migrations_CommittedSnapshot_MatchesTheModel()
    {
        using var db = new InboxDbContext(new DbContextOptionsBuilder<InboxDbContext>().UseSqlite("Data Source=:memory:").Options);

        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }
}
