using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Data;

/// <summary>Tells, whatever the database, that a save failed because a row with the same unique key is already there.</summary>
public static class UniqueViolation
{
    /// <summary>SQLite's extended result codes for a UNIQUE constraint and a PRIMARY KEY constraint.</summary>
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    /// <summary>The SQLSTATE of a unique violation (PostgreSQL and the SQL standard).</summary>
    private const string SqlStateUnique = "23505";

    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is DbException inner && inner.IsUniqueViolation();

    /// <summary>The same, for a command run without EF Core (prepared statements on the hot paths).</summary>
    public static bool IsUniqueViolation(this DbException exception) =>
        exception switch
        {
            SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
            _ => exception.SqlState == SqlStateUnique,
        };
}
