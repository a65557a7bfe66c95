using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Chatobuy.Inbox.Data;

public static class DatabaseTimeouts
{
    /// <summary>
    /// How long this context waits for a locked database before it fails (SQLite's busy wait), for the paths that must
    /// answer quickly rather than wait the default 30 seconds. Covers EF's commands and the <c>BEGIN</c> of a transaction.
    /// </summary>
    public static void SetBusyTimeout(this DatabaseFacade database, TimeSpan timeout)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
        database.SetCommandTimeout(seconds);
        if (database.GetDbConnection() is SqliteConnection sqlite)
        {
            sqlite.DefaultTimeout = seconds;
        }
    }
}
