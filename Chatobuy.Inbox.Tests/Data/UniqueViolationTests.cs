using Chatobuy.Inbox.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Tests.Data;

public sealed class UniqueViolationTests
{
    [Theory]
    [InlineData("INSERT INTO t (id, key, name) VALUES (2, 'a', 'second')", true)]
    [InlineData("INSERT INTO t (id, key, name) VALUES (1, 'b', 'same id')", true)]
    [InlineData("INSERT INTO t (id, key, name) VALUES (3, 'c', NULL)", false)]
    [InlineData("INSERT INTO t (id, key, name, parent) VALUES (4, 'd', 'orphan', 99)", false)]
    public void IsUniqueViolation_SqliteRefusal_OnlyTheSameKeyCounts(string insert, bool expected)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "PRAGMA foreign_keys = ON");
        Execute(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, parent INTEGER REFERENCES t(id))");
        Execute(connection, "INSERT INTO t (id, key, name) VALUES (1, 'a', 'first')");

        var refusal = Should.Throw<SqliteException>(() => Execute(connection, insert));

        new DbUpdateException("save failed", refusal).IsUniqueViolation().ShouldBe(expected);
        refusal.IsUniqueViolation().ShouldBe(expected);
    }

    [Fact]
    public void IsUniqueViolation_NoDatabaseError_False() =>
        new DbUpdateException("save failed", new InvalidOperationException()).IsUniqueViolation().ShouldBeFalse();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
